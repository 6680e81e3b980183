import { describe, expect, it } from 'vitest';
import { compilePack, formatProblems } from '../../main/core/guidelines/compilePack';
import { generatePublisherKeys, signPack, verifyPack } from '../../main/core/guidelines/signing';
import { openFieldbook } from '../../main/core/fieldbook';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();

function packText(rules: string, header = ''): string {
  return `fieldbookPack: 1
id: test.pack
name: Test pack
version: 1.0.0
publisher: IT
date: 2026-11-01
${header}rules:
${rules}`;
}

const rule = (id: string, fields: Record<string, string>) =>
  `  - id: ${id}
    title: Rule ${id}
    question: Question for ${id}?
    severity: ${fields.severity ?? 'recommended'}
    category: Testing
    why: Because it matters for the team when things go wrong.
    how: [Do the thing]
${Object.entries(fields)
  .filter(([key]) => key !== 'severity')
  .map(([key, value]) => `    ${key}: ${value}`)
  .join('\n')}
`;

// A small pack whose rules cover every outcome.
const TEST_PACK = packText(
  rule('owner', { inputs: '[owner]', check: "'entry.owner != \"\"'" }) +
    rule('critical-backup', {
      severity: 'important',
      inputs: '[criticality]',
      appliesWhen: "'entry.criticality == \"\" || entry.criticality == \"critical\"'",
      check: "'entry.backupOwners.size() > 0'",
    }) +
    rule('saas-sso', { appliesWhen: "'entry.kind == \"saas\"'", inputs: '[answers.singleSignOn]', choices: '[yes, no]', check: "'entry.answers[\"singleSignOn\"] == \"yes\"'" }) +
    rule('macros', { inputs: '[facts.vba]', check: '"!facts.vba.present"' }) +
    rule('throws', { check: "'entry.answers[\"absent\"] == \"x\"'" }),
);

function bookWithTestPack() {
  const book = openFieldbook({ dataDir: tempDir(), baselinePack: TEST_PACK, clock: () => new Date('2026-11-25T10:00:00Z') });
  const byRule = (entryId: string) => Object.fromEntries(book.guidelines.findings(entryId).map((finding) => [finding.ruleId, finding]));
  return { book, byRule };
}

describe('checking an entry', () => {
  it('yields met, not met, needs info, not applicable and error, each explained', () => {
    const { book, byRule } = bookWithTestPack();
    const entry = book.createEntry({ name: 'Pricing', kind: 'spreadsheet', owner: 'Anna', criticality: 'critical' });
    const findings = byRule(entry.id);
    expect(findings.owner!.outcome).toBe('met');
    expect(findings['critical-backup']!.outcome).toBe('not-met');
    expect(findings['saas-sso']!.outcome).toBe('not-applicable');
    expect(findings.macros).toMatchObject({ outcome: 'needs-info', missingFacts: ['facts.vba'] });
    expect(findings.throws!.outcome).toBe('error');
    expect(findings.throws!.error).toMatch(/Rule throws.*test\.pack\/throws.*could not be checked/);
    book.close();
  });

  it('a rule whose input is missing asks its question instead of failing', () => {
    const { book, byRule } = bookWithTestPack();
    const entry = book.createEntry({ name: 'Survey tool', kind: 'saas', owner: '' });
    const findings = byRule(entry.id);
    expect(findings.owner).toMatchObject({ outcome: 'needs-info', question: 'Question for owner?', missingFields: ['owner'] });
    expect(findings['critical-backup']).toMatchObject({ outcome: 'needs-info', missingFields: ['criticality'] });
    expect(findings['saas-sso']).toMatchObject({ outcome: 'needs-info', missingFields: ['answers.singleSignOn'] });
    book.close();
  });

  it('answering the question fills in the entry and re-checks at once', () => {
    const { book, byRule } = bookWithTestPack();
    const entry = book.createEntry({ name: 'Survey tool', kind: 'saas' });
    expect(byRule(entry.id)['saas-sso']!.outcome).toBe('needs-info');
    book.entries.update(entry.id, { answers: { singleSignOn: 'no' } });
    expect(byRule(entry.id)['saas-sso']!.outcome).toBe('not-met');
    book.entries.update(entry.id, { answers: { singleSignOn: 'yes' } });
    expect(byRule(entry.id)['saas-sso']!.outcome).toBe('met');
    book.close();
  });

  it('findings are listed most important first', () => {
    const { book } = bookWithTestPack();
    const entry = book.createEntry({ name: 'Pricing', kind: 'spreadsheet', owner: 'Anna', criticality: 'critical' });
    expect(book.guidelines.findings(entry.id).map((finding) => finding.outcome)).toEqual([
      'not-met',
      'needs-info',
      'error',
      'met',
      'not-applicable',
    ]);
    book.close();
  });

  it('findings are stored with the pack version they came from', () => {
    const { book } = bookWithTestPack();
    const entry = book.createEntry({ name: 'Pricing', kind: 'spreadsheet' });
    book.guidelines.findings(entry.id);
    const row = book.db.prepare('SELECT entry_revision, packs FROM findings WHERE entry_id = ?').get(entry.id);
    expect(row).toEqual({ entry_revision: 1, packs: 'test.pack@1.0.0' });
    book.close();
  });
});

