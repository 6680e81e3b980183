import { decodeCodePage } from '../cfb/oleProperties';
import type { InspectionResult, PersonalDataFinding, SheetFacts } from '../../../../shared/inspection';
import { BiffCellTally, CELL_RECORDS } from './biffCells';

const BOF = 0x0809;
const BOF_BIFF5 = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const BOUNDSHEET = 0x0085;
const NAME = 0x0018;
const SUPBOOK = 0x01ae;
const PROTECT = 0x0012;
const WINDOWPROTECT = 0x0019;
const FORMULA = 0x0006;
const FORMULA_BIFF4 = 0x0406;
const SXVIEW = 0x00b0;
const WSBOOL = 0x0081;
const CODEPAGE = 0x0042;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const MAX_RECORDS = 50_000_000;

const BUILT_IN_NAMES = ['Consolidate_Area', 'Auto_Open', 'Auto_Close', 'Extract', 'Database', 'Criteria', 'Print_Area', 'Print_Titles', 'Recorder', 'Data_Form', 'Auto_Activate', 'Auto_Deactivate', 'Sheet_Title', '_FilterDatabase'];

export interface BiffFacts {
  encrypted: boolean;
  sheets: SheetFacts[];
  formulaCount: number;
  definedNames: InspectionResult['definedNames'];
  externalLinks: { target: string }[];
  workbookProtected: boolean;
  pivotTables: number;
  xlmMacroSheets: number;
  /** Kinds, counts and places of personal data in cell values (never a value). */
  personalData: PersonalDataFinding[];
  truncated: boolean;
}

interface Bound {
  position: number;
  facts: SheetFacts;
  vbaModule: boolean;
}

/** BIFF5/BIFF8 workbook stream (MS-XLS): the records Fieldbook needs, nothing else. */
export function readBiffWorkbook(data: Buffer, biff5: boolean): BiffFacts {
  const facts: BiffFacts = { encrypted: false, sheets: [], formulaCount: 0, definedNames: [], externalLinks: [], workbookProtected: false, pivotTables: 0, xlmMacroSheets: 0, personalData: [], truncated: false };
  const bounds: Bound[] = [];
  const byPosition = new Map<number, Bound>();
  let codePage = 1252;
  let depth = 0;
  let current: Bound | null = null;
  let inGlobals = false;
  let at = 0;
  let records = 0;
  const cells = new BiffCellTally(biff5, () => codePage);
  while (at + 4 <= data.length && records++ < MAX_RECORDS) {
    const type = data.readUInt16LE(at);
    const length = data.readUInt16LE(at + 2);
    const start = at + 4;
    if (start + length > data.length) {
      facts.truncated = true;
      break;
    }
    const body = data.subarray(start, start + length);
    const position = at;
    at = start + length;
    if (type === BOF || type === BOF_BIFF5 || type === 0x0409 || type === 0x0209 || type === 0x0009) {
      if (depth === 0) {
        const kind = body.length >= 4 ? body.readUInt16LE(2) : 0;
        inGlobals = kind === 0x0005;
        current = byPosition.get(position) ?? null;
        cells.startSheet(current && current.facts.kind !== 'chartsheet' ? current.facts.name : null);
      }
      depth++;
      continue;
    }
    if (type === EOF) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        current = null;
        inGlobals = false;
      }
      continue;
    }
    if (inGlobals && depth === 1) {
      switch (type) {
        case FILEPASS:
          facts.encrypted = true;
          return finish(facts, bounds);
        case CODEPAGE:
          if (body.length >= 2) codePage = body.readUInt16LE(0);
          break;
        case SST: {
          // The table goes on in the CONTINUE records right after it.
          const segments = [body];
          while (at + 4 <= data.length && data.readUInt16LE(at) === CONTINUE) {
            const next = at + 4 + data.readUInt16LE(at + 2);
            if (next > data.length) break;
            segments.push(data.subarray(at + 4, next));
            at = next;
          }
          cells.sharedStrings(segments);
          break;
        }
        case BOUNDSHEET: {
          const bound = readBoundSheet(body, biff5, codePage);
          if (bound) {
            bounds.push(bound);
            byPosition.set(bound.position, bound);
          }
          break;
        }
        case NAME:
          facts.definedNames.push(readName(body, biff5, codePage, bounds));
          break;
        case SUPBOOK: {
          const target = readSupBook(body);
          if (target) facts.externalLinks.push({ target });
          break;
        }
        case PROTECT:
        case WINDOWPROTECT:
          if (body.length >= 2 && body.readUInt16LE(0) === 1) facts.workbookProtected = true;
          break;
        default:
          break;
      }
      continue;
    }
    if (!current || depth !== 1) continue;
    if (CELL_RECORDS.has(type)) cells.record(type, body);
    switch (type) {
      case FORMULA:
      case FORMULA_BIFF4:
        current.facts.formulaCount = (current.facts.formulaCount ?? 0) + 1;
        break;
      case PROTECT:
        if (body.length >= 2 && body.readUInt16LE(0) === 1) current.facts.protected = true;
        break;
      case SXVIEW:
        facts.pivotTables++;
        break;
      case WSBOOL:
        if (body.length >= 1 && body[0]! & 0x10 && current.facts.kind === 'worksheet') current.facts.kind = 'dialogsheet';
        break;
      default:
        break;
    }
  }
  if (records >= MAX_RECORDS) facts.truncated = true;
  facts.personalData = cells.tally.findings();
  return finish(facts, bounds);
}

