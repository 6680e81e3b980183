import { decodeRk, tallyNumber } from '../biff/numberCell';
import { classifyString, type PersonalDataTally } from '../detect/personalData';
import { fail } from '../limits';
import type { WorkbookInfo } from '../ooxml/workbookInfo';

/** Record header of the binary workbook format (MS-XLSB 2.1.4): variable-length type and size. */
export function readRecordHeader(data: Uint8Array, at: number): { type: number; size: number; body: number } | null {
  let type = 0;
  let i = at;
  for (let shift = 0; shift < 14; shift += 7) {
    if (i >= data.length) return null;
    const byte = data[i++]!;
    type |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) break;
  }
  let size = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (i >= data.length) return null;
    const byte = data[i++]!;
    size += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) break;
  }
  return { type, size, body: i };
}

/**
 * Splits a streamed part into whole records: a record cut off at the end of a chunk waits for
 * the next one. `part` names the part in the error for a record too large to be real.
 */
class RecordSplitter {
  private carry: Buffer | null = null;

  constructor(
    private readonly part: string,
    private readonly whole: string,
  ) {}

  write(chunk: Buffer, onRecord: (type: number, data: Buffer, body: number, size: number) => void): void {
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let at = 0;
    while (at < data.length) {
      const header = readRecordHeader(data, at);
      if (header && header.size > MAX_RECORD) fail('corrupt', `A record in ${this.part} claims ${header.size} bytes; the ${this.whole} is damaged.`);
      if (!header || header.body + header.size > data.length) {
        this.carry = Buffer.from(data.subarray(at));
        return;
      }
      onRecord(header.type, data, header.body, header.size);
      at = header.body + header.size;
    }
  }
}

const BRT_BUNDLE_SH = 156;
const BRT_NAME = 39;
const BRT_BOOK_PROTECTION = 534;

function wideString(data: Buffer, at: number): { value: string | null; next: number } {
  if (at + 4 > data.length) return { value: null, next: data.length };
  const chars = data.readUInt32LE(at);
  if (chars === 0xffffffff) return { value: null, next: at + 4 };
  const end = at + 4 + chars * 2;
  if (end > data.length) return { value: data.toString('utf16le', at + 4, data.length), next: -1 };
  return { value: data.toString('utf16le', at + 4, end), next: end };
}

/** xl/workbook.bin: sheets (name, state, relationship), defined names, workbook protection. */
export function readXlsbWorkbook(data: Buffer): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], definedNames: [], protected: false, strict: false };
  let at = 0;
  while (at < data.length) {
    const header = readRecordHeader(data, at);
    if (!header || header.body + header.size > data.length) break;
    const body = data.subarray(header.body, header.body + header.size);
    at = header.body + header.size;
    if (header.type === BRT_BUNDLE_SH && body.length >= 8) {
      const state = body.readUInt32LE(0);
      // Some writers put 4 more bytes before the relationship id: take the layout that fits the record exactly.
      let rel = wideString(body, 8);
      let name = rel.next < 0 ? { value: null, next: -1 } : wideString(body, rel.next);
      if (name.next !== body.length && body.length >= 12) {
        const shiftedRel = wideString(body, 12);
        const shiftedName = shiftedRel.next < 0 ? { value: null, next: -1 } : wideString(body, shiftedRel.next);
        if (shiftedName.next === body.length) {
          rel = shiftedRel;
          name = shiftedName;
        }
      }
      info.sheets.push({ name: name.value ?? '', state: state === 1 ? 'hidden' : state === 2 ? 'veryHidden' : 'visible', relId: rel.value ?? '', sheetId: String(body.readUInt32LE(4)) });
    } else if (header.type === BRT_NAME && body.length >= 13) {
      const itab = body.readUInt32LE(5);
      const name = wideString(body, 9).value ?? '';
      info.definedNames.push({ name, scope: itab === 0xffffffff ? null : (info.sheets[itab]?.name ?? `sheet ${itab + 1}`) });
    } else if (header.type === BRT_BOOK_PROTECTION && body.length >= 8) {
      if (body.readUInt16LE(4) | body.readUInt16LE(6)) info.protected = true;
    }
  }
  return info;
}

