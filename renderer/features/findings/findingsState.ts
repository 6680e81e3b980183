import type { EntryFieldName, EntryFields } from '../../../shared/entry';
import { CRITICALITY_LEVELS, DATA_CATEGORIES, ENTRY_FIELD_NAMES, LIFECYCLE_STAGES, SENSITIVITY_LEVELS, USAGE_FREQUENCIES } from '../../../shared/vocabulary';
import type { Finding, RuleInfo } from '../../../shared/guidelines';
import { compareFindings } from '../../../shared/findingOrder';
import {
  CRITICALITY_LABELS,
  DATA_CATEGORY_LABELS,
  FIELD_LABELS,
  FREQUENCY_LABELS,
  LIFECYCLE_LABELS,
  OUTCOME_LABELS,
  SENSITIVITY_LABELS,
} from '../../../shared/labels';

/** Identifies one guideline on one entry: the same key the Node side stores set-asides by. */
export function findingKey(finding: { packId: string; ruleId: string }): string {
  return `${finding.packId}/${finding.ruleId}`;
}

/**
 * How findings are grouped on an entry, most important first. "Waiting for the file" holds the
 * "needs info" findings that only reading the tool's file can answer, so they do not crowd the
 * questions she can answer right now.
 */
export const GROUP_ORDER = [
  'not-met',
  'needs-info',
  'waiting-for-file',
  'error',
  'set-aside',
  'met',
  'not-applicable',
] as const;
export type FindingGroupKey = (typeof GROUP_ORDER)[number];

export const GROUP_TITLES: Record<FindingGroupKey, string> = {
  'not-met': OUTCOME_LABELS['not-met'],
  'needs-info': OUTCOME_LABELS['needs-info'],
  'waiting-for-file': 'Waiting for the file',
  error: OUTCOME_LABELS.error,
  'set-aside': OUTCOME_LABELS['set-aside'],
  met: OUTCOME_LABELS.met,
  'not-applicable': OUTCOME_LABELS['not-applicable'],
};

/** Groups that start folded, showing only their count: nothing to do there right now. */
export const FOLDED_BY_DEFAULT: ReadonlySet<FindingGroupKey> = new Set(['waiting-for-file', 'met', 'not-applicable']);

export interface FindingGroup {
  key: FindingGroupKey;
  title: string;
  findings: Finding[];
}

export function groupOf(finding: Finding): FindingGroupKey {
  if (finding.outcome === 'needs-info' && finding.missingFacts.length > 0) return 'waiting-for-file';
  return finding.outcome;
}

/** The non-empty groups in order, each most important first. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const byGroup = new Map<FindingGroupKey, Finding[]>();
  for (const finding of findings) {
    const key = groupOf(finding);
    const list = byGroup.get(key) ?? [];
    list.push(finding);
    byGroup.set(key, list);
  }
  return GROUP_ORDER.filter((key) => byGroup.has(key)).map((key) => ({
    key,
    title: GROUP_TITLES[key],
    findings: [...byGroup.get(key)!].sort(compareFindings),
  }));
}

/** How many findings ask something of her now: not met yet, or a question she can answer. */
export function countToLookAt(findings: readonly Finding[]): number {
  return findings.filter((finding) => {
    const group = groupOf(finding);
    return group === 'not-met' || group === 'needs-info';
  }).length;
}

const COUNT_WORDS: Record<FindingGroupKey, [one: string, many: string]> = {
  'not-met': ['not met yet', 'not met yet'],
  'needs-info': ['needs info', 'need info'],
  'waiting-for-file': ['waits for the file', 'wait for the file'],
  error: ['could not be checked', 'could not be checked'],
  'set-aside': ['set aside', 'set aside'],
  met: ['met', 'met'],
  'not-applicable': ['does not apply', 'do not apply'],
};

/** "2 not met yet", "3 need info", … one phrase per non-empty group. */
export function countPhrases(groups: readonly FindingGroup[]): { key: FindingGroupKey; text: string }[] {
  return groups.map(({ key, findings }) => {
    const [one, many] = COUNT_WORDS[key];
    return { key, text: `${findings.length} ${findings.length === 1 ? one : many}` };
  });
}

/** The words said after a guideline was answered, set aside or taken back. */
export function outcomeSentence(title: string, finding: Finding | undefined): string {
  if (!finding) return `“${title}” no longer applies to this entry.`;
  switch (groupOf(finding)) {
    case 'met':
      return `“${title}” is met now.`;
    case 'not-met':
      return `“${title}” is not met yet. The steps under “How to meet it” show the way.`;
    case 'needs-info':
      return `“${title}” still needs a little more information.`;
    case 'waiting-for-file':
      return `Thanks. “${title}” also needs Fieldbook to read the file, so it waits for that.`;
    case 'set-aside':
      return `“${title}” is set aside.`;
    case 'not-applicable':
      return `“${title}” does not apply to this entry now.`;
    case 'error':
      return `“${title}” could not be checked.`;
  }
}

