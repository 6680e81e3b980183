import { describe, expect, it } from 'vitest';
import type { PackSummary, RuleInfo } from '../../shared/guidelines';
import {
  filterRules,
  groupByCategory,
  importedSentence,
  importFormProblem,
  indexRules,
  MAX_PACK_BYTES,
  splitProblemMessage,
  trustLabel,
} from '../../renderer/features/guidelines/guidelinesState';

function rule(id: string, category: string, overrides: Partial<RuleInfo> = {}): RuleInfo {
  return {
    id,
    title: `Title ${id}`,
    question: `Question ${id}?`,
    severity: 'recommended',
    category,
    why: 'Because it helps.',
    how: ['Do the thing.'],
    links: [],
    inputs: [],
    appliesWhen: 'true',
    check: 'true',
    packId: 'fieldbook.baseline',
    packName: 'Fieldbook baseline',
    packVersion: '1.0.0',
    ...overrides,
  };
}

const pack: PackSummary = {
  id: 'acme.finance',
  name: 'ACME finance guidelines',
  version: '1.2.0',
  publisher: 'ACME IT',
  date: '2026-11-25',
  description: '',
  trust: 'signed',
  ruleCount: 2,
};

describe('packs in force', () => {
  it('says who stands behind each pack', () => {
    expect(trustLabel({ trust: 'built-in', publisher: 'Fieldbook' })).toBe('Built in');
    expect(trustLabel({ trust: 'signed', publisher: 'ACME IT' })).toBe('Signed by ACME IT');
    expect(trustLabel({ trust: 'unsigned-own', publisher: 'Me' })).toBe('Unsigned, my own');
  });

  it('an import says what now applies', () => {
    expect(importedSentence(pack)).toBe(
      'Imported “ACME finance guidelines” 1.2.0 (Signed by ACME IT). Its 2 guidelines now apply to your entries.',
    );
  });
});

describe('every guideline', () => {
  const rules = [
    rule('owner', 'Ownership', { title: 'The tool has a named owner' }),
    rule('macros', 'Macros', { why: 'A macro that sends email on its own can surprise customers.' }),
    rule('backup', 'Ownership', { how: ['Pick a colleague as backup owner.'], severity: 'important' }),
  ];

  it('is grouped by category, in the order the pack introduces them', () => {
    expect(groupByCategory(rules).map(({ category, rules: inCategory }) => [category, inCategory.map((item) => item.id)])).toEqual([
      ['Ownership', ['owner', 'backup']],
      ['Macros', ['macros']],
    ]);
  });

  it('search finds words anywhere in a guideline: title, why, how, severity', () => {
    expect(filterRules(rules, 'named OWNER').map((item) => item.id)).toEqual(['owner']);
    expect(filterRules(rules, 'email')).toHaveLength(1);
    expect(filterRules(rules, 'colleague backup').map((item) => item.id)).toEqual(['backup']);
    expect(filterRules(rules, 'important').map((item) => item.id)).toEqual(['backup']);
    expect(filterRules(rules, '   ')).toHaveLength(3);
    expect(filterRules(rules, 'nothing like this')).toEqual([]);
  });

  it('rules are found by the key findings use', () => {
    expect(indexRules(rules).get('fieldbook.baseline/macros')?.category).toBe('Macros');
  });
});

describe('importing a pack', () => {
  it('asks for the pack file first', () => {
    expect(importFormProblem({ packFile: null, signatureFile: null, unsignedOwn: false })).toBe('Choose the pack file (.yaml) first.');
  });

  it('refuses files too large to be a pack or a signature before reading them', () => {
    expect(importFormProblem({ packFile: { name: 'big.yaml', size: MAX_PACK_BYTES + 1 }, signatureFile: null, unsignedOwn: true })).toMatch(
      /larger than 1 MB/,
    );
    expect(
      importFormProblem({ packFile: { name: 'p.yaml', size: 100 }, signatureFile: { name: 'p.sig', size: 100_000 }, unsignedOwn: false }),
    ).toMatch(/too large to be a pack signature/);
    expect(importFormProblem({ packFile: { name: 'p.yaml', size: 100 }, signatureFile: { name: 'p.sig', size: 200 }, unsignedOwn: false })).toBeNull();
  });

  it('a refusal with problems by rule keeps its lines and positions for a block of their own', () => {
    const message =
      'The pack was not imported because it has problems:\n\nrule team-named, check: No such key: tem\n\n>    1 | entry.tem.size() > 1\n               ^';
    expect(splitProblemMessage(message)).toEqual({
      lead: 'The pack was not imported because it has problems:',
      details: 'rule team-named, check: No such key: tem\n\n>    1 | entry.tem.size() > 1\n               ^',
    });
    expect(splitProblemMessage('The pack was not imported. It is not signed.')).toEqual({
      lead: 'The pack was not imported. It is not signed.',
      details: '',
    });
  });
});
