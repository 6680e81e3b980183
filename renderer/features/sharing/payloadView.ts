import type { EntryFieldName } from '../../../shared/entry';
import { FIELD_LABELS, OUTCOME_LABELS, SEVERITY_LABELS } from '../../../shared/labels';
import { SHARE_EXTRAS, type PrivatePart, type SharedEntryPayload, type SharedFileFacts, type SharedFinding, type ShareExtra } from '../../../shared/sharing';
import { ENTRY_FIELD_NAMES } from '../../../shared/vocabulary';
import { describeValueInFull } from '../entry/historyFormat';

/**
 * The share preview reads the payload the Node side will send (its exact JSON text), never the
 * entry: what the user sees here is what IT receives.
 */

export const EXTRA_LABELS: Record<ShareExtra, string> = {
  findings: 'How it stands against the guidelines',
  fileFacts: 'What Fieldbook found in its files',
};

export const NOT_SENT = 'Not sent';
export const EMPTY = '(empty)';

export function partLabel(part: string): string {
  return (FIELD_LABELS as Record<string, string>)[part] ?? (EXTRA_LABELS as Record<string, string>)[part] ?? part;
}

export function readPayload(text: string): SharedEntryPayload {
  return JSON.parse(text) as SharedEntryPayload;
}

/**
 * One field's value as IT will read it, in full. Links to other entries carry only their id;
 * answers are labelled with the guideline's question, which travels with them.
 */
export function payloadFieldText(field: EntryFieldName, value: unknown, names: Record<string, string> = {}, questions: Record<string, string> = {}): string {
  if (field === 'answers' && value && typeof value === 'object') {
    return Object.entries(value as Record<string, string>)
      .map(([key, answer]) => `${questions[key] ?? key}: ${answer}`)
      .join('; ');
  }
  if ((field === 'dependsOn' || field === 'feeds') && Array.isArray(value)) {
    return value
      .map((link: { type: string; entryId?: string; name?: string }) =>
        link.type === 'entry' ? `${link.entryId && names[link.entryId] ? `“${names[link.entryId]}”` : 'another entry'} (IT gets only its id)` : (link.name ?? ''),
      )
      .join(', ');
  }
  return describeValueInFull(field, value, names);
}

export interface PreviewField {
  part: EntryFieldName;
  label: string;
  /** False when the field is left out (kept private). */
  sent: boolean;
  /** The value as sent; '' when sent empty. */
  text: string;
}

export function previewFields(payload: SharedEntryPayload, names: Record<string, string> = {}): PreviewField[] {
  const fields = payload.fields as Record<string, unknown>;
  return ENTRY_FIELD_NAMES.map((part) => {
    const sent = Object.hasOwn(fields, part);
    return { part, label: FIELD_LABELS[part], sent, text: sent ? payloadFieldText(part, fields[part], names, payload.answerQuestions) : '' };
  });
}

/** "Not met yet (Important) — set aside: …" */
export function findingResultText(finding: SharedFinding): string {
  const base = `${OUTCOME_LABELS[finding.outcome] ?? finding.outcome} (${SEVERITY_LABELS[finding.severity] ?? finding.severity})`;
  return finding.setAsideReason ? `${base} — set aside: ${finding.setAsideReason}` : base;
}

/** "xlsx: 3 sheets, 2 macros" */
export function fileFactsText(file: SharedFileFacts): string {
  const facts = file.facts.filter((fact) => fact.trim() !== '').join('; ');
  return facts ? `${file.format}: ${facts}` : file.format;
}

export interface PayloadChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

function fieldValue(payload: SharedEntryPayload, field: EntryFieldName, names: Record<string, string>): string {
  const fields = payload.fields as Record<string, unknown>;
  if (!Object.hasOwn(fields, field)) return NOT_SENT;
  return payloadFieldText(field, fields[field], names, payload.answerQuestions) || EMPTY;
}

function countWord(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

/** Items by key; a repeated key (two files of the same name) gets a counter, so none is lost. */
function keyed<T>(items: T[], itemKey: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const base = itemKey(item);
    let key = base;
    for (let n = 2; map.has(key); n += 1) key = `${base}#${n}`;
    map.set(key, item);
  }
  return map;
}

/** Changes within a list sent item by item (findings by guideline, files by name). */
function listChanges<T>(
  key: string,
  label: string,
  before: T[] | undefined,
  after: T[] | undefined,
  itemKey: (item: T) => string,
  itemLabel: (item: T) => string,
  itemText: (item: T) => string,
  summary: (count: number) => string,
): PayloadChange[] {
  if (before === undefined || after === undefined) {
    if (before === after) return [];
    return [{ key, label, before: before ? summary(before.length) : NOT_SENT, after: after ? summary(after.length) : NOT_SENT }];
  }
  const old = keyed(before, itemKey);
  const next = keyed(after, itemKey);
  const changes: PayloadChange[] = [];
  for (const id of new Set([...old.keys(), ...next.keys()])) {
    const was = old.get(id);
    const now = next.get(id);
    const beforeText = was ? itemText(was) : NOT_SENT;
    const afterText = now ? itemText(now) : NOT_SENT;
    if (beforeText !== afterText) changes.push({ key: `${key}:${id}`, label: itemLabel((now ?? was)!), before: beforeText, after: afterText });
  }
  return changes;
}

/**
 * What changed between what IT holds and what would be sent now, field by field. The entry's
 * revision and time are left out: they change with every edit and mean nothing to IT.
 */
export function payloadChanges(previousText: string, nextText: string, names: Record<string, string> = {}): PayloadChange[] {
  const before = readPayload(previousText);
  const after = readPayload(nextText);
  const changes: PayloadChange[] = [];
  for (const field of ENTRY_FIELD_NAMES) {
    const was = fieldValue(before, field, names);
    const now = fieldValue(after, field, names);
    if (was !== now) changes.push({ key: field, label: FIELD_LABELS[field], before: was, after: now });
  }
  changes.push(
    ...listChanges(
      'findings',
      EXTRA_LABELS.findings,
      before.findings,
      after.findings,
      (finding) => `${finding.packId}/${finding.ruleId}`,
      (finding) => `Guideline: ${finding.title}`,
      findingResultText,
      (count) => countWord(count, 'guideline result', 'guideline results'),
    ),
    ...listChanges(
      'fileFacts',
      EXTRA_LABELS.fileFacts,
      before.files,
      after.files,
      (file) => file.name,
      (file) => `File: ${file.name}`,
      fileFactsText,
      (count) => countWord(count, 'file', 'files'),
    ),
  );
  return changes;
}

/** Every part that can be kept private, in the order the preview shows them. */
export function privatePartOrder(): PrivatePart[] {
  return [...ENTRY_FIELD_NAMES, ...SHARE_EXTRAS];
}
