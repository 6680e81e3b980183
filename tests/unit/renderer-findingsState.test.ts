import { describe, expect, it } from 'vitest';
import { blankEntryFields } from '../../shared/entry';
import type { Finding, RuleInfo } from '../../shared/guidelines';
import {
  answerChanges,
  controlFor,
  countPhrases,
  countToLookAt,
  findingKey,
  groupFindings,
  initialViewState,
  isGroupOpen,
  localToday,
  outcomeSentence,
  REASON_REQUIRED,
  revealFinding,
  setAsideProblem,
  toggleFinding,
  toggleGroup,
  whoSetAside,
  type AnswerControl,
} from '../../renderer/features/findings/findingsState';

function finding(overrides: Partial<Finding> & Pick<Finding, 'ruleId'>): Finding {
  return {
    packId: 'fieldbook.baseline',
    packVersion: '1.0.0',
    title: overrides.ruleId,
    question: `${overrides.ruleId}?`,
    severity: 'recommended',
    category: 'Ownership',
    outcome: 'met',
    missingFields: [],
    missingFacts: [],
    setAside: null,
    setAsideExpired: false,
    error: null,
    ...overrides,
  };
}

function rule(overrides: Partial<RuleInfo> = {}): RuleInfo {
  return {
    id: 'saas-single-sign-on',
    title: 'People sign in with their company account',
    question: 'Do people sign in with their company account (single sign-on)?',
    severity: 'recommended',
    category: 'SaaS',
    why: 'w',
    how: ['h'],
    links: [],
    inputs: ['answers.singleSignOn'],
    appliesWhen: 'true',
    check: 'true',
    packId: 'fieldbook.baseline',
    packName: 'Fieldbook baseline',
    packVersion: '1.0.0',
    ...overrides,
  };
}

describe('findings on an entry, grouped', () => {
  const findings = [
    finding({ ruleId: 'met-a', outcome: 'met' }),
    finding({ ruleId: 'na', outcome: 'not-applicable' }),
    finding({ ruleId: 'file', outcome: 'needs-info', missingFacts: ['facts.vba'], missingFields: ['answers.autoRunDescribed'] }),
    finding({ ruleId: 'advice', outcome: 'not-met', severity: 'advice', title: 'A advice' }),
    finding({ ruleId: 'required', outcome: 'not-met', severity: 'required', title: 'Z required' }),
    finding({ ruleId: 'owner', outcome: 'needs-info', missingFields: ['owner'] }),
    finding({ ruleId: 'aside', outcome: 'set-aside', setAside: { reason: 'r', until: null, by: 'me', at: '2026-11-25T10:00:00.000Z' } }),
    finding({ ruleId: 'broken', outcome: 'error', error: 'boom' }),
  ];

  it('puts what to do first: not met yet, needs info, waiting for the file, could not be checked, set aside, met, does not apply', () => {
    expect(groupFindings(findings).map((group) => group.key)).toEqual([
      'not-met',
      'needs-info',
      'waiting-for-file',
      'error',
      'set-aside',
      'met',
      'not-applicable',
    ]);
  });

  it('within a group, the most important guideline comes first', () => {
    expect(groupFindings(findings)[0]!.findings.map((item) => item.ruleId)).toEqual(['required', 'advice']);
  });

  it('"needs info" that only reading the file can answer waits in its own group', () => {
    const groups = groupFindings(findings);
    expect(groups.find((group) => group.key === 'needs-info')!.findings.map((item) => item.ruleId)).toEqual(['owner']);
    expect(groups.find((group) => group.key === 'waiting-for-file')!.findings.map((item) => item.ruleId)).toEqual(['file']);
  });

  it('an expired set-aside is back in its outcome group', () => {
    const expired = finding({
      ruleId: 'expired',
      outcome: 'not-met',
      setAsideExpired: true,
      setAside: { reason: 'r', until: '2020-01-01', by: 'Maria', at: '2019-12-01T10:00:00.000Z' },
    });
    expect(groupFindings([expired])[0]!.key).toBe('not-met');
  });

  it('counts only what she can act on now for the tab', () => {
    expect(countToLookAt(findings)).toBe(3);
  });

  it('says the counts in plain words, singular and plural', () => {
    const phrases = countPhrases(groupFindings([...findings, finding({ ruleId: 'owner2', outcome: 'needs-info', missingFields: ['team'] })]));
    expect(phrases.map((phrase) => phrase.text)).toEqual([
      '2 not met yet',
      '2 need info',
      '1 waits for the file',
      '1 could not be checked',
      '1 set aside',
      '1 met',
      '1 does not apply',
    ]);
  });

  it('an empty list has no groups', () => {
    expect(groupFindings([])).toEqual([]);
  });
});

