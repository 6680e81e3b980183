import type { ExportFormat, ImportPreview, TextExportFormat } from '../../../shared/contract';
import { EXPORT_FORMATS } from '../../../shared/vocabulary';

/** Where the Export view keeps her last choices (this browser profile or desktop window only). */
export const EXPORT_CHOICES_KEY = 'fieldbook.export';

export type ExportScope = 'all' | 'entry';

export interface PickedEntry {
  id: string;
  name: string;
}

/** What to export and how. `entry` is the one entry when the scope is "entry" (null until picked). */
export interface ExportChoices {
  format: ExportFormat;
  scope: ExportScope;
  entry: PickedEntry | null;
}

export const DEFAULT_EXPORT_CHOICES: ExportChoices = { format: 'html', scope: 'all', entry: null };

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  md: 'Markdown',
  html: 'HTML',
  pdf: 'PDF',
  xlsx: 'Excel workbook',
  csv: 'CSV',
  json: 'JSON',
};

/** One line under each format: what it is good for. */
export const FORMAT_HINTS: Record<ExportFormat, string> = {
  html: 'One file that reads well on screen and prints well.',
  pdf: 'The same document as pages: A4, each entry starting on a new page.',
  md: 'A folder of plain-text files, an index and one per entry, for a wiki or a repository. It downloads as a .zip.',
  xlsx: 'One row per entry, with sheets of findings, dependencies and files. For IT and auditors.',
  csv: 'The inventory, one row per entry, for a spreadsheet.',
  json: 'Everything, to import into another fieldbook or keep as a backup.',
};

/** What the preview shows for each format: PDF is printed from the HTML, the workbook's first sheet is the CSV. */
export const PREVIEW_FORMAT: Record<ExportFormat, TextExportFormat> = {
  md: 'md',
  html: 'html',
  pdf: 'html',
  xlsx: 'csv',
  csv: 'csv',
  json: 'json',
};

/** A line above a preview that is not the download itself, saying how they differ. */
export const PREVIEW_NOTES: Partial<Record<ExportFormat, string>> = {
  md: 'Shown here as one page. The download is a .zip of the folder: index.md, with the diagram, and one file per entry.',
  pdf: 'The PDF is printed from this document, on A4 pages, each entry starting on a new page.',
  xlsx: 'The Entries sheet, shown as text. The workbook also has sheets of findings, dependencies and what Fieldbook found in the files.',
};

/** The formats whose download is exactly the text the preview shows (the others are made when downloaded). */
export function downloadsAsPreviewed(format: ExportFormat): format is 'html' | 'csv' | 'json' {
  return format === 'html' || format === 'csv' || format === 'json';
}

/** What the Download button says while that format is being made. */
export const MAKING_LABELS: Record<ExportFormat, string> = {
  md: 'Packing the Markdown folder…',
  html: 'Preparing…',
  pdf: 'Printing the PDF…',
  xlsx: 'Writing the workbook…',
  csv: 'Preparing…',
  json: 'Preparing…',
};

const ENTRY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

function readEntry(value: unknown): PickedEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, name } = value as { id?: unknown; name?: unknown };
  if (typeof id !== 'string' || !ENTRY_ID.test(id)) return null;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 500) return null;
  return { id: id.toLowerCase(), name };
}

/**
 * Reads the stored choices back. Anything missing, damaged or from an older shape falls back to
 * the defaults, field by field; "one entry" without a usable entry becomes "all entries".
 */
export function parseExportChoices(stored: string | null): ExportChoices {
  if (stored === null) return DEFAULT_EXPORT_CHOICES;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return DEFAULT_EXPORT_CHOICES;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return DEFAULT_EXPORT_CHOICES;
  const { format, scope, entry } = raw as { format?: unknown; scope?: unknown; entry?: unknown };
  const picked = readEntry(entry);
  return {
    format: isFormat(format) ? format : DEFAULT_EXPORT_CHOICES.format,
    scope: scope === 'entry' && picked !== null ? 'entry' : 'all',
    entry: picked,
  };
}

export function serializeExportChoices(choices: ExportChoices): string {
  return JSON.stringify({ format: choices.format, scope: choices.scope, entry: choices.entry });
}

/** The request for these choices, or null while "one entry" waits for an entry to be picked. */
export function exportRequest(choices: ExportChoices): { format: ExportFormat; entryId: string | null } | null {
  if (choices.scope === 'all') return { format: choices.format, entryId: null };
  return choices.entry === null ? null : { format: choices.format, entryId: choices.entry.id };
}

/** A key that changes whenever the export would: a preview is reused for a download only when it matches. */
export function exportKey(choices: ExportChoices): string | null {
  const request = exportRequest(choices);
  return request === null ? null : `${request.format}:${request.entryId ?? 'all'}`;
}

/** The preview's request: the same entry, in the text format that shows the chosen format (PREVIEW_FORMAT). */
export function previewRequest(choices: ExportChoices): { format: TextExportFormat; entryId: string | null } | null {
  const request = exportRequest(choices);
  return request === null ? null : { format: PREVIEW_FORMAT[request.format], entryId: request.entryId };
}

/** Like exportKey, for the preview: HTML and PDF share one, CSV and the workbook another. */
export function previewKey(choices: ExportChoices): string | null {
  const request = previewRequest(choices);
  return request === null ? null : `${request.format}:${request.entryId ?? 'all'}`;
}

/** The bytes of a file sent as base64 (how a download crosses both transports). */
export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes;
}

/** Longest text previews: enough to judge the export, little enough to keep the window quick. */
export const PREVIEW_MAX_LINES = 400;
export const PREVIEW_MAX_CHARS = 100_000;

