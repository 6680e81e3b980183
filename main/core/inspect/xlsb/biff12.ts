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
const BRT_SHEET_PROTECTION = 535;
const BRT_CS_PROTECTION = 536;
const MAX_RECORD = 16 * 1024 * 1024;

/** Streams a binary sheet part: one formula per BrtFmla* cell record, and sheet protection. */
export class XlsbSheetScanner {
  private carry: Buffer | null = null;
  private formulas = 0;
  private isProtected = false;

  write(chunk: Buffer): void {
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let at = 0;
    while (at < data.length) {
      const header = readRecordHeader(data, at);
      if (header && header.size > MAX_RECORD) fail('corrupt', `A record in a binary sheet claims ${header.size} bytes; the sheet is damaged.`);
      if (!header || header.body + header.size > data.length) {
        this.carry = Buffer.from(data.subarray(at));
        return;
      }
      if (FORMULA_RECORDS.has(header.type)) this.formulas++;
      else if ((header.type === BRT_SHEET_PROTECTION || header.type === BRT_CS_PROTECTION) && header.size >= 6) {
        if (data.readUInt32LE(header.body + 2) !== 0) this.isProtected = true;
      }
      at = header.body + header.size;
    }
  }

  finish(): { formulaCount: number; protected: boolean } {
    return { formulaCount: this.formulas, protected: this.isProtected };
  }
}