describe('setting a guideline aside', () => {
  it('shows as set aside with the reason until the look-again date, then applies again', () => {
    const dataDir = tempDir();
    let now = new Date('2026-11-25T10:00:00Z');
    const book = openFieldbook({ dataDir, baselinePack: TEST_PACK, clock: () => now });
    const entry = book.createEntry({ name: 'Pricing', kind: 'spreadsheet', criticality: 'critical' });
    const findings = book.guidelines.setAside(entry.id, 'test.pack', 'critical-backup', 'Being replaced by SAP in March', '2027-03-31', 'Anna');
    const setAside = findings.find((finding) => finding.ruleId === 'critical-backup')!;
    expect(setAside).toMatchObject({ outcome: 'set-aside', setAside: { reason: 'Being replaced by SAP in March', until: '2027-03-31', by: 'Anna' } });

    now = new Date('2027-04-01T10:00:00Z');
    const later = openFieldbook({ dataDir, baselinePack: TEST_PACK, clock: () => now });
    const expired = later.guidelines.findings(entry.id).find((finding) => finding.ruleId === 'critical-backup')!;
    expect(expired).toMatchObject({ outcome: 'not-met', setAsideExpired: true, setAside: { reason: 'Being replaced by SAP in March' } });
    later.close();
    book.close();
  });

  it('can be taken back', () => {
    const { book, byRule } = bookWithTestPack();
    const entry = book.createEntry({ name: 'Pricing', kind: 'spreadsheet', criticality: 'critical' });
    book.guidelines.setAside(entry.id, 'test.pack', 'critical-backup', 'Not for us', null, 'Anna');
    book.guidelines.clearSetAside(entry.id, 'test.pack', 'critical-backup');
    expect(byRule(entry.id)['critical-backup']!.outcome).toBe('not-met');
    book.close();
  });
});

