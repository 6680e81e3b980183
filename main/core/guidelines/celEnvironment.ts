import { Environment } from '@marcbachmann/cel-js';
import { ENTRY_KINDS, type Entry } from '../../../shared/entry';
import type { RuleFacts } from './facts';

/** The entry as rules see it: no nulls (empty strings instead), numbers as doubles. */
export interface EntryView {
  name: string;
  kind: string;
  purpose: string;
  businessProcess: string;
  owner: string;
  backupOwners: string[];
  team: string;
  users: string;
  userCount: number;
  frequency: string;
  locations: string[];
  files: string[];
  dataCategories: string[];
  sensitivity: string;
  criticality: string;
  criticalityImpact: string;
  dependsOn: string[];
  feeds: string[];
  lifecycle: string;
  backup: string;
  changeProcess: string;
  lastReviewed: string;
  notes: string;
  tags: string[];
  answers: Record<string, string>;
}

export const ENTRY_SCHEMA: Record<keyof EntryView, string> = {
  name: 'string',
  kind: 'string',
  purpose: 'string',
  businessProcess: 'string',
  owner: 'string',
  backupOwners: 'list<string>',
  team: 'string',
  users: 'string',
  userCount: 'double',
  frequency: 'string',
  locations: 'list<string>',
  files: 'list<string>',
  dataCategories: 'list<string>',
  sensitivity: 'string',
  criticality: 'string',
  criticalityImpact: 'string',
  dependsOn: 'list<string>',
  feeds: 'list<string>',
  lifecycle: 'string',
  backup: 'string',
  changeProcess: 'string',
  lastReviewed: 'string',
  notes: 'string',
  tags: 'list<string>',
  answers: 'map<string, string>',
};

export const FACTS_SCHEMA = {
  inspected: 'bool',
  encrypted: 'bool',
  vba: { present: 'bool', autoRun: 'list<string>', behaviours: 'list<string>' },
  xlmMacroSheets: 'bool',
  sheets: 'list<Sheet>',
  externalLinks: 'list<string>',
  connections: 'list<Connection>',
  linkedTables: 'list<string>',
  personalData: 'list<string>',
  secrets: 'list<string>',
  sensitivityLabels: 'list<string>',
};

export const ENTRY_INPUTS = (Object.keys(ENTRY_SCHEMA) as (keyof EntryView)[]).filter((name) => name !== 'answers');
export const ANSWER_INPUT = /^answers\.[A-Za-z][A-Za-z0-9_]{0,79}$/;
export const FACT_INPUTS = Object.keys(FACTS_SCHEMA).map((name) => `facts.${name}`);

const LIMITS = { maxAstNodes: 400, maxDepth: 40, maxListElements: 200, maxMapEntries: 50, maxCallArguments: 8 };

/** The object types facts use, by the name the schemas above give them. */
export const OBJECT_TYPES: Record<string, Record<string, string>> = {
  Sheet: { name: 'string', state: 'string', kind: 'string' },
  Connection: { kind: 'string', target: 'string', hasSavedPassword: 'bool' },
};

/** `daysSince(date)`: days from a date to now; an unreadable date counts as very long ago. */
export function daysSinceFunction(now: () => Date): (date: string) => number {
  return (date: string) => {
    const time = Date.parse(date);
    return Number.isNaN(time) ? 1e9 : (now().getTime() - time) / 86_400_000;
  };
}

function withFunctions(env: Environment, now: () => Date): Environment {
  return env.registerFunction('daysSince(string): double', daysSinceFunction(now));
}

/** Type-checks expressions against the entry and facts model, with positions in errors. */
export function createCheckingEnvironment(): Environment {
  const env = new Environment({ limits: LIMITS })
    .registerType('Sheet', { fields: OBJECT_TYPES.Sheet! })
    .registerType('Connection', { fields: OBJECT_TYPES.Connection! })
    .registerVariable({ name: 'entry', schema: ENTRY_SCHEMA })
    .registerVariable({ name: 'facts', schema: FACTS_SCHEMA })
    .registerConstant('kinds', 'list<string>', [...ENTRY_KINDS]);
  return withFunctions(env, () => new Date());
}

