// Small binary workbooks written for the inspection tests: Excel 97–2003 (BIFF8 in a compound
// file) and xlsb. Only the records Fieldbook reads, written by hand from MS-XLS, MS-XLSB and MS-CFB.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';

/** A cell: a string (shared), `{ text }` an inline string (LABEL / BrtCellSt), a number, `{ rk }` an RK number. */
export type BinaryCell = string | number | { text: string } | { rk: number } | null;
export interface BinarySheet {
  name: string;
  rows: BinaryCell[][];
}

const record = (type: number, body: Buffer) => {
  const header = Buffer.alloc(4);
  header.writeUInt16LE(type, 0);
  header.writeUInt16LE(body.length, 2);
  return Buffer.concat([header, body]);
};
const u16 = (value: number) => Buffer.from([value & 0xff, value >> 8]);
const u32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value >>> 0);
  return buffer;
};
/** An RK number for an integer (MS-XLS 2.5.218: shifted left by 2, bit 1 set). */
const rkInteger = (value: number) => ((value << 2) | 0x02) >>> 0;

/**
 * The shared string table, split into an SST and CONTINUE records of at most `maxRecord` bytes,
 * cutting strings in the middle the way Excel does: a CONTINUE that goes on with a string's
 * characters starts with an 8/16-bit flag of its own for the rest of them.
 */
function sstRecords(strings: string[], maxRecord: number): Buffer[] {
  const records: Buffer[][] = [[u32(strings.length), u32(strings.length)]];
  let size = 8;
  const push = (part: Buffer) => {
    records.at(-1)!.push(part);
    size += part.length;
  };
  const needsWide = (text: string) => [...text].some((char) => char.charCodeAt(0) > 0xff);
  for (const text of strings) {
    let wide = needsWide(text);
    if (size + 3 > maxRecord) {
      records.push([]);
      size = 0;
    }
    push(Buffer.concat([u16(text.length), Buffer.from([wide ? 1 : 0])]));
    let chars = text;
    while (chars.length > 0) {
      const room = Math.floor((maxRecord - size) / (wide ? 2 : 1));
      if (room <= 0) {
        // The rest may change width: 8-bit when what is left fits, as Excel writes it.
        wide = needsWide(chars);
        records.push([Buffer.from([wide ? 1 : 0])]);
        size = 1;
        continue;
      }
      push(Buffer.from(chars.slice(0, room), wide ? 'utf16le' : 'latin1'));
      chars = chars.slice(room);
    }
  }
  return records.map((parts, i) => record(i === 0 ? 0x00fc : 0x003c, Buffer.concat(parts)));
}

function biffCell(row: number, column: number, value: BinaryCell, shared: Map<string, number>): Buffer | null {
  const where = Buffer.concat([u16(row), u16(column), u16(0x0f)]);
  if (value === null) return null;
  if (typeof value === 'string') return record(0x00fd, Buffer.concat([where, u32(shared.get(value)!)]));
  if (typeof value === 'number') {
    const number = Buffer.alloc(8);
    number.writeDoubleLE(value);
    return record(0x0203, Buffer.concat([where, number]));
  }
  if ('rk' in value) return record(0x027e, Buffer.concat([where, u32(rkInteger(value.rk))]));
  return record(0x0204, Buffer.concat([where, u16(value.text.length), Buffer.from([1]), Buffer.from(value.text, 'utf16le')]));
}

/** The Workbook stream of a BIFF8 workbook with the given sheets. */
export function biff8Workbook(sheets: BinarySheet[], options: { maxRecord?: number } = {}): Buffer {
  const strings = [...new Set(sheets.flatMap((sheet) => sheet.rows.flat().filter((cell): cell is string => typeof cell === 'string')))];
  const shared = new Map(strings.map((text, i) => [text, i]));
  const bof = (kind: number) => record(0x0809, Buffer.concat([u16(0x0600), u16(kind), u16(0x0dbb), u16(0x07cc), u32(0), u32(0x06)]));
  const boundSheet = (position: number, name: string) => record(0x0085, Buffer.concat([u32(position), Buffer.from([0, 0, name.length, 1]), Buffer.from(name, 'utf16le')]));
  const sheetStreams = sheets.map((sheet) =>
    Buffer.concat([
      bof(0x0010),
      ...sheet.rows.flatMap((cells, r) => cells.map((cell, c) => biffCell(r, c, cell, shared)).filter((b): b is Buffer => b !== null)),
      record(0x000a, Buffer.alloc(0)),
    ]),
  );
  const globalsFor = (positions: number[]) =>
    Buffer.concat([bof(0x0005), record(0x0042, u16(1200)), ...sheets.map((sheet, i) => boundSheet(positions[i]!, sheet.name)), ...sstRecords(strings, options.maxRecord ?? 8224), record(0x000a, Buffer.alloc(0))]);
  // BOUNDSHEET holds where each sheet starts, which depends on the globals' own length: measure first.
  const globalsLength = globalsFor(sheets.map(() => 0)).length;
  const positions: number[] = [];
  let at = globalsLength;
  for (const stream of sheetStreams) {
    positions.push(at);
    at += stream.length;
  }
  return Buffer.concat([globalsFor(positions), ...sheetStreams]);
}

