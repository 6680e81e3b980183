import type { CallError } from '../../../shared/contract';
import type { DependencyLink, Entry, EntryFieldName, EntryFields, EntryPatch } from '../../../shared/entry';
import { ENTRY_FIELD_NAMES } from '../../../shared/vocabulary';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed';

/** A value the store refused, kept so the same value is not sent again until the user changes it. */
export interface FieldFailure {
  value: unknown;
  message: string;
}

export interface EntryEditState {
  id: string;
  revision: number;
  /** The values the store holds, as far as this window knows. */
  saved: EntryFields;
  /** The values the form shows, including what is not saved yet. */
  draft: EntryFields;
  /** The changes sent and not answered yet. */
  inFlight: EntryPatch | null;
  /** Fields the store refused, with its reason in plain words. */
  failed: Partial<Record<EntryFieldName, FieldFailure>>;
  /** A save that failed as a whole (for example, Fieldbook could not be reached). */
  saveError: CallError | null;
  status: SaveStatus;
}

/** Every field an entry has, in the contract's order. */
const FIELD_NAMES = [...ENTRY_FIELD_NAMES] as EntryFieldName[];

export function fieldsOf(entry: Entry): EntryFields {
  const fields = {} as Record<EntryFieldName, unknown>;
  for (const name of FIELD_NAMES) fields[name] = entry[name];
  return fields as EntryFields;
}

/** Structural equality for JSON-like values (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  const aRecord = a as Record<string, unknown>;
  return aKeys.length === Object.keys(b).length && aKeys.every((key) => sameValue(aRecord[key], bRecord[key]));
}

function cleanList(items: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of items) {
    const item = raw.trim();
    if (item !== '' && !seen.has(item)) {
      seen.add(item);
      result.push(item);
    }
  }
  return result;
}

function cleanLinks(links: DependencyLink[]): DependencyLink[] {
  const seen = new Set<string>();
  const result: DependencyLink[] = [];
  for (const link of links) {
    const clean: DependencyLink =
      link.type === 'system' ? { type: 'system', name: link.name.trim() } : { type: 'entry', entryId: link.entryId };
    const key = clean.type === 'system' ? `system:${clean.name.toLowerCase()}` : `entry:${clean.entryId}`;
    if ((clean.type === 'entry' || clean.name !== '') && !seen.has(key)) {
      seen.add(key);
      result.push(clean);
    }
  }
  return result;
}

/**
 * The value as it would be stored: list rows still being typed (blank, or with spaces around)
 * are tidied, so they neither fail validation nor count as a change.
 */
export function normalizeField<F extends EntryFieldName>(field: F, value: EntryFields[F]): EntryFields[F] {
  switch (field) {
    case 'name':
      return (value as string).trim() as EntryFields[F];
    case 'backupOwners':
    case 'locations':
    case 'files':
    case 'tags':
      return cleanList(value as string[]) as EntryFields[F];
    case 'dependsOn':
    case 'feeds':
      return cleanLinks(value as DependencyLink[]) as EntryFields[F];
    default:
      return value;
  }
}

export function startEditing(entry: Entry): EntryEditState {
  const fields = fieldsOf(entry);
  return {
    id: entry.id,
    revision: entry.revision,
    saved: fields,
    draft: fields,
    inFlight: null,
    failed: {},
    saveError: null,
    status: 'saved',
  };
}

/**
 * The changes not saved yet: every field whose tidied value differs from the stored one,
 * except values the store already refused (they wait until the user changes them, or `retryAll`).
 */
export function diffPending(state: EntryEditState, options: { includeRefused?: boolean } = {}): EntryPatch {
  const patch: Record<string, unknown> = {};
  for (const field of FIELD_NAMES) {
    const value = normalizeField(field, state.draft[field]);
    if (sameValue(value, state.saved[field])) continue;
    const failure = state.failed[field];
    if (failure && !options.includeRefused && sameValue(failure.value, value)) continue;
    patch[field] = value;
  }
  return patch as EntryPatch;
}

export function hasChanges(patch: EntryPatch): boolean {
  return Object.keys(patch).length > 0;
}

function withStatus(state: EntryEditState): EntryEditState {
  let status: SaveStatus;
  if (state.inFlight !== null) status = 'saving';
  else if (state.saveError !== null || Object.keys(state.failed).length > 0) status = 'failed';
  else if (hasChanges(diffPending(state))) status = 'pending';
  else status = 'saved';
  return status === state.status ? state : { ...state, status };
}

