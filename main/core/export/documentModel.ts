import type { Entry } from '../../../shared/entry';
import { buildExportDocument, longDate, type ExportDocument } from '../../../shared/export/documentModel';
import type { Finding } from '../../../shared/guidelines';
import type { Fieldbook } from '../fieldbook';
import { docFiles } from './fileFacts';

export * from '../../../shared/export/documentModel';

export interface DocumentOptions {
  /** One entry, or null for the whole fieldbook. */
  entryId: string | null;
  appVersion: string;
  now?: Date;
}

/**
 * Builds the documentation model of the whole fieldbook, or of one entry: reads the fieldbook
 * (entries, findings, what was found in their files) and hands plain data to the pure
 * buildExportDocument (shared/export), which the hub's export uses too.
 */
export function buildDocumentModel(fieldbook: Fieldbook, options: DocumentOptions): ExportDocument {
  const now = options.now ?? new Date();
  // The whole fieldbook's findings come from the guideline service's cache in one pass.
  let live: Entry[];
  let selected: Entry[];
  const findingsOf = new Map<string, Finding[]>();
  if (options.entryId === null) {
    const all = fieldbook.guidelines.allFindings();
    live = [...all.keys()];
    selected = live;
    for (const [entry, findings] of all) findingsOf.set(entry.id, findings);
  } else {
    const entry = fieldbook.entries.get(options.entryId);
    findingsOf.set(entry.id, fieldbook.guidelines.findings(entry.id));
    live = fieldbook.entries.all();
    selected = [entry];
  }

  // Questions the packs ask for answers without a field of their own, to label the answers.
  const answerQuestions = fieldbook.guidelines.answerQuestions();

  const profile = fieldbook.settings.get().profile;
  const by = [profile.name, profile.team].filter(Boolean).join(', ');
  const packs = fieldbook.guidelines.packsInForce();
  return buildExportDocument({
    scope: options.entryId === null ? 'all' : 'entry',
    selected,
    live,
    findingsOf,
    // What was found in each entry's files, as last read (one lookup per entry that lists files).
    filesOf: (entry) => docFiles(entry, fieldbook.files.files(entry.id), longDate),
    answerQuestions,
    eyebrow: options.entryId === null ? (profile.team ? `${profile.team} · Fieldbook` : 'Fieldbook') : 'System documentation',
    title: options.entryId === null ? 'System documentation' : selected[0]!.name,
    subtitle:
      options.entryId === null
        ? `The tools ${by ? `${by} documented` : 'documented'} in Fieldbook: what each does, who looks after it, what it depends on, and where it stands against IT’s guidelines.`
        : `System documentation from Fieldbook${by ? `, by ${by}` : ''}.`,
    about: [
      ...(by ? [{ label: 'By', value: by }] : []),
      { label: 'Entries', value: String(selected.length) },
      {
        label: 'Guidelines checked',
        value: packs.map((pack) => `${pack.name} ${pack.version} (${pack.publisher})`),
      },
    ],
    appVersion: options.appVersion,
    now,
  });
}
