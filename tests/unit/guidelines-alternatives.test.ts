import { describe, expect, it } from 'vitest';
import type { RuleInfo } from '../../shared/guidelines';
import { alternativesNote } from '../../renderer/features/findings/findingsState';
import { compilePack, formatProblems } from '../../main/core/guidelines/compilePack';
import { openFieldbook } from '../../main/core/fieldbook';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();

const PACK = `fieldbookPack: 1
id: test.alternatives
name: Alternatives
version: 1.0.0
publisher: IT
date: 2026-11-01
rules:
  - id: dependencies
    title: What the tool depends on is known
    question: Does it stand on its own, without exports, files or databases it reads from?
    severity: recommended
    category: Continuity
    why: When the dependencies are listed, the people changing those systems can warn you first.
    how: [List what it depends on, or say that it stands alone]
    inputs: [criticality]
    alternativeInputs:
      - [dependsOn, answers.standsAlone]
    choices: ["yes", "no"]
    check: >-
      entry.dependsOn.size() > 0 ||
      ("standsAlone" in entry.answers && entry.answers.standsAlone == "yes")
  - id: macros
    title: Macros are described
    question: Is what its macros do written down?
    severity: advice
    category: Macros
    why: Someone taking over needs to know what runs when the file opens.
    how: [Describe the macros in the notes]
    alternativeInputs:
      - [facts.vba, answers.macrosDescribed]
    check: '"macrosDescribed" in entry.answers ? entry.answers.macrosDescribed == "yes" : !facts.vba.present'
`;

function book() {
  const fieldbook = openFieldbook({ dataDir: tempDir(), baselinePack: PACK });
  const finding = (id: string, ruleId: string) => fieldbook.guidelines.findings(id).find((candidate) => candidate.ruleId === ruleId)!;
  return { fieldbook, finding };
}

describe('rules that need any one of several inputs', () => {
  it('ask while none of the alternatives is given, listing all of them, beside the inputs every check needs', () => {
    const { fieldbook, finding } = book();
    const entry = fieldbook.createEntry({ name: 'Pricing', kind: 'spreadsheet' });
    expect(finding(entry.id, 'dependencies')).toMatchObject({
      outcome: 'needs-info',
      missingFields: ['criticality', 'dependsOn', 'answers.standsAlone'],
      missingFacts: [],
    });
    fieldbook.entries.update(entry.id, { criticality: 'high' });
    expect(finding(entry.id, 'dependencies')).toMatchObject({ outcome: 'needs-info', missingFields: ['dependsOn', 'answers.standsAlone'] });
    fieldbook.close();
  });

  it('check as soon as one alternative is given, whichever it is', () => {
    const { fieldbook, finding } = book();
    const listed = fieldbook.createEntry({ name: 'A', kind: 'spreadsheet', criticality: 'high', dependsOn: [{ type: 'system', name: 'SAP' }] });
    const alone = fieldbook.createEntry({ name: 'B', kind: 'spreadsheet', criticality: 'high', answers: { standsAlone: 'yes' } });
    const notAlone = fieldbook.createEntry({ name: 'C', kind: 'spreadsheet', criticality: 'high', answers: { standsAlone: 'no' } });
    expect(finding(listed.id, 'dependencies').outcome).toBe('met');
    expect(finding(alone.id, 'dependencies').outcome).toBe('met');
    expect(finding(notAlone.id, 'dependencies').outcome).toBe('not-met');
    fieldbook.close();
  });

  it('a file fact can be one of the alternatives: the answer is enough before the file is read', () => {
    const { fieldbook, finding } = book();
    const unread = fieldbook.createEntry({ name: 'A', kind: 'spreadsheet' });
    expect(finding(unread.id, 'macros')).toMatchObject({ outcome: 'needs-info', missingFields: ['answers.macrosDescribed'], missingFacts: ['facts.vba'] });
    const described = fieldbook.createEntry({ name: 'B', kind: 'spreadsheet', answers: { macrosDescribed: 'yes' } });
    expect(finding(described.id, 'macros')).toMatchObject({ outcome: 'met', missingFields: [], missingFacts: [] });
    fieldbook.close();
  });

  it('a pack with a bad group is refused, naming the rule and the group', () => {
    const unknown = compilePack(PACK.replace('[dependsOn, answers.standsAlone]', '[dependsOn, standsAlone]'));
    expect(unknown.ok).toBe(false);
    expect(formatProblems(!unknown.ok ? unknown.problems : [])).toContain(
      'rule dependencies, alternativeInputs.0: "standsAlone" is not an entry field, an answer (answers.name) or a file fact Fieldbook knows.',
    );
    const twice = compilePack(PACK.replace('[dependsOn, answers.standsAlone]', '[dependsOn, dependsOn]'));
    expect(formatProblems(!twice.ok ? twice.problems : [])).toContain('rule dependencies, alternativeInputs.0: A group names the same input twice.');
    const alone = compilePack(PACK.replace('[dependsOn, answers.standsAlone]', '[dependsOn]'));
    expect(formatProblems(!alone.ok ? alone.problems : [])).toContain('rule dependencies, alternativeInputs.0: A group needs at least two inputs; put a single one under inputs.');
  });

  it('on the entry, the question says that one answer is enough, and where else she can give it', () => {
    const rule = { alternativeInputs: [['dependsOn', 'answers.standsAlone']], question: 'Q?', choices: ['yes', 'no'] } as unknown as RuleInfo;
    expect(alternativesNote({ missingFields: ['dependsOn', 'answers.standsAlone'], missingFacts: [] }, rule)).toBe(
      'One answer is enough: give it here, or fill in “Depends on” on the Details tab.',
    );
    const askable = { alternativeInputs: [['owner', 'answers.ownerTeam']] } as unknown as RuleInfo;
    expect(alternativesNote({ missingFields: ['owner', 'answers.ownerTeam'], missingFacts: [] }, askable)).toBe('Any one of these answers is enough.');
    const fact = { alternativeInputs: [['facts.vba', 'answers.macrosDescribed']] } as unknown as RuleInfo;
    expect(alternativesNote({ missingFields: ['answers.macrosDescribed'], missingFacts: ['facts.vba'] }, fact)).toBe(
      'One answer is enough: give it here, or let Fieldbook read the tool’s file.',
    );
    // Only a missing required input: nothing to say about alternatives.
    expect(alternativesNote({ missingFields: ['criticality'], missingFacts: [] }, rule)).toBeNull();
  });
});
