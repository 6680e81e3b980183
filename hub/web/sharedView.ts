import { ENTRY_FIELD_NAMES, OUTCOMES, SEVERITIES } from '../../shared/vocabulary';
import type { Outcome, Severity } from '../../shared/guidelines';

/**
 * A shared entry's payload, read without trusting it. The hub checks only that a payload is a JSON
 * object (shared/sharing.ts says what a desktop sends), so every part is checked for its type here
 * and anything unexpected is kept as plain data for the page to show as text, never dropped
 * silently and never trusted.
 */

export interface FindingView {
  title: string;
  severity: Severity | null;
  /** The severity as sent, when it is not one Fieldbook knows. */
  severityText: string | null;
  outcome: Outcome | null;
  outcomeText: string | null;
  setAsideReason: string | null;
  setAsideUntil: string | null;
  pack: string | null;
}

export interface FileView {
  name: string;
  format: string | null;
  facts: string[];
}

export interface SharedView {
  /** The entry's name, or null when the payload has none. */
  name: string | null;
  /** The shared fields as [key, value], known fields first in the form's order, then any others. */
  fields: [string, unknown][];
  /** Null when the owner kept the guideline results private. */
  findings: FindingView[] | null;
  /** Findings in the payload that were not objects. */
  unreadableFindings: number;
  /** Null when the owner kept the files' facts private. */
  files: FileView[] | null;
  /** The guideline question each shared answer replies to, by answer key (as the device sent it). */
  answerQuestions: ReadonlyMap<string, string>;
  criticality: string | null;
  sensitivity: string | null;
  notMet: number;
  needsInfo: number;
  setAside: number;
}

// Keys of the share envelope around the fields (SharedEntryPayload).
const ENVELOPE_KEYS = new Set(['format', 'entryId', 'entryRevision', 'updatedAt', 'fields', 'findings', 'files', 'answerQuestions']);
/** More questions than any set of packs asks, and longer than any question: beyond that it is not a label. */
const MAX_QUESTIONS = 500;
const MAX_QUESTION_CHARS = 1_000;
const FIELD_ORDER = new Map<string, number>(ENTRY_FIELD_NAMES.map((name, index) => [name, index]));

/** Shared answers keyed by the guideline's question instead of the answer key, where the device sent the question. */
export function answersByQuestion(answers: unknown, questions: ReadonlyMap<string, string>): unknown {
  if (!isPlainObject(answers)) return answers;
  return Object.fromEntries(Object.entries(answers).map(([key, answer]) => [questions.get(key) ?? key, answer]));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function oneOf<T extends string>(list: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : null;
}

export function readSharedPayload(payload: Record<string, unknown> | null): SharedView {
  const source = payload ?? {};
  // A payload in the share format keeps its fields under `fields`; anything else is taken as the fields themselves.
  const fieldSource = isPlainObject(source.fields) ? source.fields : Object.fromEntries(Object.entries(source).filter(([key]) => !ENVELOPE_KEYS.has(key)));
  const fields = Object.entries(fieldSource).sort(([a], [b]) => (FIELD_ORDER.get(a) ?? Infinity) - (FIELD_ORDER.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));

  let findings: FindingView[] | null = null;
  let unreadableFindings = 0;
  if (source.findings !== undefined && source.findings !== null) {
    findings = [];
    for (const item of Array.isArray(source.findings) ? source.findings : [source.findings]) {
      if (!isPlainObject(item)) {
        unreadableFindings++;
        continue;
      }
      const packId = text(item.packId);
      const packVersion = text(item.packVersion);
      findings.push({
        title: text(item.title) ?? text(item.ruleId) ?? 'A guideline without a title',
        severity: oneOf(SEVERITIES, item.severity),
        severityText: text(item.severity),
        outcome: oneOf(OUTCOMES, item.outcome),
        outcomeText: text(item.outcome),
        setAsideReason: text(item.setAsideReason),
        setAsideUntil: text(item.setAsideUntil),
        pack: packId === null ? null : packVersion === null ? packId : `${packId} ${packVersion}`,
      });
    }
  }

  let files: FileView[] | null = null;
  if (source.files !== undefined && source.files !== null) {
    files = (Array.isArray(source.files) ? source.files : [source.files]).map((item) =>
      isPlainObject(item)
        ? {
            name: text(item.name) ?? 'A file without a name',
            format: text(item.format),
            facts: (Array.isArray(item.facts) ? item.facts : [item.facts]).map(text).filter((fact): fact is string => fact !== null),
          }
        : { name: text(item) ?? 'A file that could not be read', format: null, facts: [] },
    );
  }

  const answerQuestions = new Map<string, string>();
  if (isPlainObject(source.answerQuestions)) {
    for (const [key, question] of Object.entries(source.answerQuestions).slice(0, MAX_QUESTIONS)) {
      if (typeof question === 'string' && question.trim() !== '' && question.length <= MAX_QUESTION_CHARS) answerQuestions.set(key, question);
    }
  }

  const count = (outcome: Outcome) => findings?.filter((finding) => finding.outcome === outcome).length ?? 0;
  return {
    name: text(fieldSource.name),
    fields,
    findings,
    unreadableFindings,
    files,
    answerQuestions,
    criticality: text(fieldSource.criticality),
    sensitivity: text(fieldSource.sensitivity),
    notMet: count('not-met'),
    needsInfo: count('needs-info'),
    setAside: count('set-aside'),
  };
}
