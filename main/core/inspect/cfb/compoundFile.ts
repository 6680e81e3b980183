import { fail } from '../limits';

/** An entry of an OLE compound file (CFB): a storage (folder) or a stream (file). */
export interface CfbEntry {
  name: string;
  type: 'storage' | 'stream' | 'root';
  start: number;
  size: number;
  children: CfbEntry[];
}

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;
const MAX_ENTRIES = 100_000;

export function isCompoundFile(head: Uint8Array): boolean {
  return head.length >= 8 && SIGNATURE.equals(Buffer.from(head.subarray(0, 8)));
}

/**
 * A read-only OLE compound file (MS-CFB) held in memory. Every chain is bounded by the number of
 * sectors in the file, so loops and cross-links in a damaged file end in an error, not a hang.
 */
export class CompoundFile {
  readonly root: CfbEntry;
  /** True when some sectors point past the end of the file (the file was cut off). */
  truncated = false;
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly fat: Uint32Array;
  private miniFat: Uint32Array = new Uint32Array(0);
  private miniStream: Buffer = Buffer.alloc(0);
  private readonly sectorCount: number;

  constructor(private readonly data: Buffer) {
    if (data.length < 512 || !isCompoundFile(data)) fail('corrupt', 'This is not an OLE compound file.');
    const sectorShift = data.readUInt16LE(30);
    const miniShift = data.readUInt16LE(32);
    if (sectorShift !== 9 && sectorShift !== 12) fail('corrupt', `The compound file has an impossible sector size (2^${sectorShift}).`);
    if (miniShift !== 6) fail('corrupt', 'The compound file has an impossible mini sector size.');
    this.sectorSize = 1 << sectorShift;
    this.miniSectorSize = 1 << miniShift;
    this.miniCutoff = data.readUInt32LE(56);
    this.sectorCount = Math.max(0, Math.ceil((data.length - this.sectorSize) / this.sectorSize));
    this.fat = this.readFat();
    const entries = this.readDirectory(data.readUInt32LE(48));
    const rootEntry = entries[0];
    if (!rootEntry || rootEntry.entry.type !== 'root') fail('corrupt', 'The compound file has no root entry.');
    this.root = rootEntry.entry;
    this.buildTree(entries);
    const miniFatStart = data.readUInt32LE(60);
    if (miniFatStart !== END_OF_CHAIN && miniFatStart !== FREE) {
      const miniFatBytes = this.chain(miniFatStart, 'the mini allocation table');
      this.miniFat = new Uint32Array(miniFatBytes.buffer.slice(miniFatBytes.byteOffset, miniFatBytes.byteOffset + (miniFatBytes.length & ~3)));
      this.miniStream = this.chain(this.root.start, 'the mini stream', this.root.size);
    }
  }

  /** Finds an entry by path, ignoring case (["_VBA_PROJECT_CUR", "VBA", "dir"]). */
  find(path: string[], from: CfbEntry = this.root): CfbEntry | undefined {
    let current: CfbEntry | undefined = from;
    for (const part of path) {
      const lower = part.toLowerCase();
      current = current?.children.find((c) => c.name.toLowerCase() === lower);
      if (!current) return undefined;
    }
    return current;
  }

  read(entry: CfbEntry, maxBytes = 256 * 1024 * 1024): Buffer {
    if (entry.type !== 'stream') return Buffer.alloc(0);
    if (entry.size > maxBytes) fail('too_large', `The stream ${entry.name} is larger than ${maxBytes} bytes.`);
    if (entry.size < this.miniCutoff) return this.miniChain(entry.start, entry.size, entry.name);
    return this.chain(entry.start, `the stream ${entry.name}`, entry.size);
  }

  private sector(index: number): Buffer | null {
    const offset = (index + 1) * this.sectorSize;
    if (offset >= this.data.length) {
      this.truncated = true;
      return null;
    }
    return this.data.subarray(offset, Math.min(offset + this.sectorSize, this.data.length));
  }