/** The user typed or picked something. A refusal is forgotten once its field changes. */
export function applyEdit<F extends EntryFieldName>(state: EntryEditState, field: F, value: EntryFields[F]): EntryEditState {
  const draft = { ...state.draft, [field]: value };
  let failed = state.failed;
  const failure = state.failed[field];
  if (failure && !sameValue(failure.value, normalizeField(field, value))) {
    failed = { ...state.failed };
    delete failed[field];
  }
  return withStatus({ ...state, draft, failed });
}

export function beginSave(state: EntryEditState, patch: EntryPatch): EntryEditState {
  return withStatus({ ...state, inFlight: patch });
}

/**
 * The store accepted `patch`. What we sent becomes the saved value (not the store's echo),
 * so a field the user is still typing in is never overwritten under their cursor.
 */
export function markSaved(state: EntryEditState, patch: EntryPatch, entry: Entry): EntryEditState {
  const failed = { ...state.failed };
  for (const field of Object.keys(patch) as EntryFieldName[]) delete failed[field];
  return withStatus({
    ...state,
    saved: { ...state.saved, ...patch },
    revision: Math.max(state.revision, entry.revision),
    inFlight: null,
    failed,
    saveError: null,
  });
}

/** The whole save failed (not one field): everything stays in the draft, to be sent again. */
export function markFailed(state: EntryEditState, error: CallError): EntryEditState {
  return withStatus({ ...state, inFlight: null, saveError: error });
}

/** The store refused some fields of `patch`, each with its reason; the other fields can be sent again. */
export function markRefused(
  state: EntryEditState,
  patch: EntryPatch,
  reasons: Partial<Record<EntryFieldName, string>>,
): EntryEditState {
  const failed = { ...state.failed };
  for (const [field, message] of Object.entries(reasons) as [EntryFieldName, string][]) {
    failed[field] = { value: patch[field], message };
  }
  return withStatus({ ...state, inFlight: null, failed, saveError: null });
}

/** Forget refusals and whole-save errors so that everything is sent again (the Retry button). */
export function clearFailures(state: EntryEditState): EntryEditState {
  return withStatus({ ...state, failed: {}, saveError: null });
}

/**
 * The stored entry changed elsewhere (another window, an undo). Fields the user has not
 * touched take the stored value; fields with unsaved typing keep it.
 */
export function rebase(state: EntryEditState, entry: Entry): EntryEditState {
  if (entry.revision <= state.revision) return state;
  const stored = fieldsOf(entry);
  const draft = { ...state.draft } as Record<EntryFieldName, unknown>;
  for (const field of FIELD_NAMES) {
    if (sameValue(state.draft[field], state.saved[field])) draft[field] = stored[field];
  }
  return withStatus({ ...state, saved: stored, draft: draft as EntryFields, revision: entry.revision });
}

/** Zod's wording for the limits a person can hit, said plainly. Anything else passes through. */
export function plainReason(reason: string): string {
  const tooLong = /expected string to have <=\s*(\d+) characters/.exec(reason);
  if (tooLong) return `This is too long: keep it under ${tooLong[1]} characters.`;
  const tooMany = /expected array to have <=\s*(\d+) items/.exec(reason);
  if (tooMany) return `That is more than ${tooMany[1]} items; remove some.`;
  if (/expected int/.test(reason)) return 'Enter a whole number.';
  const tooBigNumber = /expected number to be <=\s*(\d+)/.exec(reason);
  if (tooBigNumber) return `Enter a number up to ${tooBigNumber[1]}.`;
  if (/expected number to be >=\s*0/.test(reason)) return 'Enter zero or more.';
  return reason;
}

/**
 * Reads the per-field reasons out of an invalid_input message such as
 * "That request could not be done: changes.name: Give the tool a name."
 */
export function reasonsFromMessage(message: string, patch: EntryPatch): Partial<Record<EntryFieldName, string>> {
  const reasons: Partial<Record<EntryFieldName, string>> = {};
  const fields = Object.keys(patch) as EntryFieldName[];
  if (fields.length === 0) return reasons;
  // Only the names of fields that were sent can match, so words in the sentence itself cannot.
  const pattern = new RegExp(`(?:^|[\\s:])(?:changes\\.)?(${fields.join('|')})(?:\\.[A-Za-z0-9]+)*: (.+)$`);
  for (const part of message.split(/;\s*/)) {
    const match = pattern.exec(part);
    const field = match?.[1] as EntryFieldName | undefined;
    if (field && match?.[2] && reasons[field] === undefined) reasons[field] = plainReason(match[2].trim());
  }
  return reasons;
}
