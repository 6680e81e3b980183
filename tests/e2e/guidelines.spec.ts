import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createEntries, expectSaved, fieldbookCommand, findingGroup, openEntryAt, openGuidelines, setProfile, TEAM_PACK, unfoldGroup } from './helpers';

/** The same pack with a misspelt field in its check. */
const BROKEN_PACK = TEAM_PACK.replace('id: acme.finance', 'id: acme.broken')
  .replace('name: ACME finance guidelines', 'name: ACME broken guidelines')
  .replace('check: entry.team.size() > 1', 'check: entry.tem.size() > 1');

const CRITICAL_WORKBOOK = {
  name: 'Pricing workbook',
  kind: 'spreadsheet',
  purpose: 'Prices every customer quote from the price list.',
  owner: 'Maria Keller',
  criticality: 'critical',
  criticalityImpact: 'Quotes would stop for the day.',
};

async function writePack(path: string, text: string): Promise<string> {
  await writeFile(path, text, 'utf8');
  return path;
}

async function importPack(page: Page, pack: string, options: { signature?: string; own?: boolean } = {}): Promise<void> {
  await page.getByLabel('Pack file (.yaml)').setInputFiles(pack);
  if (options.signature) await page.getByLabel('Signature file (.sig), if it came with one').setInputFiles(options.signature);
  const own = page.getByRole('checkbox', { name: 'This is my own pack (unsigned)' });
  if (options.own) await own.check();
  else await own.uncheck();
  await page.getByRole('button', { name: 'Import pack' }).click();
}

test('she opens a finding on an entry and reads why the guideline exists and how to meet it', async ({ page, fieldbook }) => {
  void fieldbook;
  const [id] = await createEntries(page, [CRITICAL_WORKBOOK]);
  await openEntryAt(page, id!);

  // The tab says how many guidelines are worth a look.
  const tab = page.getByRole('tab', { name: /^Guidelines/ });
  await expect(tab).toContainText(/\d/);
  await tab.click();
  await expect(page.getByText('Checked privately on this computer')).toBeVisible();

  const finding = findingGroup(page, 'Not met yet').getByRole('button', { name: /Important tools have a backup owner/ });
  await expect(finding).toContainText('Important');
  await expect(finding).toContainText('Not met yet');
  await expect(finding).toHaveAttribute('aria-expanded', 'false');
  await finding.click();
  await expect(finding).toHaveAttribute('aria-expanded', 'true');

  const body = page.locator(`#${await finding.getAttribute('aria-controls')}`);
  await expect(body.getByText('Who can stand in when the owner is away?')).toBeVisible();
  await expect(body.getByRole('heading', { name: 'Why it matters' })).toBeVisible();
  await expect(body).toContainText('If only one person understands a tool');
  await expect(body.getByRole('heading', { name: 'How to meet it' })).toBeVisible();
  await expect(body.getByRole('listitem')).toHaveCount(2);
  await expect(body.getByRole('listitem').first()).toContainText('Pick a colleague');

  // Met and "does not apply" start folded, with their count.
  const met = findingGroup(page, 'Met').getByRole('button', { name: /^Met \d+/ });
  await expect(met).toHaveAttribute('aria-expanded', 'false');

  // She follows the advice on the Details tab; the finding follows at once.
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByRole('textbox', { name: 'Add a backup owner' }).fill('Marco Rossi');
  await page.getByRole('textbox', { name: 'Add a backup owner' }).press('Enter');
  await expectSaved(page);
  await page.getByRole('tab', { name: /^Guidelines/ }).click();
  await unfoldGroup(page, 'Met');
  await expect(findingGroup(page, 'Met').getByRole('button', { name: /Important tools have a backup owner/ })).toBeVisible();
  await expect(findingGroup(page, 'Not met yet').getByRole('button', { name: /Important tools have a backup owner/ })).toHaveCount(0);
});

