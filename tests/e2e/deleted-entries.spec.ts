import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createEntries, listRows, openList } from './helpers';

async function deleteFromList(page: Page, name: string): Promise<void> {
  await openList(page);
  await page.getByRole('option', { name }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('status')).toContainText(`Deleted “${name}”.`);
}

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  return page.getByRole('region', { name: 'Deleted entries' });
}

test.beforeEach(async ({ page, fieldbook }) => {
  void fieldbook;
  await createEntries(page, [
    { name: 'Pricing workbook', kind: 'spreadsheet', purpose: 'Prices every quote.' },
    { name: 'Returns database', kind: 'database', purpose: 'Tracks customer returns.' },
    { name: 'Old tracker', kind: 'other', purpose: 'Nobody uses it.' },
  ]);
});

test('a deleted entry can be brought back from Settings long after Undo is gone, or deleted for good', async ({ page }) => {
  let section = await openSettings(page);
  await expect(section).toContainText('No deleted entries.');

  await deleteFromList(page, 'Pricing workbook');
  await deleteFromList(page, 'Old tracker');
  section = await openSettings(page);
  const items = section.getByRole('list', { name: 'Deleted entries' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('Old tracker');
  await expect(items.first()).toContainText('Other · deleted');

  // Bring one back: it is in the list again, with what it said.
  await section.getByRole('button', { name: 'Bring back Pricing workbook' }).click();
  await expect(section.getByRole('status')).toHaveText('Brought back “Pricing workbook”.');
  await expect(items).toHaveCount(1);

  // Delete the other for good: asked first; "Keep it" changes nothing and gives focus back.
  const forGood = section.getByRole('button', { name: 'Delete for good… (Old tracker)' });
  await forGood.click();
  const question = section.getByRole('group', { name: /Delete “Old tracker” for good\?/ });
  await expect(question).toContainText('cannot be brought back');
  await question.getByRole('button', { name: 'Keep it' }).click();
  await expect(forGood).toBeFocused();
  await expect(items).toHaveCount(1);
  await forGood.click();
  await section.getByRole('button', { name: 'Delete for good', exact: true }).click();
  await expect(section.getByRole('status')).toHaveText('Deleted “Old tracker” for good.');
  await expect(section).toContainText('No deleted entries.');

  await openList(page);
  await expect(listRows(page)).toHaveCount(2);
  await page.getByRole('option', { name: 'Pricing workbook' }).click();
  await expect(page.getByLabel('What does it do?')).toHaveValue('Prices every quote.');
});

test('all deleted entries can be deleted for good at once, after one question', async ({ page }) => {
  await deleteFromList(page, 'Returns database');
  await deleteFromList(page, 'Old tracker');
  const section = await openSettings(page);
  await section.getByRole('button', { name: 'Delete all 2 for good…' }).click();
  await expect(section.getByRole('group', { name: /Delete all 2 deleted entries for good\?/ })).toContainText('A JSON export you made earlier still holds them.');
  await section.getByRole('button', { name: 'Delete all 2 for good', exact: true }).click();
  await expect(section.getByRole('status')).toHaveText('Deleted 2 entries for good.');
  await expect(section).toContainText('No deleted entries.');
  await openList(page);
  await expect(listRows(page)).toHaveCount(1);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`Settings with deleted entries and a question open has no accessibility violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await deleteFromList(page, 'Returns database');
    await deleteFromList(page, 'Old tracker');
    const section = await openSettings(page);
    await section.getByRole('button', { name: 'Delete for good… (Old tracker)' }).click();
    await expect(section.getByRole('group', { name: /Delete “Old tracker” for good\?/ })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations).toEqual([]);
  });
}
