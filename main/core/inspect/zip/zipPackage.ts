import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { constants as zlibConstants, createInflateRaw, inflateRawSync } from 'node:zlib';
import { fail, InspectionFailure, type InspectionLimits } from '../limits';

/** One entry of a zip central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 200_000;
const RATIO_CHECK_FROM = 1024 * 1024;
/** Parts up to this size (packed and inflated) are read in one piece rather than streamed. */
const SMALL_PART = 1024 * 1024;

/**
 * A zip package read lazily: only the central directory up front, then single parts on request,
 * inflated with the platform's zlib under the size and compression-ratio limits.
 */
export class ZipPackage {
  readonly entries = new Map<string, ZipEntry>();
  private readonly lowerNames = new Map<string, string>();
  private inflated = 0;

  private constructor(
    private readonly path: string,
    private readonly fd: number,
    readonly fileSize: number,
    private readonly limits: InspectionLimits,
  ) {}

  static open(path: string, limits: InspectionLimits): ZipPackage {
    const fd = openSync(path, 'r');
    try {
      const zip = new ZipPackage(path, fd, fstatSync(fd).size, limits);
      zip.readCentralDirectory();
      return zip;
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Finds a part by name, ignoring case and a leading slash (OOXML part names are case-insensitive). */
  find(name: string): ZipEntry | undefined {
    const clean = name.replace(/^\/+/, '');
    const exact = this.entries.get(clean);
    if (exact) return exact;
    const real = this.lowerNames.get(clean.toLowerCase());
    return real === undefined ? undefined : this.entries.get(real);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Reads a whole (small) part into memory; at most `maxBytes` inflated. */
  read(entry: ZipEntry, maxBytes = 64 * 1024 * 1024): Buffer {
    this.checkDeclared(entry, maxBytes);
    const compressed = this.readCompressed(entry);
    if (entry.method === 0) return this.count(entry, compressed);
    let output: Buffer;
    try {
      output = inflateRawSync(compressed, { maxOutputLength: Math.min(maxBytes, this.remaining()) + 1, finishFlush: zlibConstants.Z_SYNC_FLUSH });
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        fail('too_large', `The part ${entry.name} inflates to more than ${formatBytes(Math.min(maxBytes, this.remaining()))}.`);
      }
      fail('corrupt', `The part ${entry.name} could not be decompressed (${(error as Error).message}).`);
    }
    return this.count(entry, output);
  }

  /** Streams a part in chunks, checking the size and compression ratio as it goes. */
  async *stream(entry: ZipEntry): AsyncGenerator<Buffer> {
    this.checkDeclared(entry, this.remaining());
    if (entry.compressedSize === 0) return;
    if (entry.size <= SMALL_PART && entry.compressedSize <= SMALL_PART) {
      yield this.readSmall(entry);
      return;
    }
    const start = this.dataOffset(entry);
    const input = createReadStream(this.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
    const source = entry.method === 0 ? input : input.pipe(createInflateRaw({ chunkSize: 256 * 1024, finishFlush: zlibConstants.Z_SYNC_FLUSH }));
    let produced = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        produced += chunk.length;
        this.inflated += chunk.length;
        this.checkGrowth(entry, produced);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof InspectionFailure) throw error;
      fail('corrupt', `The part ${entry.name} could not be decompressed (${(error as Error).message}).`);
    } finally {
      input.destroy();
      if (source !== input) (source as { destroy(): void }).destroy();
    }
  }

  /**
   * A small part in one piece: opening a file stream and an inflate stream per part cost more
   * than reading it (a workbook of 1,000 small sheets took 0.5 s). Same limits as streaming.
   */
  private readSmall(entry: ZipEntry): Buffer {
    const compressed = this.readCompressed(entry);
    if (entry.method === 0) return this.count(entry, compressed);
    const declaredCap = entry.size + RATIO_CHECK_FROM; // what checkGrowth allows past the declared size
    const limit = Math.min(declaredCap, this.remaining());
    let output: Buffer;
    try {
      output = inflateRawSync(compressed, { maxOutputLength: limit + 1, finishFlush: zlibConstants.Z_SYNC_FLUSH });
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        if (limit === declaredCap) fail('zip_bomb', `The part ${entry.name} inflates to more than the ${formatBytes(entry.size)} its header says; this looks like a zip bomb.`);
        fail('too_large', `The package inflates to more than ${formatBytes(this.limits.maxUncompressedBytes)}.`);
      }
      fail('corrupt', `The part ${entry.name} could not be decompressed (${(error as Error).message}).`);
    }
    return this.count(entry, output);
  }

  private remaining(): number {
    return Math.max(0, this.limits.maxUncompressedBytes - this.inflated);
  }

  private count(entry: ZipEntry, data: Buffer): Buffer {
    this.inflated += data.length;
    this.checkGrowth(entry, data.length);
    return data;
  }