describe('what is open on screen', () => {
  it('met, does not apply and waiting for the file start folded; the rest start open', () => {
    const state = initialViewState();
    expect(isGroupOpen(state, 'not-met')).toBe(true);
    expect(isGroupOpen(state, 'needs-info')).toBe(true);
    expect(isGroupOpen(state, 'met')).toBe(false);
    expect(isGroupOpen(state, 'not-applicable')).toBe(false);
    expect(isGroupOpen(state, 'waiting-for-file')).toBe(false);
    expect(isGroupOpen(toggleGroup(state, 'met'), 'met')).toBe(true);
    expect(isGroupOpen(toggleGroup(state, 'not-met'), 'not-met')).toBe(false);
  });

  it('a finding opens and closes', () => {
    const opened = toggleFinding(initialViewState(), 'p/r');
    expect(opened.expanded['p/r']).toBe(true);
    expect(toggleFinding(opened, 'p/r').expanded['p/r']).toBe(false);
  });

  it('after she acts on a finding, it stays open and its new group unfolds so she sees where it went', () => {
    const met = finding({ ruleId: 'r', outcome: 'met' });
    const state = revealFinding(initialViewState(), [met], findingKey(met));
    expect(state.expanded[findingKey(met)]).toBe(true);
    expect(isGroupOpen(state, 'met')).toBe(true);
  });

  it('revealing a finding that is no longer there changes nothing', () => {
    const state = initialViewState();
    expect(revealFinding(state, [], 'p/gone')).toBe(state);
  });
});

