import type { ImportPreview, TextExportFormat } from '../../../shared/contract';
import { TEXT_EXPORT_FORMATS } from '../../../shared/vocabulary';

/** Where the Export view keeps her last choices (this browser profile or desktop window only). */
export const EXPORT_CHOICES_KEY = 'fieldbook.export';

export type ExportScope = 'all' | 'entry';

export interface PickedEntry {
  id: string;
  name: string;
}

/** What to export and how. `entry` is the one entry when the scope is "entry" (null until picked). */
export interface ExportChoices {
  format: TextExportFormat;
  scope: ExportScope;
  entry: PickedEntry | null;
}

export const DEFAULT_EXPORT_CHOICES: ExportChoices = { format: 'html', scope: 'all', entry: null };

export const FORMAT_LABELS: Record<TextExportFormat, string> = {
  md: 'Markdown',
  html: 'HTML',
  csv: 'CSV',
  json: 'JSON',
};

/** One line under each format: what it is good for. */
export const FORMAT_HINTS: Record<TextExportFormat, string> = {
  html: 'One file that reads well on screen and prints well.',
  md: 'Plain text with headings, for a wiki or a repository.',
  csv: 'The inventory, one row per entry, for a spreadsheet.',
  json: 'Everything, to import into another fieldbook or keep as a backup.',
};

const ENTRY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isFormat(value: unknown): value is TextExportFormat {
  return typeof value === 'string' && (TEXT_EXPORT_FORMATS as readonly string[]).includes(value);
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
export function exportRequest(choices: ExportChoices): { format: TextExportFormat; entryId: string | null } | null {
  if (choices.scope === 'all') return { format: choices.format, entryId: null };
  return choices.entry === null ? null : { format: choices.format, entryId: choices.entry.id };
}

/** A key that changes whenever the export would: a preview is reused for a download only when it matches. */
export function exportKey(choices: ExportChoices): string | null {
  const request = exportRequest(choices);
  return request === null ? null : `${request.format}:${request.entryId ?? 'all'}`;
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
 * are taken out and the same stylesheet is linked from the app instead. Nothing else changes.
 */
export function htmlForPreview(html: string, stylesheetHref: string): string {
  const link = `<link rel="stylesheet" href="${stylesheetHref.replace(/[&"<>]/g, (char) => `&#${char.charCodeAt(0)};`)}">`;
  const withoutStyles = html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '').replace(/(<[a-z][^<>]*?)\sstyle="[^"]*"/gi, '$1');
  if (/<\/head>/i.test(withoutStyles)) return withoutStyles.replace(/<\/head>/i, `${link}</head>`);
  return `${link}${withoutStyles}`;
}

/** "1.2 MB", "830 KB", "512 bytes": the size of what the download saves. */
export function sizeLabel(characters: number): string {
  if (characters < 1024) return `${characters} ${characters === 1 ? 'byte' : 'bytes'}`;
  if (characters < 1024 * 1024) return `${Math.round(characters / 1024)} KB`;
  return `${(characters / 1024 / 1024).toFixed(1)} MB`;
}

/** The CLI line for the formats a page cannot write. */
export const DESKTOP_ONLY_COMMAND = 'fieldbook export --format pdf|xlsx --out PATH';

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