/** A compound file (MS-CFB v3, 512-byte sectors) holding one stream, padded past the mini-stream cutoff. */
export function compoundFile(streamName: string, stream: Buffer): Buffer {
  const data = Buffer.concat([stream, Buffer.alloc(Math.max(0, 4096 - stream.length))]);
  const dataSectors = Math.ceil(data.length / 512);
  if (dataSectors + 2 > 128) throw new Error('The test compound file holds at most 63 KB.');
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1 + dataSectors, 48); // the directory comes after the stream
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 76 + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  for (let i = 1; i <= dataSectors; i++) fat.writeUInt32LE(i === dataSectors ? 0xfffffffe : i + 1, i * 4);
  fat.writeUInt32LE(0xfffffffe, (1 + dataSectors) * 4);
  const entry = (name: string, type: number, child: number, start: number, size: number) => {
    const buffer = Buffer.alloc(128, 0);
    buffer.write(name, 0, 'utf16le');
    buffer.writeUInt16LE((name.length + 1) * 2, 64);
    buffer[66] = type;
    buffer[67] = 1;
    buffer.writeUInt32LE(0xffffffff, 68);
    buffer.writeUInt32LE(0xffffffff, 72);
    buffer.writeUInt32LE(child, 76);
    buffer.writeUInt32LE(start, 116);
    buffer.writeUInt32LE(size, 120);
    return buffer;
  };
  const directory = Buffer.concat([entry('Root Entry', 5, 1, 0xfffffffe, 0), entry(streamName, 2, 0xffffffff, 1, data.length), Buffer.alloc(256, 0)]);
  directory.writeUInt32LE(0xffffffff, 256 + 68);
  return Buffer.concat([header, fat, data, Buffer.alloc(dataSectors * 512 - data.length), directory]);
}

export function writeXls(dir: string, name: string, sheets: BinarySheet[], options: { maxRecord?: number } = {}): string {
  const path = join(dir, name);
  writeFileSync(path, compoundFile('Workbook', biff8Workbook(sheets, options)));
  return path;
}

/** An xlsb record: type and size as 7-bit variable-length numbers, then the body. */
function brt(type: number, body: Buffer): Buffer {
  const header: number[] = [];
  for (let value = type, more = true; more; ) {
    more = value > 0x7f;
    header.push((value & 0x7f) | (more ? 0x80 : 0));
    value >>= 7;
  }
  for (let value = body.length, more = true; more; ) {
    more = value > 0x7f;
    header.push((value & 0x7f) | (more ? 0x80 : 0));
    value >>= 7;
  }
  return Buffer.concat([Buffer.from(header), body]);
}
const wide = (text: string) => Buffer.concat([u32(text.length), Buffer.from(text, 'utf16le')]);

function xlsbCell(column: number, value: BinaryCell, shared: Map<string, number>): Buffer | null {
  const where = Buffer.concat([u32(column), u32(0)]);
  if (value === null) return null;
  if (typeof value === 'string') return brt(7, Buffer.concat([where, u32(shared.get(value)!)]));
  if (typeof value === 'number') {
    const number = Buffer.alloc(8);
    number.writeDoubleLE(value);
    return brt(5, Buffer.concat([where, number]));
  }
  if ('rk' in value) return brt(2, Buffer.concat([where, u32(rkInteger(value.rk))]));
  return brt(6, Buffer.concat([where, wide(value.text)]));
}

export function writeXlsb(dir: string, name: string, sheets: BinarySheet[]): string {
  const strings = [...new Set(sheets.flatMap((sheet) => sheet.rows.flat().filter((cell): cell is string => typeof cell === 'string')))];
  const shared = new Map(strings.map((text, i) => [text, i]));
  const rels = (items: string[]) => strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`);
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
    ),
    '_rels/.rels': rels([rel('rId1', 'officeDocument', 'xl/workbook.bin')]),
    'xl/_rels/workbook.bin.rels': rels([...sheets.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.bin`)), rel('rIdS', 'sharedStrings', 'sharedStrings.bin')]),
    'xl/workbook.bin': Buffer.concat([brt(131, Buffer.alloc(0)), ...sheets.map((sheet, i) => brt(156, Buffer.concat([u32(0), u32(i + 1), wide(`rId${i + 1}`), wide(sheet.name)]))), brt(132, Buffer.alloc(0))]),
    'xl/sharedStrings.bin': Buffer.concat([brt(159, Buffer.concat([u32(strings.length), u32(strings.length)])), ...strings.map((text) => brt(19, Buffer.concat([Buffer.from([0]), wide(text)]))), brt(160, Buffer.alloc(0))]),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.bin`] = Buffer.concat([
      brt(129, Buffer.alloc(0)),
      brt(145, Buffer.alloc(0)),
      ...sheet.rows.flatMap((cells, r) => [brt(0, Buffer.concat([u32(r), Buffer.alloc(13)])), ...cells.map((cell, c) => xlsbCell(c, cell, shared)).filter((b): b is Buffer => b !== null)]),
      brt(146, Buffer.alloc(0)),
      brt(130, Buffer.alloc(0)),
    ]);
  });
  const path = join(dir, name);
  writeFileSync(path, zipSync(files));
  return path;
}