/* ---------- Answering a "needs info" question ---------- */

export interface ChoiceOption {
  value: string;
  label: string;
}

/** The control that asks for one missing input, in the words the entry form uses. */
export type AnswerControl =
  | { kind: 'select'; input: string; field: EntryFieldName; label: string; options: ChoiceOption[] }
  | { kind: 'checkboxes'; input: string; field: EntryFieldName; label: string; options: ChoiceOption[] }
  | { kind: 'date'; input: string; field: EntryFieldName; label: string }
  | { kind: 'number'; input: string; field: EntryFieldName; label: string }
  | { kind: 'text'; input: string; field: EntryFieldName; label: string; multiline: boolean }
  /** A list field (e.g. locations): what she types is added to the list. */
  | { kind: 'list-item'; input: string; field: EntryFieldName; label: string }
  | { kind: 'choice'; input: string; answer: string; label: string; options: ChoiceOption[] }
  | { kind: 'answer-text'; input: string; answer: string; label: string };

function options<T extends string>(values: readonly T[], labels: Record<T, string>): ChoiceOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

const SELECTS: Partial<Record<EntryFieldName, ChoiceOption[]>> = {
  criticality: options(CRITICALITY_LEVELS, CRITICALITY_LABELS),
  sensitivity: options(SENSITIVITY_LEVELS, SENSITIVITY_LABELS),
  frequency: options(USAGE_FREQUENCIES, FREQUENCY_LABELS),
  lifecycle: options(LIFECYCLE_STAGES, LIFECYCLE_LABELS),
};
const LONG_TEXT: ReadonlySet<EntryFieldName> = new Set(['purpose', 'criticalityImpact', 'backup', 'changeProcess', 'notes']);
const LIST_FIELDS: ReadonlySet<EntryFieldName> = new Set(['locations', 'files', 'backupOwners', 'tags']);
const ENTRY_FIELDS: ReadonlySet<string> = new Set<string>(ENTRY_FIELD_NAMES);

/**
 * The control for one missing input (`finding.missingFields`): a select for a vocabulary,
 * checkboxes for data categories, a date, a number, text; for `answers.X`, the rule's choices
 * as radio buttons, or a text box. Null for an input the window cannot ask for.
 */
export function controlFor(input: string, rule: RuleInfo | undefined, question: string): AnswerControl | null {
  if (input.startsWith('answers.')) {
    const answer = input.slice('answers.'.length);
    // The rule's question is about its one answer (docs/guideline-packs.md, section 6).
    const label = rule?.question ?? question;
    const choices = rule?.choices;
    if (choices && choices.length > 0) {
      return { kind: 'choice', input, answer, label, options: choices.map((value) => ({ value, label: capitalize(value) })) };
    }
    return { kind: 'answer-text', input, answer, label };
  }
  if (!ENTRY_FIELDS.has(input)) return null;
  const field = input as EntryFieldName;
  const label = FIELD_LABELS[field];
  const selectOptions = SELECTS[field];
  if (selectOptions) return { kind: 'select', input, field, label, options: selectOptions };
  if (field === 'dataCategories') return { kind: 'checkboxes', input, field, label, options: options(DATA_CATEGORIES, DATA_CATEGORY_LABELS) };
  if (field === 'lastReviewed') return { kind: 'date', input, field, label };
  if (field === 'userCount') return { kind: 'number', input, field, label };
  if (LIST_FIELDS.has(field)) return { kind: 'list-item', input, field, label };
  if (field === 'kind' || field === 'dependsOn' || field === 'feeds' || field === 'answers') return null;
  return { kind: 'text', input, field, label, multiline: LONG_TEXT.has(field) };
}

/**
 * For a rule where any one of a group of inputs is enough (`alternativeInputs`): says so, and
 * names the alternatives the form cannot offer right here. Null when no such group is missing.
 */
