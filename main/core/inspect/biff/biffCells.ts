import { decodeCodePage } from '../cfb/oleProperties';
import { classifyString, PersonalDataTally } from '../detect/personalData';
import { decodeRk, tallyNumber } from './numberCell';

const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const LABELSST = 0x00fd;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
/** Longest text kept from one cell to classify it; the rest is skipped, never stored. */
const MAX_CHARS = 32 * 1024;
/** More strings than any real workbook holds; a larger count is a damaged or hostile table. */
const MAX_STRINGS = 16 * 1024 * 1024;

/**
 * Reads the shared string table (SST and its CONTINUE records, MS-XLS 2.4.265) and keeps one
 * byte per string: what it looks like. Strings are classified and dropped one by one.
 */
export function classifySst(segments: Buffer[]): Uint8Array {
  const reader = new SegmentReader(segments);
  reader.skip(4);
  const unique = reader.u32();
  if (unique === null) return new Uint8Array(0);
  const kinds = new Uint8Array(Math.min(unique, MAX_STRINGS));
  for (let i = 0; i < kinds.length; i++) {
    const text = reader.unicodeString();
    if (text === null) return kinds.subarray(0, i);
    kinds[i] = classifyString(text);
  }
  return kinds;
}

/** Bytes spread over a record and its CONTINUE records, read as one stream. */
class SegmentReader {
  private index = 0;
  private at = 0;

  constructor(private readonly segments: Buffer[]) {}

  private current(): Buffer | null {
    while (this.index < this.segments.length && this.at >= this.segments[this.index]!.length) {
      this.index++;
      this.at = 0;
    }
    return this.segments[this.index] ?? null;
  }

  u8(): number | null {
    const segment = this.current();
    if (!segment) return null;
    return segment[this.at++]!;
  }

  u16(): number | null {
    const low = this.u8();
    const high = this.u8();
    return low === null || high === null ? null : low | (high << 8);
  }

  u32(): number | null {
    const low = this.u16();
    const high = this.u16();
    return low === null || high === null ? null : low + high * 0x10000;
  }

  skip(bytes: number): void {
    let left = bytes;
    while (left > 0) {
      const segment = this.current();
      if (!segment) return;
      const step = Math.min(left, segment.length - this.at);
      this.at += step;
      left -= step;
    }
  }

  /**
   * XLUnicodeRichExtendedString. Where its characters run on into a CONTINUE record, that
   * record starts with one byte saying whether the rest is 8- or 16-bit.
   */
  unicodeString(): string | null {
    const count = this.u16();
    const flags = this.u8();
    if (count === null || flags === null) return null;
    let wide = (flags & 0x01) !== 0;
    const runs = flags & 0x08 ? (this.u16() ?? 0) : 0;
    const extra = flags & 0x04 ? (this.u32() ?? 0) : 0;
    let left = count;
    let text = '';
    while (left > 0) {
      let segment = this.segments[this.index];
      if (!segment) return null;
      if (this.at >= segment.length) {
        // The characters go on in the next CONTINUE record, which starts with its own 8/16-bit flag.
        this.index++;
        this.at = 0;
        segment = this.segments[this.index];
        if (!segment || segment.length === 0) return null;
        wide = (segment[this.at++]! & 0x01) !== 0;
      }
      const available = segment.length - this.at;
      const take = Math.min(left, wide ? available >> 1 : available);
      if (take === 0) {
        this.at = segment.length; // one odd byte left: a damaged record, go on with the next
        continue;
      }
      const bytes = take * (wide ? 2 : 1);
      if (text.length < MAX_CHARS) text += segment.toString(wide ? 'utf16le' : 'latin1', this.at, this.at + bytes);
      this.at += bytes;
      left -= take;
    }
    this.skip(runs * 4 + extra);
    return text.slice(0, MAX_CHARS);
  }
}

/**
 * Personal data in the cells of one BIFF workbook, with the same rules as in xlsx: kinds,
 * counts and places only. Rows are counted from 1, as in xlsx, so the first row is the header.
 */
export class BiffCellTally {
  readonly tally = new PersonalDataTally();
  private sheet: string | null = null;
  private sharedKinds: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly biff5: boolean,
    private readonly codePage: () => number,
  ) {}

  sharedStrings(segments: Buffer[]): void {
    this.sharedKinds = classifySst(segments);
  }

  /** A sheet substream begins (null for a chart sheet or anything without cells worth reading). */
  startSheet(name: string | null): void {
    this.sheet = name;
    if (name !== null) this.tally.startSheet();
  }

  record(type: number, body: Buffer): void {
    const sheet = this.sheet;
    if (sheet === null || body.length < 6) return;
    const row = body.readUInt16LE(0) + 1;
    const column = body.readUInt16LE(2);
    switch (type) {
      case LABELSST:
        if (body.length >= 10) this.tally.cell(sheet, row, column, this.sharedKinds[body.readUInt32LE(6)] ?? 0, true);
        break;
      case LABEL:
      case RSTRING: {
        const text = this.labelText(body);
        this.tally.cell(sheet, row, column, classifyString(text), text.length > 0);
        break;
      }
      case NUMBER:
        if (body.length >= 14) tallyNumber(this.tally, sheet, row, column, body.readDoubleLE(6));
        break;
      case RK:
        if (body.length >= 10) tallyNumber(this.tally, sheet, row, column, decodeRk(body.readInt32LE(6)));
        break;
      case MULRK:
        for (let at = 4, col = column; at + 6 <= body.length - 2; at += 6, col++) tallyNumber(this.tally, sheet, row, col, decodeRk(body.readInt32LE(at + 2)));
        break;
      case BOOLERR:
      case FORMULA:
        this.tally.cell(sheet, row, column, 0, true);
        break;
      default:
        break;
    }
  }

  /** LABEL's text: BIFF8 has a flags byte (8- or 16-bit), BIFF5 bytes in the workbook's code page. */
  private labelText(body: Buffer): string {
    if (body.length < 8) return '';
    const count = Math.min(body.readUInt16LE(6), MAX_CHARS);
    if (this.biff5) return decodeCodePage(body.subarray(8, 8 + count), this.codePage());
    if (body.length < 9) return '';
    const wide = (body[8]! & 0x01) !== 0;
    return body.toString(wide ? 'utf16le' : 'latin1', 9, Math.min(body.length, 9 + count * (wide ? 2 : 1)));
  }
}

/** The record types BiffCellTally reads, so the workbook reader can hand over only those. */
export const CELL_RECORDS: ReadonlySet<number> = new Set([NUMBER, RK, MULRK, LABEL, RSTRING, LABELSST, BOOLERR, FORMULA]);