  private checkDeclared(entry: ZipEntry, maxBytes: number): void {
    if (entry.flags & 1) fail('unsupported', `The part ${entry.name} is encrypted with zip encryption.`);
    if (entry.method !== 0 && entry.method !== 8) fail('unsupported', `The part ${entry.name} uses zip compression method ${entry.method}, which Fieldbook does not read.`);
    if (entry.size > maxBytes) fail('too_large', `The part ${entry.name} says it holds ${formatBytes(entry.size)}, over the limit of ${formatBytes(maxBytes)}.`);
    if (entry.size > RATIO_CHECK_FROM && entry.size > entry.compressedSize * this.limits.maxCompressionRatio) {
      fail('zip_bomb', `The part ${entry.name} would inflate ${Math.round(entry.size / Math.max(1, entry.compressedSize))} times (limit ${this.limits.maxCompressionRatio}); this looks like a zip bomb.`);
    }
  }

  private checkGrowth(entry: ZipEntry, produced: number): void {
    if (this.inflated > this.limits.maxUncompressedBytes) {
      fail('too_large', `The package inflates to more than ${formatBytes(this.limits.maxUncompressedBytes)}.`);
    }
    if (produced > RATIO_CHECK_FROM && produced > Math.max(1, entry.compressedSize) * this.limits.maxCompressionRatio) {
      fail('zip_bomb', `The part ${entry.name} inflates more than ${this.limits.maxCompressionRatio} times its packed size; this looks like a zip bomb.`);
    }
    if (produced > entry.size + RATIO_CHECK_FROM) {
      fail('zip_bomb', `The part ${entry.name} inflates to more than the ${formatBytes(entry.size)} its header says; this looks like a zip bomb.`);
    }
  }

  private readCompressed(entry: ZipEntry): Buffer {
    const start = this.dataOffset(entry);
    return this.readAt(start, entry.compressedSize, entry.name);
  }

  private dataOffset(entry: ZipEntry): number {
    const header = this.readAt(entry.localOffset, 30, entry.name);
    if (header.readUInt32LE(0) !== LOCAL) fail('corrupt', `The part ${entry.name} has no valid local header.`);
    const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressedSize > this.fileSize) fail('truncated', `The file ends before the part ${entry.name} does; it looks cut off.`);
    return start;
  }

  private readAt(position: number, length: number, what: string): Buffer {
    if (position < 0 || position + length > this.fileSize) fail('truncated', `The file ends before ${what} does; it looks cut off.`);
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const read = readSync(this.fd, buffer, done, length - done, position + done);
      if (read === 0) fail('truncated', `The file ends before ${what} does; it looks cut off.`);
      done += read;
    }
    return buffer;
  }

  private readCentralDirectory(): void {
    const tailLength = Math.min(this.fileSize, 65_557);
    if (tailLength < 22) fail('truncated', 'The file is too short to be a zip package.');
    const tail = this.readAt(this.fileSize - tailLength, tailLength, 'the end of the zip directory');
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) fail('truncated', 'The zip directory at the end of the file is missing: the file is cut off or is not a zip package.');
    let count = tail.readUInt16LE(eocd + 10);
    let size = tail.readUInt32LE(eocd + 12);
    let offset = tail.readUInt32LE(eocd + 16);
    if (eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
      const zip64At = Number(tail.readBigUInt64LE(eocd - 20 + 8));
      const zip64 = this.readAt(zip64At, 56, 'the zip64 directory');
      if (zip64.readUInt32LE(0) !== ZIP64_EOCD) fail('corrupt', 'The zip64 directory record is damaged.');
      count = Number(zip64.readBigUInt64LE(32));
      size = Number(zip64.readBigUInt64LE(40));
      offset = Number(zip64.readBigUInt64LE(48));
    }
    if (count > MAX_ENTRIES) fail('too_large', `The package lists ${count} parts, more than Fieldbook reads (${MAX_ENTRIES}).`);
    if (offset + size > this.fileSize) fail('truncated', 'The zip directory points past the end of the file; the file looks cut off.');
    const directory = this.readAt(offset, size, 'the zip directory');
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) fail('corrupt', 'The zip directory is damaged.');
      const flags = directory.readUInt16LE(at + 8);
      const method = directory.readUInt16LE(at + 10);
      let compressedSize = directory.readUInt32LE(at + 20);
      let entrySize = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      let localOffset = directory.readUInt32LE(at + 42);
      const nameBytes = directory.subarray(at + 46, at + 46 + nameLength);
      const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
      const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      if (entrySize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        const values = zip64Extra(extra);
        let next = 0;
        if (entrySize === 0xffffffff) entrySize = values[next++] ?? entrySize;
        if (compressedSize === 0xffffffff) compressedSize = values[next++] ?? compressedSize;
        if (localOffset === 0xffffffff) localOffset = values[next++] ?? localOffset;
      }
      at += 46 + nameLength + extraLength + commentLength;
      if (name.endsWith('/')) continue;
      this.entries.set(name, { name, method, flags, compressedSize, size: entrySize, localOffset });
      this.lowerNames.set(name.toLowerCase(), name);
    }
  }
}

function zip64Extra(extra: Buffer): number[] {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let i = 0; i + 8 <= length && at + 4 + i + 8 <= extra.length; i += 8) values.push(Number(extra.readBigUInt64LE(at + 4 + i)));
      return values;
    }
    at += 4 + length;
  }
  return [];
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${bytes} bytes`;
}