test('a guideline with a link opens it in the browser, away from Fieldbook', async ({ page, fieldbook }) => {
  void fieldbook;
  await openGuidelines(page);
  await page.getByRole('searchbox', { name: 'Find a guideline' }).fill('everyone can reach');
  const rule = page.getByRole('button', { name: /Links point to files everyone can reach/ });
  await rule.click();
  const link = page.locator(`#${await rule.getAttribute('aria-controls')}`).getByRole('link').first();
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('href', /^https:\/\//);
});

test('she answers a "needs info" question right in the finding, and the guideline is checked again', async ({ page, fieldbook }) => {
  void fieldbook;
  const [workbook, survey] = await createEntries(page, [
    { name: 'Holiday planner', kind: 'spreadsheet', purpose: 'Plans the team holidays.', owner: 'Tom Weber' },
    { name: 'Survey tool', kind: 'saas', purpose: 'Customer surveys after each delivery.', owner: 'Anna Berg' },
  ]);

  // Criticality is not stated yet: the backup-owner guideline asks for it, with the levels to pick from.
  await openEntryAt(page, workbook!, 'guidelines');
  const needsInfo = findingGroup(page, 'Needs info');
  const backup = needsInfo.getByRole('button', { name: /Important tools have a backup owner/ });
  await expect(backup).toContainText('Needs info');
  await backup.click();
  const body = page.locator(`#${await backup.getAttribute('aria-controls')}`);
  await expect(body.getByText('Who can stand in when the owner is away?')).toBeVisible();
  await body.getByRole('button', { name: 'Save answer' }).click();
  await expect(body.getByRole('alert')).toHaveText('Choose or type an answer first.');
  await body.getByLabel('Criticality').selectOption({ label: 'Critical' });
  await body.getByRole('button', { name: 'Save answer' }).click();

  // Saved into the entry, and re-checked: a critical tool without a backup owner is "not met yet".
  await expect(page.getByRole('status').filter({ hasText: 'is not met yet' })).toContainText('Important tools have a backup owner');
  await expect(findingGroup(page, 'Not met yet').getByRole('button', { name: /Important tools have a backup owner/ })).toBeVisible();
  await expect(needsInfo.getByRole('button', { name: /Important tools have a backup owner/ })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Details' }).click();
  await expect(page.getByLabel('How critical is it?')).toHaveValue('critical');

  // A SaaS question with choices: answered with a radio button.
  await openEntryAt(page, survey!, 'guidelines');
  const signOn = page.getByRole('button', { name: /People sign in to the SaaS tool with their company account/ });
  await expect(signOn).toContainText('Needs info');
  await signOn.click();
  const signOnBody = page.locator(`#${await signOn.getAttribute('aria-controls')}`);
  const choices = signOnBody.getByRole('group', { name: 'Do people sign in with their company account (single sign-on)?' });
  await expect(choices.getByRole('radio')).toHaveCount(2);
  await choices.getByRole('radio', { name: 'Yes' }).check();
  await signOnBody.getByRole('button', { name: 'Save answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is met now' })).toContainText('People sign in to the SaaS tool');
  await unfoldGroup(page, 'Met');
  await expect(findingGroup(page, 'Met').getByRole('button', { name: /People sign in to the SaaS tool/ })).toBeVisible();

  // A free-text question: who holds the contract.
  const contract = findingGroup(page, 'Needs info').getByRole('button', { name: /Someone holds the SaaS contract/ });
  await contract.click();
  const contractBody = page.locator(`#${await contract.getAttribute('aria-controls')}`);
  await contractBody.getByRole('textbox', { name: /Who holds the contract/ }).fill('Anna Berg, Customer Service');
  await contractBody.getByRole('button', { name: 'Save answer' }).click();
  await expect(findingGroup(page, 'Met').getByRole('button', { name: /Someone holds the SaaS contract/ })).toBeVisible();
});

test('file facts Fieldbook has not read yet are grouped calmly, with a way to read the file now', async ({ page, fieldbook }) => {
  void fieldbook;
  const [id] = await createEntries(page, [{ ...CRITICAL_WORKBOOK, files: ['Pricing 2026.xlsm'] }]);
  await openEntryAt(page, id!, 'guidelines');
  const waiting = findingGroup(page, 'Waiting for the file');
  await expect(waiting).toContainText('Fieldbook answers them once it has read this tool’s file');
  await expect(waiting.getByRole('button', { name: 'Read the file now' })).toBeVisible();
  const toggle = waiting.getByRole('button', { name: /^Waiting for the file \d+/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  const macros = waiting.getByRole('button', { name: /Macros that run when the file opens are described/ });
  await macros.click();
  const body = page.locator(`#${await macros.getAttribute('aria-controls')}`);
  await expect(body).toContainText('Fieldbook answers this once it has read this tool’s file');
  // Reading is offered once, for the group, not inside each finding.
  await expect(body.getByRole('button', { name: /read|inspect|scan/i })).toHaveCount(0);
});

test('she sets a guideline aside with her reason, sees it as set aside, and takes it back', async ({ page, fieldbook }) => {
  void fieldbook;
  await setProfile(page, 'Maria Keller', 'Finance');
  const [id] = await createEntries(page, [CRITICAL_WORKBOOK]);
  await openEntryAt(page, id!, 'guidelines');

  const finding = findingGroup(page, 'Not met yet').getByRole('button', { name: /Important tools have a backup owner/ });
  await finding.click();
  const body = page.locator(`#${await finding.getAttribute('aria-controls')}`);
  await body.getByRole('button', { name: 'Set aside…' }).click();
  const form = page.getByRole('form', { name: 'Set aside: Important tools have a backup owner' });
  await expect(form.getByLabel('Why does this guideline not fit here?')).toBeFocused();

  // A reason is required.
  await form.getByRole('button', { name: 'Set aside', exact: true }).click();
  await expect(form.getByText('Say briefly why this guideline does not fit.')).toBeVisible();
  await form.getByLabel('Why does this guideline not fit here?').fill('A team of one until Marco joins in March.');
  await form.getByRole('button', { name: 'Set aside', exact: true }).click();

  const setAside = findingGroup(page, 'Set aside');
  const moved = setAside.getByRole('button', { name: /Important tools have a backup owner/ });
  await expect(moved).toContainText('Set aside');
  await expect(moved).toBeFocused();
  await expect(setAside).toContainText('Set aside by Maria Keller');
  await expect(setAside).toContainText('A team of one until Marco joins in March.');
  await expect(setAside).toContainText('It stays set aside until you take it back.');
  await expect(findingGroup(page, 'Not met yet').getByRole('button', { name: /Important tools have a backup owner/ })).toHaveCount(0);

  // Still set aside after a reload: it is stored with the entry.
  await page.reload();
  await expect(findingGroup(page, 'Set aside').getByRole('button', { name: /Important tools have a backup owner/ })).toBeVisible();
  await findingGroup(page, 'Set aside').getByRole('button', { name: /Important tools have a backup owner/ }).click();
  await findingGroup(page, 'Set aside').getByRole('button', { name: 'Take back' }).click();
  await expect(findingGroup(page, 'Not met yet').getByRole('button', { name: /Important tools have a backup owner/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Taken back' })).toBeVisible();
  await expect(findingGroup(page, 'Set aside')).toHaveCount(0);
});

test('a set-aside whose look-again date has passed is back in force, worth another look', async ({ page, fieldbook }) => {
  void fieldbook;
  const [id] = await createEntries(page, [CRITICAL_WORKBOOK]);
  // Set aside earlier with a date that has now passed (set up through the API: the form only offers future dates).
  await page.evaluate(async (entryId) => {
    const response = await fetch('/api/call/guidelines.setAside', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entryId, packId: 'fieldbook.baseline', ruleId: 'backup-owner-for-critical', reason: 'Until the spring hire.', until: '2020-03-01' }),
    });
    if (!(await response.json()).ok) throw new Error('set-aside failed');
  }, id!);
  await openEntryAt(page, id!, 'guidelines');
  const finding = findingGroup(page, 'Not met yet').getByRole('button', { name: /Important tools have a backup owner/ });
  await expect(finding).toContainText('Worth another look');
  await finding.click();
  const body = page.locator(`#${await finding.getAttribute('aria-controls')}`);
  await expect(body).toContainText(/Set aside until .*2020 — worth another look/);
  await expect(body).toContainText('Until the spring hire.');
  await expect(body.getByRole('button', { name: 'Set aside again…' })).toBeVisible();
});

test('Home lists what needs attention and links straight to the entry’s guidelines', async ({ page, fieldbook }) => {
  void fieldbook;
  await createEntries(page, [CRITICAL_WORKBOOK]);
  await page.reload();
  const item = page.getByRole('region', { name: 'Needs attention' }).getByRole('link', { name: /Pricing workbook/ });
  await expect(item).toContainText(/\d+ to look at/);
  await expect(item).toContainText('Not met yet: Important tools have a backup owner');
  await item.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pricing workbook' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Guidelines/ })).toHaveAttribute('aria-selected', 'true');
  await expect(findingGroup(page, 'Not met yet').getByRole('button', { name: /Important tools have a backup owner/ })).toBeVisible();
});

test('she imports her own unsigned pack deliberately; a broken pack is refused and the packs in force stay', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const [id] = await createEntries(page, [CRITICAL_WORKBOOK]);
  const teamPack = await writePack(testInfo.outputPath('acme-finance.yaml'), TEAM_PACK);
  const brokenPack = await writePack(testInfo.outputPath('acme-broken.yaml'), BROKEN_PACK);
  await openGuidelines(page);
  const packs = page.getByRole('region', { name: 'Packs in force' });
  await expect(packs.getByRole('listitem')).toHaveCount(1);
  await expect(packs).toContainText('Fieldbook baseline');
  await expect(packs).toContainText('Built in');

  // Unsigned and not marked as her own: refused, with what to do.
  await importPack(page, teamPack);
  const refusal = page.getByRole('form', { name: 'Import a pack' }).getByRole('alert');
  await expect(refusal).toContainText('This pack is not signed');
  await expect(refusal).toContainText('import it deliberately as “unsigned, my own”');
  await expect(packs.getByRole('listitem')).toHaveCount(1);

  // Deliberately as her own: imported and labelled so.
  await importPack(page, teamPack, { own: true });
  await expect(page.getByRole('status').filter({ hasText: 'Imported “ACME finance guidelines” 1.0.0' })).toBeVisible();
  const acme = packs.getByRole('listitem').filter({ hasText: 'ACME finance guidelines' });
  await expect(acme).toContainText('Unsigned, my own');
  await expect(acme).toContainText('From ACME IT');
  await expect(page.getByRole('region', { name: /^Ownership/ }).getByRole('button', { name: /The tool names the team that runs it/ })).toBeVisible();

  // A broken pack: the message names the rule and shows where in the expression; nothing changes.
  await importPack(page, brokenPack, { own: true });
  await expect(refusal).toContainText('The pack was not imported because it has problems');
  const details = refusal.locator('pre');
  await expect(details).toContainText('rule team-named, check: No such key: tem');
  await expect(details).toContainText('entry.tem.size() > 1');
  await expect(details).toContainText('^');
  await expect(refusal).toContainText('Your current packs stay in force.');
  await expect(packs.getByRole('listitem')).toHaveCount(2);
  await expect(packs).not.toContainText('ACME broken guidelines');

  // Her pack's rule applies to her entries, and can be answered there.
  await openEntryAt(page, id!, 'guidelines');
  const team = findingGroup(page, 'Needs info').getByRole('button', { name: /The tool names the team that runs it/ });
  await team.click();
  const body = page.locator(`#${await team.getAttribute('aria-controls')}`);
  await expect(body).toContainText('ACME finance guidelines 1.0.0');
  await body.getByRole('textbox', { name: 'Team' }).fill('Finance');
  await body.getByRole('button', { name: 'Save answer' }).click();
  await unfoldGroup(page, 'Met');
  await expect(findingGroup(page, 'Met').getByRole('button', { name: /The tool names the team that runs it/ })).toBeVisible();

  // Removing the pack: its guideline no longer applies.
  await openGuidelines(page);
  await packs.getByRole('button', { name: /^Remove ACME finance guidelines/ }).click();
  await expect(packs.getByRole('button', { name: 'Remove pack' })).toBeFocused();
  await packs.getByRole('button', { name: 'Remove pack' }).click();
  await expect(packs.getByRole('status')).toContainText('Removed “ACME finance guidelines”');
  await expect(packs.getByRole('listitem')).toHaveCount(1);
  await expect(packs.getByRole('button', { name: /Remove/ })).toHaveCount(0);
  await openEntryAt(page, id!, 'guidelines');
  await unfoldGroup(page, 'Met');
  await expect(page.getByRole('button', { name: /The tool names the team that runs it/ })).toHaveCount(0);
});

test('a signed pack is accepted once she trusts its publisher, and shows who signed it', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const keys = testInfo.outputPath('keys');
  const pack = await writePack(testInfo.outputPath('acme-finance.yaml'), TEAM_PACK);
  await fieldbookCommand('pack', 'keygen', '--out', keys);
  await fieldbookCommand('pack', 'sign', pack, '--key', resolve(keys, 'publisher.key'));
  const publicKey = (await readFile(resolve(keys, 'publisher.pub'), 'utf8')).trim();

  await openGuidelines(page);
  // Signed with a key she does not trust yet: refused, and told how to trust it.
  await importPack(page, pack, { signature: `${pack}.sig` });
  const refusal = page.getByRole('form', { name: 'Import a pack' }).getByRole('alert');
  await expect(refusal).toContainText('signed with a key you do not trust yet');
  await expect(refusal).toContainText('add it as a trusted publisher first');

  const trust = page.getByRole('form', { name: 'Trust a publisher' });
  await trust.getByLabel('Publisher name').fill('ACME IT');
  await trust.getByLabel('Publisher key').fill(publicKey);
  await trust.getByRole('button', { name: 'Trust this publisher' }).click();
  await expect(trust.getByRole('status')).toContainText('You trust ACME IT');

  await importPack(page, pack, { signature: `${pack}.sig` });
  await expect(page.getByRole('status').filter({ hasText: 'Imported “ACME finance guidelines” 1.0.0' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Packs in force' }).getByRole('listitem').filter({ hasText: 'ACME finance guidelines' }),
  ).toContainText('Signed by ACME IT');

  // A pack changed after signing is refused.
  const tampered = await writePack(testInfo.outputPath('tampered.yaml'), TEAM_PACK.replace('version: 1.0.0', 'version: 1.0.1'));
  await writeFile(`${tampered}.sig`, await readFile(`${pack}.sig`));
  await importPack(page, tampered, { signature: `${tampered}.sig` });
  await expect(refusal).toContainText('changed after ACME IT signed it');
});

test('a guideline that fails while checking says it is the guideline’s problem, not hers', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const [id] = await createEntries(page, [CRITICAL_WORKBOOK]);
  // Reads an answer nobody gave, without a guard: it type-checks, then fails on every entry.
  const pack = await writePack(
    testInfo.outputPath('unguarded.yaml'),
    TEAM_PACK.replace('    inputs: [team]\n', '').replace('check: entry.team.size() > 1', 'check: entry.answers.financeSystemsKnows == "yes"'),
  );
  await openGuidelines(page);
  await importPack(page, pack, { own: true });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();

  await openEntryAt(page, id!, 'guidelines');
  const broken = findingGroup(page, 'Could not be checked').getByRole('button', { name: /The tool names the team that runs it/ });
  await broken.click();
  const body = page.locator(`#${await broken.getAttribute('aria-controls')}`);
  await expect(body).toContainText('That is a problem with the guideline itself, not with your entry.');
  await expect(body).toContainText('acme.finance/team-named');
  // The other guidelines are checked as usual.
  await expect(findingGroup(page, 'Not met yet').getByRole('button', { name: /Important tools have a backup owner/ })).toBeVisible();
});
