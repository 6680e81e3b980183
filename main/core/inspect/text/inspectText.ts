import { classifyString, PersonalDataTally } from '../detect/personalData';
import type { InspectContext } from '../inspectContext';
import { decodeText, lineFacts, readStart } from './decodeText';

const DELIMITERS = [',', ';', '\t', '|'];
const MAX_TEXT_BYTES = 64 * 1024 * 1024;
/** A cell that starts a program through DDE when Excel opens the file ("=cmd|' /c calc'!A0"). */
const DDE = /(?:^|[,;\t\n])\s*"?[=+@-]\s*([A-Za-z0-9.]+)\|\s*'([^'\n]*)'!/gm;

/** Splits delimited text into records, honouring quotes (a quoted field may hold line breaks). */
export function* records(text: string, delimiter: string): Generator<string[]> {
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      yield row;
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    yield row;
  }
}

function guessDelimiter(text: string): string | null {
  const sample = text.slice(0, 64 * 1024);
  let best: string | null = null;
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts: number[] = [];
    for (const row of records(sample, delimiter)) {
      counts.push(row.length - 1);
      if (counts.length >= 50) break;
    }
    if (counts.length === 0) continue;
    const first = counts[0]!;
    if (first === 0) continue;
    if (delimiter === '|' && counts.length < 2) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * 10 + Math.min(first, 10);
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

/** CSV and other delimited text: encoding, BOM, line endings, delimiter, header, rows, personal data. */
export function inspectDelimitedText(context: InspectContext): void {
  const { result } = context;
  result.format = 'csv';
  const { bytes, partial } = readStart(context.path, Math.min(MAX_TEXT_BYTES, context.limits.maxWholeFileBytes));
  const decoded = decodeText(bytes, partial);
  if (partial) result.warnings.push(`Only the first ${MAX_TEXT_BYTES / 1024 / 1024} MiB of the text were read.`);
  const { lineEndings, lines } = lineFacts(decoded.text);
  const delimiter = guessDelimiter(decoded.text);
  const tally = new PersonalDataTally();
  tally.startSheet();
  let rows = 0;
  let header: string[] | null = null;
  let formulas = 0;
  for (const row of records(decoded.text, delimiter ?? '\u0000')) {
    if (row.length === 1 && row[0] === '') continue;
    if (!header) header = row;
    row.forEach((value, column) => {
      if (value === '') return;
      if (/^[=+@-]\s*[A-Za-z(]/.test(value)) formulas++;
      tally.cell(null, rows, column, classifyString(value), true);
    });
    rows++;
  }
  for (const match of decoded.text.slice(0, 16 * 1024 * 1024).matchAll(DDE)) {
    result.externalLinks.push({ target: `DDE ${match[1]} ${match[2]}`.trim() });
    if (result.externalLinks.length >= 100) break;
  }
  const hasHeader = header ? header.length > 0 && header.every((h) => h.trim() !== '' && !/^[-+]?\d+([.,]\d+)?$/.test(h.trim())) && new Set(header).size === header.length : null;
  result.text = { encoding: decoded.encoding, bom: decoded.bom, lineEndings, lines, delimiter, hasHeader, rows };
  result.formulaCount = formulas;
  result.personalData = tally.findings();
  if (result.externalLinks.length > 0) {
    result.warnings.push('Some cells start a program through DDE when the file is opened in Excel (the "=cmd|…" pattern).');
  }
}
