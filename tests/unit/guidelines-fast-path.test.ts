import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CRITICALITY_LEVELS,
  DATA_CATEGORIES,
  ENTRY_KINDS,
  LIFECYCLE_STAGES,
  SENSITIVITY_LEVELS,
  USAGE_FREQUENCIES,
  type Entry,
} from '../../shared/entry';
import type { SetAside } from '../../shared/guidelines';
import { randomSource as seededSource } from '../../main/core/demo';
import { createCheckingEnvironment, createEvaluationEnvironment, entryView } from '../../main/core/guidelines/celEnvironment';
import { compileCelToJs, type Evaluate } from '../../main/core/guidelines/celToJs';
import { compilePack, formatProblems, type CompiledPack } from '../../main/core/guidelines/compilePack';
import { evaluateRule, type RuleDetail } from '../../main/core/guidelines/evaluateRule';
import { noFacts, type RuleFacts } from '../../main/core/guidelines/facts';

// The fast path (one generated JS function per expression, celToJs.ts) must give exactly what the
// CEL interpreter gives.
// The interpreter is the reference throughout; nothing here is a hard-coded answer.

const NOW = new Date('2026-11-25T12:00:00Z');
const now = () => NOW;
const baselineText = readFileSync(join(import.meta.dirname, '..', '..', 'packs', 'baseline.yaml'), 'utf8');

function compiled(fastPath: boolean): CompiledPack {
  const result = compilePack(baselineText, now, { fastPath });
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result.compiled;
}
const fast = compiled(true);
const straightforward = compiled(false);

/** The demo's seeded generator, so a failure can be reproduced, with two more ways to draw. */
function randomSource(seed: number) {
  const { next, pick } = seededSource(seed);
  const some = <T>(items: readonly T[], max = 3): T[] => Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(items));
  const maybe = <T>(value: T, chance = 0.5): T | null => (next() < chance ? value : null);
  return { next, pick, some, maybe };
}

// Text chosen to hit the rules' edges: empty, blanks, "n/a"-like answers, case, non-ASCII, emoji, surrogates.
const TEXTS = [
  '', ' ', 'a', 'ab', 'Anna Berg', '  N/A ', 'none', 'TBD', 'misc', 'Various', 'Sales quoting', 'Prices customer quotes',
  'Ünïcödé Ärger', 'İstanbul', 'ΣΊΣΥΦΟΣ', '😀😀', '\ud83d', 'x\u00a0', '\u2003trim me\u2003', "Don't know", 'no backup', 'Edit live',
];
const LOCATIONS = [
  'C:\\Users\\anna\\Desktop\\Pricing.xlsm', '\\\\fin-share\\Tools\\Pricing.xlsm', '/home/anna/tools/merge.py', '~/Downloads/x.xlsx',
  'https://acme-my.sharepoint.com/personal/anna/x.xlsx', 'OneDrive - Personal\\x.xlsx', 'OneDrive - ACME\\Desktop\\x.xlsx',
  'USB stick', 'https://returns.example.com', 'Google Drive/Team', 'DESKTOP\\X', '',
];
const ANSWER_KEYS = [
  'runInstructions', 'backupCanOpen', 'autoRunDescribed', 'emailMacroDescribed', 'externalActionsDescribed', 'hiddenSheetsDescribed',
  'versionControl', 'contractOwner', 'dataLocation', 'privacyChecked', 'singleSignOn', 'canExport', 'retiredData', 'replacementPlan',
];
const ANSWERS = ['yes', 'Yes', 'YES', 'no', 'yes ', '', 'outside EU', 'Outside eu', 'inside EU', 'archived', 'Deleted', 'unknown', 'Anna', '?', "don't know"];
const DATES = ['2026-06-01', '2025-11-24', '2025-11-23', '2020-01-01', '2026-11-25', '2027-01-01'];

function randomEntry(random: ReturnType<typeof randomSource>, index: number): Entry {
  const answers: Record<string, string> = {};
  for (const key of random.some(ANSWER_KEYS, 6)) answers[key] = random.pick(ANSWERS);
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    revision: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    name: random.pick(['Pricing', 'pricing tool', 'Sales quoting', 'Ünïcödé Ärger']),
    kind: random.pick(ENTRY_KINDS),
    purpose: random.pick(TEXTS),
    businessProcess: random.pick(TEXTS),
    owner: random.pick(TEXTS),
    backupOwners: random.some(['Ben', 'Cleo', ''], 2),
    team: random.pick(TEXTS),
    users: random.pick(TEXTS),
    userCount: random.maybe(random.pick([0, 1, 2, 20, 21, 500]), 0.8),
    frequency: random.maybe(random.pick(USAGE_FREQUENCIES), 0.7),
    locations: random.some(LOCATIONS, 3),
    files: random.some(['Pricing.xlsm', 'merge.py'], 2),
    dataCategories: [...new Set(random.some(DATA_CATEGORIES, 3))],
    sensitivity: random.maybe(random.pick(SENSITIVITY_LEVELS), 0.7),
    criticality: random.maybe(random.pick(CRITICALITY_LEVELS), 0.8),
    criticalityImpact: random.pick(TEXTS),
    dependsOn: random.some([{ type: 'system' as const, name: 'SAP' }], 2),
    feeds: random.some([{ type: 'system' as const, name: 'Data warehouse' }], 1),
    lifecycle: random.pick(LIFECYCLE_STAGES),
    backup: random.pick(TEXTS),
    changeProcess: random.pick(TEXTS),
    lastReviewed: random.maybe(random.pick(DATES), 0.8),
    notes: '',
    tags: [],
    answers,
  };
}

