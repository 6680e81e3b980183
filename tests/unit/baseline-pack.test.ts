import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntryFields, blankEntryFields, type Entry } from '../../shared/entry';
import { OUTCOMES } from '../../shared/guidelines';
import { entryView } from '../../main/core/guidelines/celEnvironment';
import { compilePack, formatProblems } from '../../main/core/guidelines/compilePack';
import { evaluateRule } from '../../main/core/guidelines/evaluateRule';
import { noFacts, type RuleFacts } from '../../main/core/guidelines/facts';

const text = readFileSync(join(import.meta.dirname, '..', '..', 'packs', 'baseline.yaml'), 'utf8');
const result = compilePack(text, () => new Date('2026-11-25T12:00:00Z'));
if (!result.ok) throw new Error(`The baseline pack does not compile:\n${formatProblems(result.problems)}`);
const { pack, rules } = result.compiled;

/** A sample entry: a complete, well-kept tool, changed by the example's fields. */
function sampleEntry(changes: Record<string, unknown>): { entry: Entry; facts: RuleFacts } {
  const { facts: factChanges, ...fieldChanges } = changes as { facts?: Partial<RuleFacts> };
  const fields = EntryFields.parse({
    ...blankEntryFields(),
    name: 'Sample tool',
    purpose: 'Prices customer quotes',
    businessProcess: 'Sales quoting',
    owner: 'Anna Berg',
    team: 'Finance',
    users: 'Sales team',
    userCount: 12,
    frequency: 'daily',
    locations: ['\\\\fin-share\\Tools\\Pricing.xlsm'],
    dataCategories: ['financial'],
    sensitivity: 'internal',
    criticality: 'medium',
    criticalityImpact: 'Quotes would be late.',
    lifecycle: 'in-use',
    backup: 'Team share, backed up nightly by IT',
    changeProcess: 'Tested on a copy first',
    lastReviewed: '2026-06-01',
    ...fieldChanges,
  });
  const entry: Entry = { ...fields, id: '00000000-0000-4000-8000-000000000000', revision: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
  return { entry, facts: { ...noFacts(), ...(factChanges ? { inspected: true, ...factChanges } : {}) } };
}

function outcomeOf(ruleId: string, changes: Record<string, unknown>) {
  const compiled = rules.find((rule) => rule.rule.id === ruleId)!;
  const { entry, facts } = sampleEntry(changes);
  const code = evaluateRule(pack, compiled, { entry, variables: { entry: entryView(entry), facts }, facts, setAsides: new Map(), today: '2026-11-25' }, { detail: null });
  return OUTCOMES[code];
}

describe('the baseline pack', () => {
  it('has at least 30 rules, each with a real why and how', () => {
    expect(pack.rules.length).toBeGreaterThanOrEqual(30);
    for (const rule of pack.rules) {
      expect(rule.why.length, rule.id).toBeGreaterThan(80);
      expect(rule.how.length, rule.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('speaks like a helpful colleague, never like an accusation', () => {
    expect(text).not.toMatch(/violation|non-compliant|offender|forbidden|must not/i);
  });

  it('gives every rule an example that meets it and one that does not', () => {
    for (const rule of pack.rules) {
      expect(rule.examples?.meets, `${rule.id} needs examples.meets`).toBeDefined();
      expect(rule.examples?.notMet, `${rule.id} needs examples.notMet`).toBeDefined();
    }
  });

  for (const { rule } of rules) {
    it(`${rule.id}: its "meets" example is met and its "not met" example is not met yet`, () => {
      expect(outcomeOf(rule.id, rule.examples?.meets ?? {})).toBe('met');
      expect(outcomeOf(rule.id, rule.examples?.notMet ?? {})).toBe('not-met');
    });
  }
});
