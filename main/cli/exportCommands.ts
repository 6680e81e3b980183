import { readFileSync, statSync } from 'node:fs';
import { EXPORT_FORMATS, MAX_IMPORT_CHARS, type ExportFormat, type ImportPreview } from '../../shared/contract';
import { FieldbookError } from '../core/errors';
import { applyImport, previewImport } from '../core/export/importFieldbook';
import { runExport } from '../core/export/runExport';
import { openFieldbook, type Fieldbook } from '../core/fieldbook';

export const EXPORT_HELP = `  fieldbook export --format md|html|pdf|xlsx|csv|json --out PATH [--entry ID]
                                  Export documentation (md: a folder) or a JSON backup
  fieldbook import FILE [--yes]   Show what a JSON export would add or replace; --yes imports it`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** `--entry` takes an entry's id, or its exact name when only one entry has it. */
function resolveEntry(fieldbook: Fieldbook, value: string): string {
  if (UUID.test(value)) return fieldbook.entries.get(value.toLowerCase()).id;
  const matches = fieldbook.entries.all().filter((entry) => entry.name.toLowerCase() === value.trim().toLowerCase());
  if (matches.length === 1) return matches[0]!.id;
  throw new FieldbookError(
    matches.length === 0 ? 'not_found' : 'invalid_input',
    matches.length === 0 ? `No entry is called “${value}”.` : `${matches.length} entries are called “${value}”.`,
    'Give the entry’s id instead (the id is shown under “About this entry” in any export).',
  );
}

/** `fieldbook export`: writes the export and lists what it wrote. */
export async function exportCommand(
  dataDir: string,
  options: { format?: string; out?: string; entry?: string },
  appVersion: string,
  log: (line: string) => void = console.log,
): Promise<number> {
  if (!options.format || !isFormat(options.format)) {
    throw new FieldbookError('invalid_input', `--format must be one of ${EXPORT_FORMATS.join(', ')}${options.format ? `, not "${options.format}"` : ''}.`, 'Run "fieldbook --help" to see the options.');
  }
  if (!options.out) throw new FieldbookError('invalid_input', 'Say where to write the export with --out PATH.', 'Run "fieldbook --help" to see the options.');
  const fieldbook = openFieldbook({ dataDir });
  try {
    const entryId = options.entry === undefined ? null : resolveEntry(fieldbook, options.entry);
    const progress = process.stderr.isTTY ? (step: string) => process.stderr.write(`${step}…\n`) : undefined;
    const { files } = await runExport(fieldbook, { format: options.format, entryId, outPath: options.out, appVersion, onProgress: progress });
    if (options.format === 'md') log(`Wrote ${files.length} Markdown files to ${options.out} (start with index.md).`);
    else log(`Wrote ${files[0]}.`);
    return 0;
  } finally {
    fieldbook.close();
  }
}

/** `fieldbook import FILE`: always shows the preview; changes the fieldbook only with --yes. */
export function importCommand(dataDir: string, file: string, yes: boolean, log: (line: string) => void = console.log): number {
  let text: string;
  try {
    if (statSync(file).size > MAX_IMPORT_CHARS * 4) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new FieldbookError(
      'invalid_input',
      code === 'EFBIG' ? `${file} is too large to be a Fieldbook export.` : `Cannot read ${file}: ${(error as Error).message}`,
      'Check the path and try again. Nothing in your fieldbook was changed.',
    );
  }
  const fieldbook = openFieldbook({ dataDir });
  try {
    const preview = previewImport(fieldbook, text);
    log(describePreview(file, preview));
    if (!yes) {
      log('\nNothing has been changed. Run the same command with --yes to import.');
      return 0;
    }
    const result = applyImport(fieldbook, text);
    log(`\nImported. ${result.summary}`);
    return 0;
  } finally {
    fieldbook.close();
  }
}

const LIST_LIMIT = 20;

function describePreview(file: string, preview: ImportPreview): string {
  const lines = [`${file}: a Fieldbook export of ${preview.scope === 'all' ? 'a whole fieldbook' : 'one entry'}, made ${preview.exportedAt} by Fieldbook ${preview.appVersion}.`, '', preview.summary];
  const list = (title: string, items: { name: string; reason: string }[]) => {
    if (items.length === 0) return;
    lines.push('', `${title} (${items.length}):`);
    for (const item of items.slice(0, LIST_LIMIT)) lines.push(`  - ${item.name} — ${item.reason}`);
    if (items.length > LIST_LIMIT) lines.push(`  … and ${items.length - LIST_LIMIT} more`);
  };
  list('Will be added', preview.entries.added);
  list('Will replace the entry here (the file is newer)', preview.entries.replaced);
  list('Will be skipped (the one here is newer or the same)', preview.entries.skipped);
  if (preview.setAsides.added + preview.setAsides.skipped > 0) {
    lines.push('', `Set-asides: ${preview.setAsides.added} come along with the entries above; ${preview.setAsides.skipped} belong to skipped entries and are left out.`);
  }
  list('Guideline packs to add', preview.packs.added.map((pack) => ({ name: `${pack.id} ${pack.version}`, reason: pack.reason })));
  list('Guideline packs left out', preview.packs.skipped.map((pack) => ({ name: `${pack.id} ${pack.version}`, reason: pack.reason })));
  list('Publishers to trust (packs they sign will be accepted)', preview.publishers.added.map((publisher) => ({ name: publisher.name, reason: `key ${publisher.keyId}` })));
  if (preview.profile.action === 'set') lines.push('', `Your profile will be set to ${[preview.profile.name, preview.profile.team].filter(Boolean).join(', ')} (it is empty here).`);
  return lines.join('\n');
}