/**
 * Evaluates already type-checked expressions on plain objects. Declared `dyn` because converting
 * every entry into typed CEL objects costs more than the checks themselves.
 */
export function createEvaluationEnvironment(now: () => Date): Environment {
  const env = new Environment({ limits: LIMITS })
    .registerVariable('entry', 'dyn')
    .registerVariable('facts', 'dyn')
    .registerConstant('kinds', 'list<string>', [...ENTRY_KINDS]);
  return withFunctions(env, now);
}

/** Hot path of a full check: plain loops, no closures. */
export function entryView(entry: Entry, linkedNames: Record<string, string> = {}): EntryView {
  return {
    name: entry.name,
    kind: entry.kind,
    purpose: entry.purpose,
    businessProcess: entry.businessProcess,
    owner: entry.owner,
    backupOwners: entry.backupOwners,
    team: entry.team,
    users: entry.users,
    userCount: entry.userCount ?? 0,
    frequency: entry.frequency ?? '',
    locations: entry.locations,
    files: entry.files,
    dataCategories: entry.dataCategories,
    sensitivity: entry.sensitivity ?? '',
    criticality: entry.criticality ?? '',
    criticalityImpact: entry.criticalityImpact,
    dependsOn: linkNames(entry.dependsOn, linkedNames),
    feeds: linkNames(entry.feeds, linkedNames),
    lifecycle: entry.lifecycle,
    backup: entry.backup,
    changeProcess: entry.changeProcess,
    lastReviewed: entry.lastReviewed ?? '',
    notes: entry.notes,
    tags: entry.tags,
    answers: entry.answers,
  };
}

function linkNames(links: Entry['dependsOn'], linkedNames: Record<string, string>): string[] {
  const names: string[] = new Array(links.length);
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    names[i] = link.type === 'system' ? link.name : (linkedNames[link.entryId] ?? link.entryId);
  }
  return names;
}

/**
 * Which of a rule's inputs are missing; null when none, so the common case allocates nothing.
 * An entry field is missing while it is empty and the empty value is not itself an answer
 * (no backup owners is an answer; no data categories is not). In a group of alternative inputs,
 * the group is missing while none of its inputs is given, and then all of them are listed; there,
 * an empty list is not an answer, because the other inputs of the group are how to say "none".
 */
const EMPTY_IS_AN_ANSWER = new Set<keyof EntryView>(['backupOwners', 'files', 'dependsOn', 'feeds', 'tags', 'notes']);

export interface MissingInputs {
  fields: string[];
  facts: string[];
}

function isGiven(input: string, entry: Entry, facts: RuleFacts, emptyCanBeAnAnswer: boolean): boolean {
  if (input.startsWith('facts.')) return facts.inspected;
  if (input.startsWith('answers.')) return (entry.answers[input.slice('answers.'.length)] ?? '') !== '';
  const value = entry[input as keyof Entry];
  const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0);
  return !empty || (emptyCanBeAnAnswer && EMPTY_IS_AN_ANSWER.has(input as keyof EntryView));
}

function addMissing(missing: MissingInputs | null, input: string): MissingInputs {
  const found = missing ?? { fields: [], facts: [] };
  (input.startsWith('facts.') ? found.facts : found.fields).push(input);
  return found;
}

export function missingInputs(
  inputs: readonly string[],
  alternatives: readonly (readonly string[])[],
  entry: Entry,
  facts: RuleFacts,
): MissingInputs | null {
  let missing: MissingInputs | null = null;
  for (const input of inputs) if (!isGiven(input, entry, facts, true)) missing = addMissing(missing, input);
  for (const group of alternatives) {
    if (group.some((input) => isGiven(input, entry, facts, false))) continue;
    for (const input of group) if (!missing?.fields.includes(input) && !missing?.facts.includes(input)) missing = addMissing(missing, input);
  }
  return missing;
}
