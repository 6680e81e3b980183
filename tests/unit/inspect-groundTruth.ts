// Compares inspection results with the corpus ground truth (../shared/corpus/ground_truth.jsonl),
// field by field. Used by inspect-corpus.test.ts; prints the agreement table and every disagreement.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InspectionResult } from '../../shared/inspection';

export const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

export interface TruthRecord {
  file: string;
  kind: string;
  bytes: number;
  truth: Record<string, unknown>;
  truth_sources?: Record<string, string>;
  tools: Record<string, Record<string, unknown>>;
  disagreements?: string[];
}

/** The corpus sits beside the repository (../shared/corpus), as on every machine of this project. */
export function requireCorpus(): void {
  if (!existsSync(join(CORPUS, 'ground_truth.jsonl'))) {
    throw new Error(`The development corpus is missing at ${CORPUS}: it belongs beside the repository as ../shared/corpus.`);
  }
}

export function loadGroundTruth(): TruthRecord[] {
  return readFileSync(join(CORPUS, 'ground_truth.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TruthRecord);
}

export interface FieldTally {
  agree: number;
  total: number;
  disagreements: string[];
}

const OOXML = new Set(['xlsx', 'xlsm', 'xltx', 'xltm', 'xlam']);
const SPREADSHEET = new Set([...OOXML, 'xlsb', 'xls', 'xla', 'ods', 'numbers']);
const TYPE_NAMES: Record<string, string> = { Module: 'module', Class: 'class', Document: 'document', BaseClass: 'form' };

function normaliseEncoding(name: string | null | undefined): string | null {
  if (!name) return null;
  const lower = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (lower === 'ascii' || lower === 'usascii') return 'ascii';
  if (lower === 'utf8' || lower === 'utf8sig' || lower === 'utf8bom') return 'utf-8';
  if (lower === 'iso88591' || lower === 'latin1' || lower === 'windows1252' || lower === 'win1252' || lower === 'cp1252') return 'windows-1252';
  if (lower.startsWith('utf16le')) return 'utf-16le';
  if (lower.startsWith('utf16be')) return 'utf-16be';
  if (lower.startsWith('utf32le')) return 'utf-32le';
  if (lower.startsWith('utf32be')) return 'utf-32be';
  return lower;
}

/** The comparisons per field; each returns [agrees, what the two said] or null when not comparable. */
function comparisons(record: TruthRecord, result: InspectionResult): Record<string, [boolean, string] | null> {
  const t = record.truth;
  const kind = record.kind;
  const out: Record<string, [boolean, string] | null> = {};
  const said = (mine: unknown, theirs: unknown) => `fieldbook=${JSON.stringify(mine)} truth=${JSON.stringify(theirs)}`;
  const opened = Array.isArray(t.opened_by) ? (t.opened_by as string[]).length > 0 : true;
  if (SPREADSHEET.has(kind)) {
    if (typeof t.encrypted === 'boolean') out.encrypted = [result.encrypted === t.encrypted, said(result.encrypted, t.encrypted)];
    // Fieldbook never decrypts. Where the truth has contents of an encrypted file, LibreOffice opened it
    // with Excel's built-in default password; and for a zero-byte file it shows a new empty document.
    if (t.encrypted === true || record.bytes === 0) return out;
    if (Array.isArray(t.sheets)) {
      const theirs = (t.sheets as { name: string; state: string }[]).map((s) => ({ name: s.name, state: s.state }));
      let mine = result.sheets;
      if (kind === 'xls' || kind === 'xla') mine = mine.filter((s) => s.kind === 'worksheet' || s.kind === 'dialogsheet');
      const fromLibreOffice = (record.truth_sources?.sheets ?? '').startsWith('libreoffice');
      const mineList = mine.map((s) => ({ name: s.name, state: fromLibreOffice && s.state === 'veryHidden' ? 'hidden' : s.state }));
      out['sheet names'] = [JSON.stringify(mineList.map((s) => s.name)) === JSON.stringify(theirs.map((s) => s.name)), said(mineList.map((s) => s.name), theirs.map((s) => s.name))];
      out['sheet states'] = [JSON.stringify(mineList) === JSON.stringify(theirs), said(mineList, theirs)];
    }
    if (typeof t.formula_cells === 'number') {
      const source = record.truth_sources?.formula_cells ?? '';
      const same = source.startsWith('package');
      // The package count covers worksheets; Fieldbook's total also counts formulas on Excel 4.0 macro sheets.
      const mine = same ? result.sheets.filter((sheet) => sheet.kind === 'worksheet' || sheet.kind === 'dialogsheet').reduce((sum, sheet) => sum + (sheet.formulaCount ?? 0), 0) : result.formulaCount;
      out[same ? 'formula count (same definition: one per <f>)' : 'formula count (LibreOffice/odfpy: every cell of an array)'] = [mine === t.formula_cells, said(mine, t.formula_cells)];
    }
    if (typeof t.has_vba === 'boolean' && (opened || t.has_vba)) out['VBA present'] = [result.vba.present === t.has_vba, said(result.vba.present, t.has_vba)];
    if (Array.isArray(t.vba_modules)) {
      const theirs = (t.vba_modules as { name: string; type: string }[]).map((m) => `${m.name}:${TYPE_NAMES[m.type] ?? m.type}`).sort();
      const mine = result.vba.modules.map((m) => `${m.name}:${m.type}`).sort();
      out['VBA modules (names and types)'] = [JSON.stringify(mine) === JSON.stringify(theirs), said(mine, theirs)];
    }
    if (Array.isArray(t.external_links) && opened) {
      // The truth counts linked files; Fieldbook also lists DDE links (programs), which have no file target.
      const files = result.externalLinks.filter((link) => !link.target.startsWith('DDE ')).length;
      out['external link count'] = [files === (t.external_links as unknown[]).length, said(files, (t.external_links as unknown[]).length)];
    }
    if (typeof t.defined_names === 'number') out['defined names count'] = [result.definedNames.length === t.defined_names, said(result.definedNames.length, t.defined_names)];
    if (typeof t.pivot_tables === 'number' && opened) out['pivot tables'] = [result.pivotTables === t.pivot_tables, said(result.pivotTables, t.pivot_tables)];
    if (Array.isArray(t.sensitivity_labels)) {
      const mine = result.sensitivityLabels.map((l) => l.id).sort();
      const theirs = [...(t.sensitivity_labels as string[])].map((id) => id.toLowerCase()).sort();
      out['sensitivity labels'] = [JSON.stringify(mine) === JSON.stringify(theirs), said(mine, theirs)];
    }
    if (typeof t.workbook_protected === 'boolean') out['workbook protected'] = [result.workbookProtected === t.workbook_protected, said(result.workbookProtected, t.workbook_protected)];
    if (Array.isArray(t.protected_sheets)) {
      const mine = result.sheets.filter((s) => s.protected).map((s) => s.name).sort();
      const theirs = [...(t.protected_sheets as string[])].sort();
      out['protected sheets'] = [JSON.stringify(mine) === JSON.stringify(theirs), said(mine, theirs)];
    }
    if (typeof t.excel4_macro_sheets === 'number') out['Excel 4.0 macro sheets'] = [result.xlmMacroSheets === t.excel4_macro_sheets, said(result.xlmMacroSheets, t.excel4_macro_sheets)];
    if (Array.isArray(t.connections)) out['connections count'] = [result.connections.length === (t.connections as unknown[]).length, said(result.connections.length, (t.connections as unknown[]).length)];
    if (typeof t.power_query === 'boolean') out['Power Query'] = [result.powerQuery === t.power_query, said(result.powerQuery, t.power_query)];
    const core = t.core_properties as Record<string, string | null> | undefined;
    if (core && typeof core === 'object') {
      const date = (v: string | null | undefined) => (v ? v.slice(0, 19) : null);
      const text = (v: string | null | undefined) => (v && v.replace(/\0+$/, '').trim() !== '' ? v.replace(/\0+$/, '').trim() : null);
      out['author'] = [text(result.properties.author) === text(core.author), said(result.properties.author, core.author)];
      out['last modified by'] = [text(result.properties.lastModifiedBy) === text(core.last_modified_by), said(result.properties.lastModifiedBy, core.last_modified_by)];
      out['created'] = [date(result.properties.created) === date(core.created), said(result.properties.created, core.created)];
      out['modified'] = [date(result.properties.modified) === date(core.modified), said(result.properties.modified, core.modified)];
      out['application'] = [text(result.properties.application) === text(core.application), said(result.properties.application, core.application)];
    }
  }
  if (kind === 'mdb' || kind === 'accdb') {
    const readable = t.readable_by_mdbtools === true;
    if (readable && Array.isArray(t.tables)) out['Access tables'] = [JSON.stringify([...result.tables].sort()) === JSON.stringify([...(t.tables as string[])].sort()), said(result.tables, t.tables)];
    if (readable && Array.isArray(t.queries)) out['Access queries'] = [JSON.stringify([...result.queries].sort()) === JSON.stringify([...(t.queries as string[])].sort()), said(result.queries, t.queries)];
    if (readable && Array.isArray(t.linked_tables)) out['Access linked tables'] = [result.linkedTables.length === (t.linked_tables as unknown[]).length, said(result.linkedTables, t.linked_tables)];
    if (!readable) out['Access unreadable → encrypted or error'] = [result.encrypted || result.error !== null, said({ encrypted: result.encrypted, error: result.error?.code }, 'unreadable')];
  }
  if (t.empty === false && result.text) {
    const text = result.text;
    const theirBom = t.bom as string | null;
    out['text BOM'] = [text.bom === (theirBom !== null), said(text.bom, theirBom)];
    if (typeof t.lines === 'number') out['text lines'] = [text.lines === t.lines, said(text.lines, t.lines)];
    const endings = t.line_endings as { crlf: number; lf: number; cr: number } | null;
    if (endings) {
      const kinds = (['crlf', 'lf', 'cr'] as const).filter((k) => endings[k] > 0);
      const theirs = kinds.length === 0 ? 'none' : kinds.length > 1 ? 'mixed' : kinds[0]!;
      out['text line endings'] = [text.lineEndings === theirs, said(text.lineEndings, theirs)];
    }
    const named = normaliseEncoding(t.encoding_named_in_file_name as string | undefined);
    const theirs = named ?? normaliseEncoding(t.encoding_uchardet as string);
    const mine = normaliseEncoding(text.encoding);
    out['text encoding'] = [mine === theirs || (theirs === 'utf-8' && mine === 'ascii'), said(text.encoding, named ? `${t.encoding_named_in_file_name} (named in the file name)` : t.encoding_uchardet)];
  }
  if (t.empty === true) out['empty file → clear error'] = [result.error?.code === 'empty', said(result.error?.code, 'empty')];
  return out;
}

export function compareAll(records: TruthRecord[], results: Map<string, InspectionResult>): Map<string, FieldTally> {
  const fields = new Map<string, FieldTally>();
  for (const record of records) {
    const result = results.get(record.file);
    if (!result) continue;
    for (const [field, outcome] of Object.entries(comparisons(record, result))) {
      if (!outcome) continue;
      const tally = fields.get(field) ?? { agree: 0, total: 0, disagreements: [] };
      tally.total++;
      if (outcome[0]) tally.agree++;
      else tally.disagreements.push(`${record.file}: ${outcome[1]}`);
      fields.set(field, tally);
    }
  }
  return fields;
}

export function formatReport(fields: Map<string, FieldTally>): string {
  const lines = ['Agreement with the corpus ground truth, per field:', ''];
  for (const [field, tally] of [...fields].sort()) {
    lines.push(`${field.padEnd(58)} ${String(tally.agree).padStart(4)}/${String(tally.total).padEnd(4)} ${((100 * tally.agree) / tally.total).toFixed(1).padStart(5)}%`);
  }
  lines.push('', 'Every disagreement:');
  for (const [field, tally] of [...fields].sort()) for (const line of tally.disagreements) lines.push(`  [${field}] ${line.length > 400 ? `${line.slice(0, 400)}…` : line}`);
  return lines.join('\n');
}
