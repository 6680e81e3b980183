import { blankEntryFields, EntryFields, ENTRY_FIELD_NAMES, type Entry } from '../../shared/entry';
import { buildExportDocument, type DocFile, type ExportDocument } from '../../shared/export/documentModel';
import { renderHtml } from '../../shared/export/renderHtml';
import { renderMarkdownDocument } from '../../shared/export/renderMarkdown';
import { renderDocumentXlsx } from '../../shared/export/renderXlsx';
import type { Finding } from '../../shared/guidelines';
import type { HubEntry } from '../../shared/hub';
import { nodeCompressor } from './nodeCompressor';
import { isPlainObject, readSharedPayload } from './sharedView';

/**
 * The shared portfolio as one document, HTML, Markdown or an Excel workbook, made by the desktop's own document
 * model and renderers (shared/export). Each payload is read without trusting it: a field is taken
 * only when it passes the entry schema's own check for that field; anything missing, kept private
 * or malformed is "not shared". Links name other entries only when those are shared too.
 */

export const NOT_SHARED = 'Not shared';
export const UNSHARED_ENTRY = 'another tool (not shared)';
const WITHOUT_NAME = 'An entry without a name';

interface PortfolioEntry {
  entry: Entry;
  withheld: Set<string>;
  findings: Finding[];
  files: DocFile[];
  answerQuestions: ReadonlyMap<string, string>;
}

function portfolioEntry(hubEntry: HubEntry): PortfolioEntry {
  const payload = hubEntry.payload;
  const view = readSharedPayload(payload);
  const given = new Map(view.fields);
  const fields = blankEntryFields() as Record<string, unknown>;
  const withheld = new Set<string>(['createdAt']);
  for (const name of ENTRY_FIELD_NAMES) {
    const parsed = EntryFields.shape[name].safeParse(given.get(name));
    if (given.has(name) && parsed.success) fields[name] = parsed.data;
    else withheld.add(name);
  }
  if (withheld.has('name')) fields.name = WITHOUT_NAME;

  const findings: Finding[] = [];
  if (view.findings === null) withheld.add('findings');
  for (const finding of view.findings ?? []) {
    // Only results in Fieldbook's own words; one it does not know would be shown as something it is not.
    if (finding.outcome === null || finding.severity === null) continue;
    const [packId = '', packVersion = ''] = (finding.pack ?? '').split(' ');
    findings.push({
      packId,
      packVersion,
      ruleId: finding.title,
      title: finding.title,
      question: '',
      severity: finding.severity,
      category: '',
      outcome: finding.outcome,
      missingFields: [],
      missingFacts: [],
      setAside:
        finding.outcome === 'set-aside' && finding.setAsideReason
          ? { reason: finding.setAsideReason, until: /^\d{4}-\d{2}-\d{2}$/.test(finding.setAsideUntil ?? '') ? finding.setAsideUntil : null, by: 'me', at: '' }
          : null,
      setAsideExpired: false,
      error: null,
    });
  }

  if (view.files === null) withheld.add('fileFacts');
  const files = (view.files ?? []).map(
    (file): DocFile => ({
      path: file.name,
      name: file.name,
      folder: '',
      state: 'read',
      status: file.format ?? 'Read',
      readAt: null,
      found: file.facts.length > 0 ? file.facts.join(' ') : 'Nothing was shared about what is in it.',
      notes: [],
    }),
  );
  // The document lists what was found in the files the entry names; the shared facts name them.
  if (files.length > 0 && (fields.files as string[]).length === 0) fields.files = files.map((file) => file.path);

  const source = payload ?? {};
  const updatedAt = typeof source.updatedAt === 'string' && !Number.isNaN(Date.parse(source.updatedAt)) ? new Date(source.updatedAt).toISOString() : null;
  if (updatedAt === null) withheld.add('updatedAt');
  const entry: Entry = {
    ...(fields as EntryFields),
    id: hubEntry.entryId,
    revision: hubEntry.revision,
    createdAt: updatedAt ?? hubEntry.receivedAt,
    updatedAt: updatedAt ?? hubEntry.receivedAt,
  };
  return { entry, withheld, findings, files, answerQuestions: view.answerQuestions };
}

/** The model of the shared portfolio: every shared, not withdrawn entry. */
export function buildPortfolioDocument(hubEntries: readonly HubEntry[], now: Date): ExportDocument {
  const shared = hubEntries.filter((entry) => !entry.withdrawn && isPlainObject(entry.payload)).map(portfolioEntry);
  const entries = shared.map((item) => item.entry);
  const byId = new Map(shared.map((item) => [item.entry.id, item]));
  const devices = new Set(hubEntries.filter((entry) => !entry.withdrawn).map((entry) => entry.deviceId));
  return buildExportDocument({
    scope: 'all',
    selected: entries,
    live: entries,
    findingsOf: new Map(shared.map((item) => [item.entry.id, item.findings])),
    filesOf: (entry) => byId.get(entry.id)?.files ?? [],
    // One label per answer key: the question as the first device that sent it asked it.
    answerQuestions: new Map(shared.flatMap((item) => [...item.answerQuestions]).reverse()),
    withheldOf: new Map(shared.map((item) => [item.entry.id, item.withheld])),
    withheldText: NOT_SHARED,
    missingEntryName: UNSHARED_ENTRY,
    eyebrow: 'Fieldbook hub',
    title: 'IT’s shared portfolio',
    subtitle:
      'The tools people shared with IT through the Fieldbook hub: what each does, who looks after it, what it depends on, and where it stands against IT’s guidelines. Only what each owner chose to share is here.',
    about: [
      { label: 'Entries', value: String(entries.length) },
      { label: 'Shared from', value: `${devices.size} ${devices.size === 1 ? 'device' : 'devices'}` },
    ],
    appVersion: 'hub',
    colophon: `Exported from the Fieldbook hub on ${now.toISOString().slice(0, 10)}. It holds only what each entry’s owner chose to share; withdrawn entries are not in it.`,
    now,
  });
}

export function renderPortfolioHtml(hubEntries: readonly HubEntry[], now: Date): string {
  return renderHtml(buildPortfolioDocument(hubEntries, now));
}

export function renderPortfolioMarkdown(hubEntries: readonly HubEntry[], now: Date): string {
  return renderMarkdownDocument(buildPortfolioDocument(hubEntries, now));
}

/** The desktop's workbook: Entries, Findings, Dependencies and Files, one sheet each. */
export function renderPortfolioXlsx(hubEntries: readonly HubEntry[], now: Date): Uint8Array {
  return renderDocumentXlsx(buildPortfolioDocument(hubEntries, now), now, nodeCompressor);
}