function randomFacts(random: ReturnType<typeof randomSource>): RuleFacts {
  if (random.next() < 0.3) return noFacts();
  return {
    inspected: true,
    encrypted: random.next() < 0.2,
    vba: {
      present: random.next() < 0.5,
      autoRun: random.some(['Workbook_Open', 'Auto_Open'], 2),
      behaviours: random.some(['sends-email', 'runs-programs', 'reaches-web', 'changes-other-workbooks', 'connects-to-databases'], 3),
    },
    xlmMacroSheets: random.next() < 0.2,
    sheets: random.some([
      { name: 'Prices', state: 'visible', kind: 'worksheet' },
      { name: 'Lookup', state: 'hidden', kind: 'worksheet' },
      { name: 'Keys', state: 'veryHidden', kind: 'worksheet' },
    ]),
    externalLinks: random.some(['C:\\Users\\anna\\Desktop\\rates.xlsx', '\\\\fin-share\\rates.xlsx', 'https://acme-my.sharepoint.com/personal/x.xlsx'], 2),
    connections: random.some([
      { kind: 'odbc', target: 'sql01/sales', hasSavedPassword: true },
      { kind: 'oledb', target: 'sql02/returns', hasSavedPassword: false },
    ]),
    linkedTables: random.some(['\\\\share\\returns.accdb'], 1),
    personalData: random.some(['email', 'iban', 'card', 'phone'], 2),
    secrets: random.some(['password', 'api-key'], 1),
    sensitivityLabels: random.some(['Public', 'General', 'Confidential', 'Highly Confidential', 'Personal'], 2),
  };
}

