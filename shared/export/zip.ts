export interface ZipEntry {
  /** Path inside the archive, '/' separators; stored as UTF-8. */
  name: string;
  data: Uint8Array;
}

/** Raw deflate and CRC-32, given by the caller: shared/ runs in the browser too, so it cannot take Node's zlib itself. */
export interface Compressor {
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

// Both Node and the browser have TextEncoder; shared/ is compiled without either's types.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

/** Text as UTF-8 bytes, for the parts of an archive. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * A minimal ZIP writer (PKWARE APPNOTE: local headers, deflate, central directory, end record),
 * enough for an Office Open XML package. The compressor (Node's zlib on the Node side) does the
 * compression and CRC-32, so no dependency is needed. No ZIP64: refuses archives past 4 GiB or
 * 65,535 files.
 */
export function zipFiles(entries: readonly ZipEntry[], compressor: Compressor, date = new Date(), level = 6): Uint8Array {
  if (entries.length > 0xffff) throw new RangeError('Too many files for a ZIP without ZIP64.');
  const dosTime = ((date.getHours() & 0x1f) << 11) | ((date.getMinutes() & 0x3f) << 5) | ((date.getSeconds() >> 1) & 0x1f);
  const dosDate = (((Math.max(1980, date.getFullYear()) - 1980) & 0x7f) << 9) | (((date.getMonth() + 1) & 0xf) << 5) | (date.getDate() & 0x1f);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = utf8(entry.name);
    const compressed = compressor.deflateRaw(entry.data, level);
    const crc = compressor.crc32(entry.data);
    // DataView wraps a number that does not fit, where Buffer threw: each size is checked here instead.
    if (offset > 0xffffffff || entry.data.length > 0xffffffff || compressed.length > 0xffffffff) throw new RangeError('The archive is too large for a ZIP without ZIP64.');
    if (name.length > 0xffff) throw new RangeError('A file name is too long for a ZIP.');
    const fields = { dosTime, dosDate, crc, compressedSize: compressed.length, size: entry.data.length, nameLength: name.length };
    const local = new Uint8Array(30);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    writeSharedFields(l, 4, fields);
    const header = new Uint8Array(46);
    const h = new DataView(header.buffer);
    h.setUint32(0, 0x02014b50, true);
    h.setUint16(4, 20, true); // made by: 2.0
    writeSharedFields(h, 6, fields);
    // extra, comment, disk number, internal and external attributes stay 0
    h.setUint32(42, offset, true);
    chunks.push(local, name, compressed);
    central.push(header, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  if (offset + centralSize > 0xffffffff) throw new RangeError('The archive is too large for a ZIP without ZIP64.');
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  return concat([...chunks, ...central, end]);
}

/** The fields a local header and its central directory header both hold, in the same order (then the extra field's length, 0). */
function writeSharedFields(
  view: DataView,
  at: number,
  fields: { dosTime: number; dosDate: number; crc: number; compressedSize: number; size: number; nameLength: number },
): void {
  view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
  view.setUint16(at + 2, 0x0800, true); // flags: names are UTF-8
  view.setUint16(at + 4, 8, true); // method: deflate
  view.setUint16(at + 6, fields.dosTime, true);
  view.setUint16(at + 8, fields.dosDate, true);
  view.setUint32(at + 10, fields.crc, true);
  view.setUint32(at + 14, fields.compressedSize, true);
  view.setUint32(at + 18, fields.size, true);
  view.setUint16(at + 22, fields.nameLength, true);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}
