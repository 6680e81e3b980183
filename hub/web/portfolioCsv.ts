import type { HubEntry } from '../../shared/hub';
import { fieldText } from './fieldText';
import { readSharedPayload } from './sharedView';

/**
 * The shared portfolio as CSV, one row per entry, for a spreadsheet. RFC 4180 with CRLF and a
 * byte-order mark (Excel reads UTF-8 only with one). Shared text is the sender's: a cell that a
 * spreadsheet would run as a formula is written as text instead.
 */

const BOM = '\uFEFF';

/** A leading = + - @ (or a tab or carriage return some programs strip first) makes a formula: an apostrophe in front keeps it text. */
export function guardCsvFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const guarded = guardCsvFormula(value);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

type Column = [header: string, value: (entry: HubEntry, field: (key: string) => string) => string | number];

const COLUMNS: Column[] = [
  ['Entry id', (entry) => entry.entryId],
  ['Name', (_entry, field) => field('name')],
  ['Kind', (_entry, field) => field('kind')],
  ['What it does', (_entry, field) => field('purpose')],
  ['Business process', (_entry, field) => field('businessProcess')],
  ['Owner', (_entry, field) => field('owner')],
  ['Backup owners', (_entry, field) => field('backupOwners')],
  ['Team', (_entry, field) => field('team')],
  ['Criticality', (_entry, field) => field('criticality')],
  ['Sensitivity', (_entry, field) => field('sensitivity')],
  ['Data it handles', (_entry, field) => field('dataCategories')],
  ['Stage', (_entry, field) => field('lifecycle')],
  ['Tags', (_entry, field) => field('tags')],
];

export function renderPortfolioCsv(entries: readonly HubEntry[]): string {
  const headers = [...COLUMNS.map(([header]) => header), 'Not met yet', 'Needs info', 'Set aside', 'Shared by', 'Revision', 'Shared at', 'Received at', 'Comments from IT'];
  const lines = [headers.map(cell).join(',')];
  for (const entry of entries) {
    const view = readSharedPayload(entry.payload);
    const fields = new Map(view.fields);
    const field = (key: string) => fieldText(key, fields.get(key));
    const findingCount = (count: number) => (view.findings === null ? 'kept private' : count);
    lines.push(
      [
        ...COLUMNS.map(([, value]) => value(entry, field)),
        findingCount(view.notMet),
        findingCount(view.needsInfo),
        findingCount(view.setAside),
        entry.deviceName,
        entry.revision,
        entry.sharedAt ?? '',
        entry.receivedAt,
        entry.comments.length,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