  private readFat(): Uint32Array {
    const fatSectors: number[] = [];
    const header = this.data;
    for (let i = 0; i < 109; i++) {
      const value = header.readUInt32LE(76 + i * 4);
      if (value === FREE || value === END_OF_CHAIN) break;
      fatSectors.push(value);
    }
    let difat = header.readUInt32LE(68);
    let guard = 0;
    const perSector = this.sectorSize / 4 - 1;
    while (difat !== END_OF_CHAIN && difat !== FREE && guard++ <= this.sectorCount) {
      const sector = this.sector(difat);
      if (!sector) break;
      for (let i = 0; i < perSector && i * 4 + 4 <= sector.length; i++) {
        const value = sector.readUInt32LE(i * 4);
        if (value !== FREE && value !== END_OF_CHAIN) fatSectors.push(value);
      }
      difat = sector.length >= perSector * 4 + 4 ? sector.readUInt32LE(perSector * 4) : END_OF_CHAIN;
    }
    if (fatSectors.length > this.sectorCount + 1) fail('corrupt', 'The compound file allocation table is larger than the file.');
    const fat = new Uint32Array((fatSectors.length * this.sectorSize) / 4).fill(FREE);
    let at = 0;
    for (const index of fatSectors) {
      const sector = this.sector(index);
      if (sector) for (let i = 0; i + 4 <= sector.length; i += 4) fat[at + i / 4] = sector.readUInt32LE(i);
      at += this.sectorSize / 4;
    }
    return fat;
  }

  /** Follows a FAT chain; stops at `size` bytes, at the end of the chain, or at a loop. */
  private chain(start: number, what: string, size = Number.POSITIVE_INFINITY): Buffer {
    const parts: Buffer[] = [];
    let total = 0;
    let index = start;
    let steps = 0;
    while (index !== END_OF_CHAIN && index !== FREE && total < size) {
      if (steps++ > this.sectorCount || index >= this.fat.length) {
        if (index >= this.fat.length && index < this.sectorCount) {
          // Sector exists but the table does not describe it: keep what was read.
        }
        if (steps > this.sectorCount + 1) fail('corrupt', `The compound file has a loop in ${what}.`);
        this.truncated = true;
        break;
      }
      const sector = this.sector(index);
      if (!sector) break;
      parts.push(sector);
      total += sector.length;
      index = this.fat[index]!;
    }
    const joined = Buffer.concat(parts);
    return Number.isFinite(size) ? joined.subarray(0, Math.min(size, joined.length)) : joined;
  }

  private miniChain(start: number, size: number, name: string): Buffer {
    const out = Buffer.alloc(size);
    let index = start;
    let at = 0;
    let steps = 0;
    const limit = this.miniFat.length;
    while (at < size && index !== END_OF_CHAIN && index !== FREE) {
      if (steps++ > limit || index >= limit) {
        this.truncated = true;
        break;
      }
      const offset = index * this.miniSectorSize;
      if (offset >= this.miniStream.length) {
        this.truncated = true;
        break;
      }
      const take = Math.min(this.miniSectorSize, size - at, this.miniStream.length - offset);
      this.miniStream.copy(out, at, offset, offset + take);
      at += take;
      index = this.miniFat[index]!;
    }
    if (at < size) {
      this.truncated = true;
      if (steps > limit) fail('corrupt', `The compound file has a loop in the stream ${name}.`);
      return out.subarray(0, at);
    }
    return out;
  }

  private readDirectory(start: number): { entry: CfbEntry; left: number; right: number; child: number }[] {
    const bytes = this.chain(start, 'the directory');
    const entries: { entry: CfbEntry; left: number; right: number; child: number }[] = [];
    for (let at = 0; at + 128 <= bytes.length && entries.length < MAX_ENTRIES; at += 128) {
      const nameLength = Math.min(64, bytes.readUInt16LE(at + 64));
      const name = bytes.toString('utf16le', at, at + Math.max(0, nameLength - 2));
      const typeByte = bytes[at + 66];
      const type = typeByte === 5 ? 'root' : typeByte === 1 ? 'storage' : typeByte === 2 ? 'stream' : null;
      const size = bytes.readUInt32LE(at + 120) + (this.sectorSize === 4096 ? bytes.readUInt32LE(at + 124) * 2 ** 32 : 0);
      entries.push({
        entry: { name, type: type ?? 'stream', start: bytes.readUInt32LE(at + 116), size: type ? size : 0, children: [] },
        left: bytes.readUInt32LE(at + 68),
        right: bytes.readUInt32LE(at + 72),
        child: bytes.readUInt32LE(at + 76),
      });
      if (!type) entries[entries.length - 1]!.entry.name = '';
    }
    return entries;
  }

  private buildTree(entries: { entry: CfbEntry; left: number; right: number; child: number }[]): void {
    const visited = new Set<number>([0]);
    const stack: [CfbEntry, number][] = [[entries[0]!.entry, entries[0]!.child]];
    while (stack.length > 0) {
      const [parent, current] = stack.pop()!;
      if (current === NO_STREAM || current >= entries.length || visited.has(current)) continue;
      visited.add(current);
      const node = entries[current]!;
      if (node.entry.name !== '') parent.children.push(node.entry);
      stack.push([parent, node.left], [parent, node.right]);
      if (node.entry.type === 'storage') stack.push([node.entry, node.child]);
    }
  }
}