export interface TextPreview {
  text: string;
  /** Lines shown, and lines in the whole export. */
  shownLines: number;
  totalLines: number;
  truncated: boolean;
}

/** The first lines of a text export (and never more than `maxChars` characters, cut at a line end where possible). */
export function truncatePreview(content: string, maxLines = PREVIEW_MAX_LINES, maxChars = PREVIEW_MAX_CHARS): TextPreview {
  const body = content.endsWith('\n') ? content.slice(0, -1) : content;
  const lines = body === '' ? [] : body.split('\n');
  const totalLines = lines.length;
  let shown = lines.slice(0, maxLines);
  let text = shown.join('\n');
  if (text.length > maxChars) {
    const cut = text.lastIndexOf('\n', maxChars);
    text = cut > 0 ? text.slice(0, cut) : text.slice(0, maxChars);
    shown = text.split('\n');
  }
  const shownLines = shown.length;
  return { text, shownLines, totalLines, truncated: shownLines < totalLines || text.length < body.length - (totalLines - shownLines) };
}

/** "Showing the first 400 lines of 12,345." */
export function truncationNote(preview: TextPreview): string | null {
  if (!preview.truncated) return null;
  return `Showing the first ${preview.shownLines.toLocaleString('en')} lines of ${preview.totalLines.toLocaleString('en')}. The download has all of them.`;
}

/**
 * The HTML export made ready for the preview frame. The window's Content Security Policy also
 * covers the frame and refuses inline styles, so the export's own <style> and style attributes
 * are taken out (the preview adopts the same stylesheet instead). Nothing else changes.
 */
export function htmlForPreview(html: string): string {
  return html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '').replace(/(<[a-z][^<>]*?)\sstyle="[^"]*"/gi, '$1');
}

/** "1.2 MB", "830 KB", "512 bytes": the size of what the download saves. */
export function sizeLabel(characters: number): string {
  if (characters < 1024) return `${characters} ${characters === 1 ? 'byte' : 'bytes'}`;
  if (characters < 1024 * 1024) return `${Math.round(characters / 1024)} KB`;
  return `${(characters / 1024 / 1024).toFixed(1)} MB`;
}

/** The largest import file read in the window (the Node side refuses anything larger anyway). */
export const MAX_IMPORT_FILE_BYTES = 128 * 1024 * 1024;

/** Why a picked file is not even read; null when it can be. */
export function importFileProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `“${file.name}” is empty. Choose the .json file Fieldbook exported.`;
  if (file.size > MAX_IMPORT_FILE_BYTES) return `“${file.name}” is larger than 128 MB, which is more than Fieldbook imports at once. Export a smaller part of the fieldbook.`;
  return null;
}

export interface ImportListItem {
  key: string;
  name: string;
  reason: string;
}

export interface ImportGroup {
  id: 'added' | 'replaced' | 'skipped' | 'packs-added' | 'packs-skipped';
  title: string;
  items: ImportListItem[];
}

/** The lists an import preview (or result) shows, in plain words, leaving out empty ones. */
export function importGroups(preview: ImportPreview): ImportGroup[] {
  const done = preview.applied;
  const entries = (items: ImportPreview['entries']['added']): ImportListItem[] =>
    items.map((item) => ({ key: item.id, name: item.name, reason: item.reason }));
  const packs = (items: ImportPreview['packs']['added']): ImportListItem[] =>
    items.map((item) => ({ key: `${item.id}@${item.version}`, name: `${item.id} ${item.version}`, reason: item.reason }));
  const groups: ImportGroup[] = [
    { id: 'added', title: done ? 'Added' : 'Will be added', items: entries(preview.entries.added) },
    { id: 'replaced', title: done ? 'Replaced with the newer copy' : 'Will be replaced with the newer copy', items: entries(preview.entries.replaced) },
    { id: 'skipped', title: done ? 'Left as they were' : 'Will be left as they are', items: entries(preview.entries.skipped) },
    { id: 'packs-added', title: done ? 'Guideline packs added' : 'Guideline packs to add', items: packs(preview.packs.added) },
    { id: 'packs-skipped', title: 'Guideline packs left out', items: packs(preview.packs.skipped) },
  ];
  return groups.filter((group) => group.items.length > 0);
}

/** Set-asides, publishers and the profile, one short line each (empty ones left out). */
export function importDetails(preview: ImportPreview): string[] {
  const done = preview.applied;
  const lines: string[] = [];
  const { added, skipped } = preview.setAsides;
  if (added > 0) lines.push(`${plural(added, 'set-aside guideline', 'set-aside guidelines')} ${done ? 'brought over' : 'to bring over'}, with the reasons given.`);
  if (skipped > 0) lines.push(`${plural(skipped, 'set-aside', 'set-asides')} left out, because the entry they belong to stays as it is here.`);
  for (const publisher of preview.publishers.added) {
    lines.push(`${done ? 'Now trusted' : 'Will be trusted'}: packs signed by ${publisher.name}.`);
  }
  if (preview.publishers.skipped > 0) lines.push(`${plural(preview.publishers.skipped, 'trusted publisher', 'trusted publishers')} left out: already trusted here, or the key could not be read.`);
  if (preview.profile.action === 'set') lines.push(`Your profile ${done ? 'was set' : 'will be set'} to ${[preview.profile.name, preview.profile.team].filter(Boolean).join(', ')}.`);
  return lines;
}

/** True when applying the import would change nothing at all. */
export function importChangesNothing(preview: ImportPreview): boolean {
  return (
    preview.entries.added.length === 0 &&
    preview.entries.replaced.length === 0 &&
    preview.setAsides.added === 0 &&
    preview.packs.added.length === 0 &&
    preview.publishers.added.length === 0 &&
    preview.profile.action !== 'set'
  );
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
