import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { fieldbookCommand, openGuidelines, TEAM_PACK } from './helpers';

/** A publisher key made with `fieldbook pack keygen`, and a pack signed with it by `fieldbook pack sign`. */
async function publisherWithSignedPack(testInfo: TestInfo, name: string): Promise<{ publicKey: string; pack: string }> {
  const keys = testInfo.outputPath(`keys-${name}`);
  const pack = testInfo.outputPath(`${name}.yaml`);
  await writeFile(pack, TEAM_PACK, 'utf8');
  await fieldbookCommand('pack', 'keygen', '--out', keys);
  await fieldbookCommand('pack', 'sign', pack, '--key', resolve(keys, 'publisher.key'));
  return { publicKey: (await readFile(resolve(keys, 'publisher.pub'), 'utf8')).trim(), pack };
}

async function trust(page: Page, name: string, publicKey: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Trust a publisher' });
  await form.getByLabel('Publisher name').fill(name);
  await form.getByLabel('Publisher key').fill(publicKey);
  await form.getByRole('button', { name: 'Trust this publisher' }).click();
  await expect(form.getByRole('status')).toContainText(`You trust ${name}`);
}

async function importSigned(page: Page, pack: string): Promise<void> {
  await page.getByLabel('Pack file (.yaml)').setInputFiles(pack);
  await page.getByLabel('Signature file (.sig), if it came with one').setInputFiles(`${pack}.sig`);
  await page.getByRole('checkbox', { name: 'This is my own pack (unsigned)' }).uncheck();
  await page.getByRole('button', { name: 'Import pack' }).click();
}

test('she sees whom she trusts, and stops trusting a key after reading what that does to its packs', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const acme = await publisherWithSignedPack(testInfo, 'acme');
  const old = await publisherWithSignedPack(testInfo, 'old');
  await openGuidelines(page);
  const publishers = page.getByRole('region', { name: 'Trusted publishers' });
  await expect(publishers).toContainText('You do not trust any publisher yet.');

  await trust(page, 'ACME IT', acme.publicKey);
  await trust(page, 'Old IT key', old.publicKey);
  await importSigned(page, acme.pack);
  await expect(page.getByRole('status').filter({ hasText: 'Imported “ACME finance guidelines” 1.0.0' })).toBeVisible();

  // Each publisher: name, key id, fingerprint, when, and what its key signs.
  const acmeItem = publishers.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'ACME IT' }) });
  await expect(publishers.getByRole('listitem')).toHaveCount(2);
  await expect(acmeItem).toContainText(/Key id [0-9a-f]{16}/);
  await expect(acmeItem).toContainText(/Fingerprint ([0-9A-F]{4} ){15}[0-9A-F]{4}/);
  await expect(acmeItem).toContainText('Trusted since');
  await expect(acmeItem).toContainText('Signs the pack “ACME finance guidelines 1.0.0”.');
  await expect(publishers.getByRole('listitem').filter({ hasText: 'Old IT key' })).toContainText('No pack in force is signed with this key.');

  // She asks, reads the consequence, and keeps it after all: focus returns, nothing changes.
  await acmeItem.getByRole('button', { name: /^Stop trusting ACME IT/ }).click();
  const question = acmeItem.getByRole('group');
  await expect(question).toContainText('Stop trusting “ACME IT”? Fieldbook will no longer accept packs signed with this key.');
  await expect(question).toContainText('“ACME finance guidelines” (1 guideline), will be removed, so its guidelines stop applying to your entries.');
  await expect(acmeItem.getByRole('button', { name: 'Stop trusting and remove 1 pack' })).toBeFocused();
  await acmeItem.getByRole('button', { name: 'Keep trusting' }).click();
  await expect(acmeItem.getByRole('button', { name: /^Stop trusting ACME IT/ })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Packs in force' }).getByRole('listitem')).toHaveCount(2);

  // This time she goes ahead: the key and its pack are gone, and she is told so.
  await acmeItem.getByRole('button', { name: /^Stop trusting ACME IT/ }).click();
  await acmeItem.getByRole('button', { name: 'Stop trusting and remove 1 pack' }).click();
  await expect(publishers.getByRole('status')).toHaveText(
    'You no longer trust “ACME IT”. Removed “ACME finance guidelines”; your entries were checked again.',
  );
  await expect(publishers.getByRole('heading', { name: 'Trusted publishers' })).toBeFocused();
  await expect(publishers.getByRole('listitem')).toHaveCount(1);
  await expect(publishers.getByRole('listitem')).toContainText('Old IT key');
  const packs = page.getByRole('region', { name: 'Packs in force' });
  await expect(packs.getByRole('listitem')).toHaveCount(1);
  await expect(packs).not.toContainText('ACME finance guidelines');
  await page.getByRole('searchbox', { name: 'Find a guideline' }).fill('team that runs it');
  await expect(page.getByRole('button', { name: /The tool names the team that runs it/ })).toHaveCount(0);

  // A pack signed with that key is refused again, with the way back.
  await importSigned(page, acme.pack);
  await expect(page.getByRole('form', { name: 'Import a pack' }).getByRole('alert')).toContainText('signed with a key you do not trust yet');

  // A key that signs nothing: removing it says nothing else changes.
  const oldItem = publishers.getByRole('listitem').filter({ hasText: 'Old IT key' });
  await oldItem.getByRole('button', { name: /^Stop trusting Old IT key/ }).click();
  await expect(oldItem.getByRole('group')).toContainText('No pack in force is signed with it, so your guidelines stay as they are.');
  await oldItem.getByRole('button', { name: 'Stop trusting', exact: true }).click();
  await expect(publishers.getByRole('status')).toHaveText('You no longer trust “Old IT key”.');
  await expect(publishers).toContainText('You do not trust any publisher yet.');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`trusted publishers, with a removal being confirmed, have no accessibility violations (${colorScheme} theme)`, async ({
    page,
    fieldbook,
  }, testInfo) => {
    void fieldbook;
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const acme = await publisherWithSignedPack(testInfo, 'acme');
    await openGuidelines(page);
    await trust(page, 'ACME IT', acme.publicKey);
    await importSigned(page, acme.pack);
    await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
    await page.getByRole('button', { name: /^Stop trusting ACME IT/ }).click();
    await expect(page.getByRole('button', { name: 'Stop trusting and remove 1 pack' })).toBeFocused();
    // The same rules as accessibility.spec.ts: WCAG 2.0/2.1/2.2 A and AA plus best practices, zero violations.
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(results.violations).toEqual([]);
  });
}