describe('asking a "needs info" question', () => {
  it('offers the levels for criticality, checkboxes for data categories, a date, a number and text', () => {
    expect(controlFor('criticality', undefined, 'q')).toMatchObject({ kind: 'select', field: 'criticality', label: 'Criticality' });
    expect((controlFor('criticality', undefined, 'q') as { options: { label: string }[] }).options.map((option) => option.label)).toEqual([
      'Low',
      'Medium',
      'High',
      'Critical',
    ]);
    expect(controlFor('sensitivity', undefined, 'q')).toMatchObject({ kind: 'select' });
    expect(controlFor('dataCategories', undefined, 'q')).toMatchObject({ kind: 'checkboxes', label: 'Data it handles' });
    expect(controlFor('lastReviewed', undefined, 'q')).toMatchObject({ kind: 'date' });
    expect(controlFor('userCount', undefined, 'q')).toMatchObject({ kind: 'number' });
    expect(controlFor('owner', undefined, 'q')).toMatchObject({ kind: 'text', multiline: false, label: 'Owner' });
    expect(controlFor('purpose', undefined, 'q')).toMatchObject({ kind: 'text', multiline: true });
    expect(controlFor('locations', undefined, 'q')).toMatchObject({ kind: 'list-item' });
  });

  it('an answer with choices is asked with the rule’s question and its choices; without choices, as text', () => {
    expect(controlFor('answers.singleSignOn', rule({ choices: ['yes', 'no'] }), 'q')).toEqual({
      kind: 'choice',
      input: 'answers.singleSignOn',
      answer: 'singleSignOn',
      label: 'Do people sign in with their company account (single sign-on)?',
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ],
    });
    expect(controlFor('answers.contractOwner', rule({ question: 'Who holds the contract?' }), 'q')).toMatchObject({
      kind: 'answer-text',
      answer: 'contractOwner',
      label: 'Who holds the contract?',
    });
    // Before the rules have arrived, the finding's own question is asked.
    expect(controlFor('answers.contractOwner', undefined, 'Who pays?')).toMatchObject({ kind: 'answer-text', label: 'Who pays?' });
  });

  it('an input the window cannot ask for gets no control', () => {
    expect(controlFor('notAField', undefined, 'q')).toBeNull();
    expect(controlFor('dependsOn', undefined, 'q')).toBeNull();
  });

  const current = { ...blankEntryFields(), name: 'Survey tool', answers: { dataLocation: 'EU' }, locations: ['\\\\share\\a'] };
  const controls = ['criticality', 'answers.singleSignOn', 'userCount', 'locations', 'dataCategories']
    .map((input) => controlFor(input, rule({ choices: ['yes', 'no'] }), 'q'))
    .filter((control): control is AnswerControl => control !== null);

  it('an answer is added to the answers the entry already has', () => {
    expect(answerChanges(current, controls, { 'answers.singleSignOn': 'yes' })).toEqual({
      changes: { answers: { dataLocation: 'EU', singleSignOn: 'yes' } },
      problem: null,
    });
  });

  it('entry fields are saved as the form would save them', () => {
    const result = answerChanges(current, controls, {
      criticality: 'high',
      userCount: ' 1,200 ',
      locations: 'https://survey.example.com',
      dataCategories: ['personal', 'customer'],
    });
    expect(result).toEqual({
      changes: {
        criticality: 'high',
        userCount: 1200,
        locations: ['\\\\share\\a', 'https://survey.example.com'],
        dataCategories: ['personal', 'customer'],
      },
      problem: null,
    });
  });

  it('what she left empty is not saved; nothing at all asks for an answer first', () => {
    expect(answerChanges(current, controls, { criticality: 'low', userCount: '  ' }).changes).toEqual({ criticality: 'low' });
    expect(answerChanges(current, controls, {})).toEqual({ changes: {}, problem: 'Choose or type an answer first.' });
    expect(answerChanges(current, controls, { dataCategories: [] }).problem).toBe('Choose or type an answer first.');
  });

  it('a number that is not a whole number is explained, and nothing is saved', () => {
    expect(answerChanges(current, controls, { criticality: 'low', userCount: 'about ten' })).toEqual({
      changes: {},
      problem: 'Number of users: enter a whole number, like 12.',
    });
  });

  it('after saving, says where the guideline stands now', () => {
    expect(outcomeSentence('Owner named', finding({ ruleId: 'o', outcome: 'met' }))).toBe('“Owner named” is met now.');
    expect(outcomeSentence('Owner named', finding({ ruleId: 'o', outcome: 'not-met' }))).toMatch(/^“Owner named” is not met yet\./);
    expect(outcomeSentence('Owner named', finding({ ruleId: 'o', outcome: 'needs-info', missingFacts: ['facts.vba'] }))).toMatch(
      /waits for that/,
    );
    expect(outcomeSentence('Owner named', undefined)).toBe('“Owner named” no longer applies to this entry.');
  });
});

describe('setting a guideline aside', () => {
  it('needs a reason', () => {
    expect(setAsideProblem('   ', null, '2026-11-25')).toEqual({ reason: REASON_REQUIRED });
    expect(setAsideProblem('Stands alone.', null, '2026-11-25')).toBeNull();
  });

  it('a look-again date has to be today or later', () => {
    expect(setAsideProblem('Stands alone.', '2026-11-24', '2026-11-25')).toEqual({ until: 'Pick today or a later date to look again.' });
    expect(setAsideProblem('Stands alone.', '2026-11-25', '2026-11-25')).toBeNull();
  });

  it('today is the local calendar date', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('a set-aside without a profile name was made by "you"', () => {
    expect(whoSetAside('me')).toBe('you');
    expect(whoSetAside('')).toBe('you');
    expect(whoSetAside('Maria Keller')).toBe('Maria Keller');
  });
});