export function alternativesNote(finding: Pick<Finding, 'missingFields' | 'missingFacts'>, rule: RuleInfo | undefined): string | null {
  const missing = new Set([...finding.missingFields, ...finding.missingFacts]);
  const groups = (rule?.alternativeInputs ?? []).filter((group) => group.every((input) => missing.has(input)));
  if (groups.length === 0) return null;
  const elsewhere = new Set<string>();
  for (const input of groups.flat()) {
    if (input.startsWith('facts.')) elsewhere.add('let Fieldbook read the tool’s file');
    else if (!input.startsWith('answers.') && controlFor(input, rule, '') === null) {
      elsewhere.add(`fill in “${FIELD_LABELS[input as EntryFieldName] ?? input}” on the Details tab`);
    }
  }
  if (elsewhere.size === 0) return 'Any one of these answers is enough.';
  return `One answer is enough: give it here, or ${[...elsewhere].join(', or ')}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What she picked or typed, by input name: text for most controls, a list for checkboxes. */
export type AnswerValues = Record<string, string | string[]>;

export interface AnswerResult {
  /** The entry changes to save; answers are merged into the ones the entry already has. */
  changes: Partial<EntryFields>;
  /** Why nothing can be saved yet, in plain words; null when there is something to save. */
  problem: string | null;
}

/**
 * Turns what she answered into entry changes. Inputs left empty are skipped, so she can answer
 * part of a question now and the rest later.
 */
export function answerChanges(current: EntryFields, controls: readonly AnswerControl[], values: AnswerValues): AnswerResult {
  const changes: Record<string, unknown> = {};
  let answers: Record<string, string> | null = null;
  for (const control of controls) {
    const raw = values[control.input];
    if (raw === undefined) continue;
    if (Array.isArray(raw)) {
      if (raw.length > 0 && control.kind === 'checkboxes') changes[control.field] = [...raw];
      continue;
    }
    const text = raw.trim();
    if (text === '') continue;
    switch (control.kind) {
      case 'choice':
      case 'answer-text':
        answers = { ...(answers ?? current.answers), [control.answer]: text };
        break;
      case 'number': {
        const digits = text.replace(/[\s,.'’](?=\d{3}\b)/g, '');
        if (!/^\d{1,9}$/.test(digits)) return { changes: {}, problem: `${control.label}: enter a whole number, like 12.` };
        changes[control.field] = Number(digits);
        break;
      }
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { changes: {}, problem: `${control.label}: pick a date.` };
        changes[control.field] = text;
        break;
      case 'list-item': {
        const list = current[control.field] as string[];
        changes[control.field] = list.includes(text) ? list : [...list, text];
        break;
      }
      case 'select':
      case 'text':
        changes[control.field] = text;
        break;
      case 'checkboxes':
        break;
    }
  }
  if (answers !== null) changes.answers = answers;
  if (Object.keys(changes).length === 0) return { changes: {}, problem: 'Choose or type an answer first.' };
  return { changes: changes as Partial<EntryFields>, problem: null };
}

/* ---------- Setting a guideline aside ---------- */

export const REASON_REQUIRED = 'Say briefly why this guideline does not fit.';

/** Why a set-aside cannot be saved yet, or null. `today` is YYYY-MM-DD. */
export function setAsideProblem(reason: string, until: string | null, today: string): { reason?: string; until?: string } | null {
  const problems: { reason?: string; until?: string } = {};
  if (reason.trim() === '') problems.reason = REASON_REQUIRED;
  if (until !== null && until !== '' && until < today) problems.until = 'Pick today or a later date to look again.';
  return Object.keys(problems).length > 0 ? problems : null;
}

/** Today as YYYY-MM-DD in the user's own time zone. */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** "you" when the set-aside was made without a profile name. */
export function whoSetAside(by: string): string {
  return by === '' || by === 'me' ? 'you' : by;
}

/* ---------- What is open on screen ---------- */

export interface FindingsViewState {
  /** Findings shown open, by key. Kept across re-checks, so a finding that moves group stays open. */
  expanded: Record<string, boolean>;
  /** Groups unfolded (or folded) by hand; the rest follow FOLDED_BY_DEFAULT. */
  groups: Partial<Record<FindingGroupKey, boolean>>;
}

export function initialViewState(): FindingsViewState {
  return { expanded: {}, groups: {} };
}

export function toggleFinding(state: FindingsViewState, key: string): FindingsViewState {
  return { ...state, expanded: { ...state.expanded, [key]: !state.expanded[key] } };
}

export function expandFinding(state: FindingsViewState, key: string): FindingsViewState {
  return state.expanded[key] ? state : { ...state, expanded: { ...state.expanded, [key]: true } };
}

export function isGroupOpen(state: FindingsViewState, key: FindingGroupKey): boolean {
  return state.groups[key] ?? !FOLDED_BY_DEFAULT.has(key);
}

export function toggleGroup(state: FindingsViewState, key: FindingGroupKey): FindingsViewState {
  return { ...state, groups: { ...state.groups, [key]: !isGroupOpen(state, key) } };
}

/** Unfolds the group a finding is in now (after she acts on it), so she can see where it went. */
export function revealFinding(state: FindingsViewState, findings: readonly Finding[], key: string): FindingsViewState {
  const finding = findings.find((candidate) => findingKey(candidate) === key);
  if (!finding) return state;
  const group = groupOf(finding);
  const expanded = expandFinding(state, key);
  return isGroupOpen(expanded, group) ? expanded : { ...expanded, groups: { ...expanded.groups, [group]: true } };
}