function finish(facts: BiffFacts, bounds: Bound[]): BiffFacts {
  facts.sheets = bounds.filter((b) => !b.vbaModule).map((b) => b.facts);
  facts.formulaCount = facts.sheets.reduce((sum, sheet) => sum + (sheet.formulaCount ?? 0), 0);
  facts.xlmMacroSheets = facts.sheets.filter((s) => s.kind === 'macrosheet').length;
  return facts;
}

function readBoundSheet(body: Buffer, biff5: boolean, codePage: number): Bound | null {
  if (body.length < 8) return null;
  const position = body.readUInt32LE(0);
  const stateByte = body[4]! & 0x03;
  const type = body[5]!;
  const count = body[6]!;
  let name: string;
  if (biff5) name = decodeCodePage(body.subarray(7, 7 + count), codePage);
  else {
    const high = body[7]! & 0x01;
    name = high ? body.toString('utf16le', 8, Math.min(body.length, 8 + count * 2)) : decodeCodePage(body.subarray(8, 8 + count), 1252);
  }
  const kind: SheetFacts['kind'] = type === 1 ? 'macrosheet' : type === 2 ? 'chartsheet' : 'worksheet';
  return {
    position,
    vbaModule: type === 6,
    facts: { name, state: stateByte === 1 ? 'hidden' : stateByte === 2 ? 'veryHidden' : 'visible', kind, protected: false, formulaCount: kind === 'chartsheet' ? 0 : 0 },
  };
}

function readName(body: Buffer, biff5: boolean, codePage: number, bounds: Bound[]): { name: string; scope: string | null } {
  if (body.length < 15) return { name: '', scope: null };
  const flags = body.readUInt16LE(0);
  const count = body[3]!;
  const sheetIndex = body.readUInt16LE(8);
  let name: string;
  if (biff5) name = decodeCodePage(body.subarray(14, 14 + count), codePage);
  else {
    const high = body[14]! & 0x01;
    name = high ? body.toString('utf16le', 15, Math.min(body.length, 15 + count * 2)) : decodeCodePage(body.subarray(15, 15 + count), 1252);
  }
  if (flags & 0x20 && name.length === 1) name = `_xlnm.${BUILT_IN_NAMES[name.charCodeAt(0)] ?? 'BuiltIn'}`;
  const scope = sheetIndex > 0 ? (bounds[sheetIndex - 1]?.facts.name ?? `sheet ${sheetIndex}`) : null;
  return { name, scope };
}

/** SUPBOOK: an external workbook; its encoded path decoded into a readable path (MS-XLS 2.5.277). */
function readSupBook(body: Buffer): string | null {
  if (body.length < 4) return null;
  const count = body.readUInt16LE(2);
  if (count === 0x0401 || count === 0x3a01 || count === 0 || body.length < 5) return null;
  const high = body[4]! & 0x01;
  const raw = high ? body.toString('utf16le', 5, Math.min(body.length, 5 + count * 2)) : body.toString('latin1', 5, Math.min(body.length, 5 + count));
  if (raw.length === 1 && raw.charCodeAt(0) < 0x20) return null;
  return decodeVirtualPath(raw);
}

export function decodeVirtualPath(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 0x01) {
      const volume = raw[i + 1];
      i++;
      if (volume === '@') out += '\\\\';
      else if (volume !== undefined) out += `${volume}:\\`;
    } else if (code === 0x02 || code === 0x03) out += '\\';
    else if (code === 0x04) out += '..\\';
    else if (code === 0x05) {
      const length = raw.charCodeAt(i + 1);
      out += raw.slice(i + 2, i + 2 + length);
      i += 1 + length;
    } else if (code >= 0x06 && code <= 0x08) out += '';
    else if (code >= 0x20) out += raw[i];
  }
  return out;
}