const FORMULA_RECORDS = new Set([8, 9, 10, 11]);
const BRT_ROW_HDR = 0;
const BRT_CELL_RK = 2;
const BRT_CELL_ERROR = 3;
const BRT_CELL_BOOL = 4;
const BRT_CELL_REAL = 5;
const BRT_CELL_ST = 6;
const BRT_CELL_ISST = 7;
const BRT_FMLA_NUM = 9;
const BRT_SHEET_PROTECTION = 535;
const BRT_CS_PROTECTION = 536;
const MAX_RECORD = 16 * 1024 * 1024;
const MAX_CHARS = 32 * 1024;

/**
 * Streams a binary sheet part: one formula per BrtFmla* cell record, sheet protection, and cell
 * values for the personal-data tally (same rules as xlsx: kinds, counts and places only).
 */
export class XlsbSheetScanner {
  private readonly records = new RecordSplitter('a binary sheet', 'sheet');
  private formulas = 0;
  private isProtected = false;
  private row = 0;

  constructor(
    private readonly sheetName: string = '',
    private readonly tally: PersonalDataTally | null = null,
    private readonly sharedKinds: Uint8Array | null = null,
  ) {
    tally?.startSheet();
  }

  write(chunk: Buffer): void {
    this.records.write(chunk, (type, data, body, size) => {
      if (FORMULA_RECORDS.has(type)) this.formulas++;
      else if ((type === BRT_SHEET_PROTECTION || type === BRT_CS_PROTECTION) && size >= 6) {
        if (data.readUInt32LE(body + 2) !== 0) this.isProtected = true;
      }
      if (this.tally && (type <= BRT_CELL_ISST || FORMULA_RECORDS.has(type))) this.cell(this.tally, type, data.subarray(body, body + size));
    });
  }

  finish(): { formulaCount: number; protected: boolean } {
    return { formulaCount: this.formulas, protected: this.isProtected };
  }

  /** A row header or a cell record (MS-XLSB 2.4.x): the column, then the style, then the value at byte 8. */
  private cell(tally: PersonalDataTally, type: number, body: Buffer): void {
    if (type === BRT_ROW_HDR) {
      if (body.length >= 4) this.row = body.readUInt32LE(0) + 1;
      return;
    }
    if (type === 1 || body.length < 8) return; // BrtCellBlank: nothing in it
    const column = body.readUInt32LE(0);
    const sheet = this.sheetName;
    switch (type) {
      case BRT_CELL_ISST:
        if (body.length >= 12) tally.cell(sheet, this.row, column, this.sharedKinds?.[body.readUInt32LE(8)] ?? 0, true);
        break;
      case BRT_CELL_ST: {
        const text = (wideString(body, 8).value ?? '').slice(0, MAX_CHARS);
        tally.cell(sheet, this.row, column, classifyString(text), text.length > 0);
        break;
      }
      case BRT_CELL_REAL:
      case BRT_FMLA_NUM:
        if (body.length >= 16) tallyNumber(tally, sheet, this.row, column, body.readDoubleLE(8));
        break;
      case BRT_CELL_RK:
        if (body.length >= 12) tallyNumber(tally, sheet, this.row, column, decodeRk(body.readInt32LE(8)));
        break;
      case BRT_CELL_ERROR:
      case BRT_CELL_BOOL:
      default:
        tally.cell(sheet, this.row, column, 0, true);
        break;
    }
  }
}

const BRT_SST_ITEM = 19;

/**
 * Streams xl/sharedStrings.bin and keeps one byte per string: what it looks like. Each
 * BrtSSTItem is a flags byte and the text (MS-XLSB 2.4.726); the strings themselves are dropped.
 */
export class XlsbSharedStrings {
  private readonly records = new RecordSplitter('the shared strings', 'part');
  private kinds = new Uint8Array(1024);
  private count = 0;

  write(chunk: Buffer): void {
    this.records.write(chunk, (type, data, body, size) => {
      if (type === BRT_SST_ITEM) this.add(classifyString((wideString(data.subarray(body, body + size), 1).value ?? '').slice(0, MAX_CHARS)));
    });
  }

  finish(): Uint8Array {
    return this.kinds.subarray(0, this.count);
  }

  private add(kind: number): void {
    if (this.count === this.kinds.length) {
      const bigger = new Uint8Array(this.kinds.length * 2);
      bigger.set(this.kinds);
      this.kinds = bigger;
    }
    this.kinds[this.count++] = kind;
  }
}
