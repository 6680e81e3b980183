import { basename } from 'node:path';
import type { Entry, EntryFields } from '../../../shared/entry';
import type { Finding } from '../../../shared/guidelines';
import { ENTRY_FIELD_NAMES } from '../../../shared/vocabulary';
import { SHARE_FORMAT, type PrivatePart, type SharedEntryPayload, type SharedFileFacts } from '../../../shared/sharing';
import type { InspectedFile } from '../../../shared/contract';

export interface SharePayloadSources {
  entry: Entry;
  privateParts: readonly PrivatePart[];
  findings: () => Finding[];
  files: () => InspectedFile[];
  /** The guidelines' question for each answer key. */
  answerQuestions: () => ReadonlyMap<string, string>;
}

export interface BuiltPayload {
  payload: SharedEntryPayload;
  /** The payload exactly as it is sent: the preview shows these bytes and the push carries them. */
  text: string;
}

/**
 * The one function that decides what IT receives for an entry. The share preview and the push
 * both call it, so what the user saw is what is sent. Private parts are left out entirely.
 */
export function buildSharePayload(sources: SharePayloadSources): BuiltPayload {
  const { entry } = sources;
  const hidden = new Set<string>(sources.privateParts);
  const fields: Partial<EntryFields> = {};
  for (const name of ENTRY_FIELD_NAMES) {
    if (hidden.has(name)) continue;
    (fields as Record<string, unknown>)[name] = entry[name];
  }
  const payload: SharedEntryPayload = {
    format: SHARE_FORMAT,
    entryId: entry.id,
    entryRevision: entry.revision,
    updatedAt: entry.updatedAt,
    fields,
  };
  const answered = Object.keys(fields.answers ?? {}).filter((key) => fields.answers![key]!.trim() !== '');
  if (answered.length > 0) {
    const questions = sources.answerQuestions();
    const labelled = answered.filter((key) => questions.has(key)).map((key) => [key, questions.get(key)!] as const);
    if (labelled.length > 0) payload.answerQuestions = Object.fromEntries(labelled);
  }
  if (!hidden.has('findings')) {
    payload.findings = sources.findings().map((finding) => ({
      packId: finding.packId,
      packVersion: finding.packVersion,
      ruleId: finding.ruleId,
      title: finding.title,
      severity: finding.severity,
      outcome: finding.outcome,
      setAsideReason: finding.setAside?.reason ?? null,
      setAsideUntil: finding.setAside?.until ?? null,
    }));
  }
  if (!hidden.has('fileFacts')) {
    payload.files = sources.files().map(
      (file): SharedFileFacts => ({ name: basename(file.path.replaceAll('\\', '/')), format: file.result.format, facts: [file.summary] }),
    );
  }
  return { payload, text: JSON.stringify(payload) };
}