describe('authoring-time checks of a pack', () => {
  it('a malformed YAML file is refused with the line it breaks on', () => {
    const result = compilePack('fieldbookPack: 1\nrules: [\n  - id: x\n');
    expect(result.ok).toBe(false);
    expect(formatProblems(!result.ok ? result.problems : [])).toMatch(/yaml: .*line \d+/s);
  });

  it('a schema error names the rule and the field', () => {
    const result = compilePack(packText(rule('calm', { severity: 'critical-violation', check: 'true' })));
    expect(!result.ok && result.problems).toEqual([expect.objectContaining({ ruleId: 'calm', field: 'severity' })]);
  });

  it('an expression that does not parse names the rule and shows the position', () => {
    const result = compilePack(packText(rule('broken', { check: "'entry.owner == '" })));
    expect(result.ok).toBe(false);
    const message = formatProblems(!result.ok ? result.problems : []);
    expect(message).toContain('rule broken, check:');
    expect(message).toMatch(/entry\.owner == \n\s+\^/);
  });

  it('an expression that does not type-check names the rule and shows the position', () => {
    const result = compilePack(packText(rule('typo', { check: "'entry.ownr != \"\"'" }) + rule('types', { check: "'entry.owner + 1 > 0'" })));
    const message = formatProblems(!result.ok ? result.problems : []);
    expect(message).toContain('rule typo, check: No such key: ownr');
    expect(message).toMatch(/rule types, check: .*overload/);
  });

  it('a check that does not give true or false is refused', () => {
    const result = compilePack(packText(rule('number', { check: 'entry.userCount' })));
    expect(!result.ok && result.problems[0]).toMatchObject({ ruleId: 'number', message: expect.stringContaining('must give true or false') });
  });

  it('unknown inputs, duplicate ids and unknown vocabulary are refused', () => {
    const result = compilePack(
      packText(rule('a', { inputs: '[ownerr]', check: 'true' }) + rule('a', { check: 'true' }), 'vocabularies:\n  sensitivityLevels: [secret]\n'),
    );
    const message = formatProblems(!result.ok ? result.problems : []);
    expect(message).toContain('rule a, inputs: "ownerr" is not an entry field');
    expect(message).toContain('rule a, id: Another rule in this pack has the same id');
    expect(message).toContain('vocabularies.sensitivityLevels: Fieldbook does not know "secret"');
  });

  it('an enormous pack is refused before it is parsed', () => {
    const result = compilePack(packText(rule('big', { check: 'true', notes: `"${'x'.repeat(1024 * 1024)}"` })));
    expect(!result.ok && result.problems[0]!.message).toMatch(/larger than 1024 KiB/);
  });

  it('an expression too large to be reasonable is refused, naming the rule', () => {
    const huge = Array.from({ length: 500 }, () => 'entry.owner != ""').join(' && ');
    const result = compilePack(packText(rule('huge', { check: `'${huge}'` })));
    expect(!result.ok && result.problems[0]).toMatchObject({ ruleId: 'huge', field: 'check' });
  });

  it('a YAML alias bomb is refused', () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`;
    expect(compilePack(bomb).ok).toBe(false);
  });
});

describe('signed packs', () => {
  const keys = generatePublisherKeys();
  const trusted = [{ keyId: keys.keyId, name: 'Contoso IT', publicKey: keys.publicKey }];
  const bytes = Buffer.from(TEST_PACK);
  const signature = JSON.stringify(signPack(bytes, keys.privateKeyPem));

  it('a pack signed by a trusted publisher verifies', () => {
    expect(verifyPack(bytes, signature, trusted)).toEqual({ ok: true, publisher: 'Contoso IT' });
  });

  it('a tampered pack is refused', () => {
    const tampered = Buffer.from(TEST_PACK.replace('severity: important', 'severity: advice'));
    expect(verifyPack(tampered, signature, trusted)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('a pack signed by an unknown key, or unsigned, is refused', () => {
    expect(verifyPack(bytes, signature, [])).toMatchObject({ ok: false, reason: 'unknown-key' });
    expect(verifyPack(bytes, null, trusted)).toMatchObject({ ok: false, reason: 'unsigned' });
    expect(verifyPack(bytes, '{"nope":1}', trusted)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('importing: a tampered pack is refused and the packs in force stay', () => {
    const book = openFieldbook({ dataDir: tempDir() });
    book.guidelines.trustPublisher('Contoso IT', keys.publicKey);
    const before = book.guidelines.packsInForce();
    expect(() => book.guidelines.importPack({ text: TEST_PACK.replace('Rule owner', 'Rule 0wner'), signature, unsignedOwn: false })).toThrow(/changed after Contoso IT signed it/);
    expect(book.guidelines.packsInForce()).toEqual(before);
    expect(book.guidelines.importPack({ text: TEST_PACK, signature, unsignedOwn: false })).toMatchObject({ id: 'test.pack', trust: 'signed' });
    book.close();
  });

  it('importing: an unsigned pack is refused unless imported deliberately as my own, and is labelled so', () => {
    const book = openFieldbook({ dataDir: tempDir() });
    expect(() => book.guidelines.importPack({ text: TEST_PACK, signature: null, unsignedOwn: false })).toThrow(/not signed/);
    expect(book.guidelines.importPack({ text: TEST_PACK, signature: null, unsignedOwn: true })).toMatchObject({ trust: 'unsigned-own' });
    book.close();
  });

  it('importing: a broken pack is refused with the same messages as pack check, and the previous one stays', () => {
    const book = openFieldbook({ dataDir: tempDir() });
    book.guidelines.importPack({ text: TEST_PACK, signature: null, unsignedOwn: true });
    const broken = TEST_PACK.replace('version: 1.0.0', 'version: 1.1.0').replace("'entry.owner != \"\"'", "'entry.owner =='");
    expect(() => book.guidelines.importPack({ text: broken, signature: null, unsignedOwn: true })).toThrow(/rule owner, check:/);
    expect(book.guidelines.packsInForce().find((pack) => pack.id === 'test.pack')!.version).toBe('1.0.0');
    book.close();
  });
});