type Outcome = { value: unknown } | { error: string };
function run(evaluate: Evaluate, variables: Record<string, unknown>): Outcome {
  try {
    return { value: evaluate(variables) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const evaluation = createEvaluationEnvironment(now);

/**
 * The generated function alone either gives the interpreter's value or throws (gives way); with the
 * fallback it gives exactly the interpreter's value or its error. Returns how often it gave way.
 */
function expectSameAsInterpreter(source: string, variableSets: Record<string, unknown>[]): number {
  const interpreter = evaluation.parse(source) as unknown as Evaluate;
  const alone = compileCelToJs(evaluation.parse(source).ast, now);
  expect(alone, `the fast path covers ${source}`).not.toBeNull();
  const combined = compileCelToJs(evaluation.parse(source).ast, now, interpreter)!;
  let gaveWay = 0;
  for (const variables of variableSets) {
    const reference = run(interpreter, variables);
    const byItself = run(alone!, variables);
    if ('error' in byItself) gaveWay++;
    else expect(byItself, `${source} on ${JSON.stringify(variables)}`).toEqual(reference);
    expect(run(combined, variables), `${source} on ${JSON.stringify(variables)}`).toEqual(reference);
  }
  return gaveWay;
}

const random = randomSource(20261125);
const samples = Array.from({ length: 400 }, (_, index) => ({ entry: randomEntry(random, index), facts: randomFacts(random) }));
const sampleVariables = samples.map(({ entry, facts }) => ({ entry: entryView(entry, {}), facts }));

describe('the fast path of guideline checks', () => {
  it('covers every expression of the baseline pack, so a full check does not need the interpreter', () => {
    for (const { rule } of fast.rules) {
      for (const source of [rule.appliesWhen, rule.check]) {
        expect(compileCelToJs(evaluation.parse(source).ast, now), `${rule.id}: ${source}`).not.toBeNull();
      }
    }
  });

  it('gives the interpreter’s value for every baseline expression, on each rule’s examples and 400 varied entries', () => {
    const examples = fast.pack.rules.flatMap((rule) =>
      [rule.examples?.meets, rule.examples?.notMet]
        .filter((example): example is Record<string, unknown> => example !== undefined)
        .map((example) => {
          const { facts, ...fields } = example as { facts?: Partial<RuleFacts> };
          const entry = { ...samples[0]!.entry, ...fields } as Entry;
          return { entry: entryView(entry, {}), facts: { ...noFacts(), ...(facts ? { inspected: true, ...facts } : {}) } };
        }),
    );
    let evaluations = 0;
    let gaveWay = 0;
    for (const { rule } of fast.rules) {
      for (const source of [rule.appliesWhen, rule.check]) {
        gaveWay += expectSameAsInterpreter(source, [...examples, ...sampleVariables]);
        evaluations += examples.length + sampleVariables.length;
      }
    }
    // The fast path answers most evaluations itself (it gives way on answers not given yet).
    expect(gaveWay / evaluations).toBeLessThan(0.2);
  });

  it('matches the interpreter on CEL’s corners: code points, lower-casing beyond ASCII, errors inside && and ||, shadowed variables', () => {
    const corners = [
      'entry.owner.size() > 1',
      'size(entry.purpose) >= 3 && size(entry.locations) > 0',
      'entry.purpose.lowerAscii() == entry.name.lowerAscii()',
      'entry.owner.lowerAscii() in ["ünïcödé ärger", "anna berg"]',
      'entry.purpose.trim() < entry.owner',
      'entry.answers.singleSignOn == "yes" || entry.lifecycle == "retired"',
      'entry.lifecycle == "retired" && entry.answers.singleSignOn == "yes"',
      'entry.answers["contractOwner"].startsWith("A") || entry.answers.size() == 0',
      '"dataLocation" in entry.answers && !("constructor" in entry.answers)',
      'entry.locations.exists(entry, entry.contains("Desktop")) && entry.locations.all(l, l.endsWith("x"))',
      'entry.locations.map(l, l.lowerAscii()).filter(l, l.contains("onedrive")).size() >= 1',
      'entry.dataCategories.exists_one(c, c in ["personal", "customer"])',
      'facts.sheets.exists(s, s.state in ["hidden", "veryHidden"]) == facts.connections.all(c, c.hasSavedPassword)',
      '(facts.inspected ? facts.vba.autoRun.size() : entry.files.size()) > 0',
      'daysSince(entry.lastReviewed) <= 366.0 && entry.userCount >= 1.0 && entry.userCount < 21',
      'entry.kind in kinds && !(entry.frequency in ["daily", "weekly"])',
    ];
    const checking = createCheckingEnvironment();
    for (const source of corners) expect(checking.check(source), source).toMatchObject({ valid: true, type: 'bool' });
    for (const source of corners) expectSameAsInterpreter(source, sampleVariables);
  });

  it('gives way to the interpreter on values that are not what the model says (the interpreter then decides)', () => {
    const odd: Record<string, unknown>[] = [
      { entry: { ...sampleVariables[0]!.entry, userCount: '12' }, facts: noFacts() },
      { entry: { ...sampleVariables[1]!.entry, answers: { singleSignOn: 1, constructor: 'x' } }, facts: noFacts() },
      { entry: { ...sampleVariables[2]!.entry, locations: ['C:\\x', 7] }, facts: noFacts() },
      { entry: { ...sampleVariables[3]!.entry, owner: null }, facts: noFacts() },
      { entry: { ...sampleVariables[3]!.entry, owner: 12, locations: [7, 'C:\\x'] }, facts: noFacts() },
      { entry: { ...sampleVariables[4]!.entry, lifecycle: undefined }, facts: noFacts() },
      { entry: sampleVariables[5]!.entry, facts: { ...noFacts(), inspected: true, sheets: [{ name: 'a' }] } },
      { entry: new Map(), facts: noFacts() },
    ];
    for (const source of [
      'entry.userCount >= 1.0',
      'entry.answers.singleSignOn == "yes" || true',
      'entry.locations.exists(l, l.startsWith("C:"))',
      'entry.owner.size() > 1',
      'entry.owner != "Anna"',
      '"C:\\\\x" in entry.locations',
      'entry.locations.all(l, l != "Anna" && l < "zzz")',
      'entry.lifecycle != "retired"',
      'facts.sheets.exists(s, s.state == "hidden")',
    ]) {
      expectSameAsInterpreter(source, odd);
    }
  });

  it('a full check on the fast path gives the same findings as the straightforward path, on varied entries', () => {
    const setAside: SetAside = { reason: 'Not ours', until: null, by: 'me', at: '2026-11-01T00:00:00.000Z' };
    const expired: SetAside = { ...setAside, until: '2026-01-01' };
    const outcomes = (pack: CompiledPack) =>
      samples.map(({ entry, facts }, index) => {
        const setAsides = new Map<string, SetAside>();
        if (index % 7 === 0) setAsides.set(`${pack.pack.id}/${pack.rules[index % pack.rules.length]!.rule.id}`, setAside);
        if (index % 11 === 0) setAsides.set(`${pack.pack.id}/${pack.rules[(index * 3) % pack.rules.length]!.rule.id}`, expired);
        const context = { entry, variables: { entry: entryView(entry, {}), facts }, facts, setAsides, today: '2026-11-25' };
        const sink: { detail: RuleDetail | null } = { detail: null };
        return pack.rules.map((rule) => [evaluateRule(pack.pack, rule, context, sink), sink.detail] as const);
      });
    const onFastPath = outcomes(fast);
    const onStraightforwardPath = outcomes(straightforward);
    expect(onFastPath).toEqual(onStraightforwardPath);
    // The samples reach every outcome, so the comparison means something.
    const codes = new Set(onFastPath.flat().map(([code]) => code));
    expect(codes.size).toBeGreaterThanOrEqual(5);
  });
});
