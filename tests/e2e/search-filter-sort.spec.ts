import { expect, test } from './fixtures';
import { createEntries, listRows, openList } from './helpers';

test.beforeEach(async ({ page, fieldbook }) => {
  void fieldbook;
  await createEntries(page, [
    {
      name: 'Pricing workbook',
      kind: 'spreadsheet',
      purpose: 'Prices every quote with volume discounts.',
      owner: 'Maria Keller',
      criticality: 'high',
      sensitivity: 'confidential',
      tags: ['pricing'],
    },
    {
      name: 'Returns database',
      kind: 'database',
      purpose: 'Tracks customer returns.',
      owner: 'Anna Berg',
      criticality: 'medium',
      sensitivity: 'restricted',
      lifecycle: 'being-replaced',
    },
    {
      name: 'Monday merge script',
      kind: 'script',
      purpose: 'Merges two exports every Monday.',
      owner: 'Tom Weber',
      criticality: 'critical',
      tags: ['weekly'],
    },
    { name: 'Archive macro', kind: 'spreadsheet', purpose: 'Moves old orders away.', owner: 'Zoe Lang', lifecycle: 'retired' },
  ]);
  await openList(page);
  await expect(page.getByRole('status').filter({ hasText: '4 tools' })).toBeVisible();
});

test('searching as you type finds an entry by words from what it does', async ({ page }) => {
  await page.getByRole('searchbox', { name: 'Search your fieldbook' }).pressSequentially('discount');
  await expect(listRows(page)).toHaveCount(1);
  await expect(listRows(page).first()).toHaveAccessibleName('Pricing workbook');
  await expect(page.getByRole('status').filter({ hasText: '1 tool found' })).toBeVisible();
});

test('a search with no results says so and offers to clear it', async ({ page }) => {
  await page.getByRole('searchbox', { name: 'Search your fieldbook' }).fill('spaceship');
  await expect(page.getByRole('heading', { name: 'Nothing matches “spaceship”' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(listRows(page)).toHaveCount(4);
  await expect(page.getByRole('searchbox', { name: 'Search your fieldbook' })).toHaveValue('');
});

test('each filter narrows the list', async ({ page }) => {
  const filters = page.getByRole('group', { name: 'Filters' });

  await filters.getByLabel('Kind', { exact: true }).selectOption({ label: 'Spreadsheet' });
  await expect(listRows(page)).toHaveCount(2);
  await filters.getByLabel('Kind', { exact: true }).selectOption({ label: 'Any kind' });

  await filters.getByLabel('Criticality', { exact: true }).selectOption({ label: 'Critical' });
  await expect(listRows(page)).toHaveCount(1);
  await expect(listRows(page).first()).toHaveAccessibleName('Monday merge script');
  await filters.getByLabel('Criticality', { exact: true }).selectOption({ label: 'Any criticality' });

  await filters.getByLabel('Sensitivity', { exact: true }).selectOption({ label: 'Restricted' });
  await expect(listRows(page)).toHaveCount(1);
  await expect(listRows(page).first()).toHaveAccessibleName('Returns database');
  await filters.getByLabel('Sensitivity', { exact: true }).selectOption({ label: 'Any sensitivity' });

  await filters.getByLabel('Stage', { exact: true }).selectOption({ label: 'Retired' });
  await expect(listRows(page)).toHaveCount(1);
  await expect(listRows(page).first()).toHaveAccessibleName('Archive macro');
  await filters.getByLabel('Stage', { exact: true }).selectOption({ label: 'Any stage' });

  await filters.getByLabel('Tag', { exact: true }).selectOption({ label: 'weekly' });
  await expect(listRows(page)).toHaveCount(1);
  await expect(listRows(page).first()).toHaveAccessibleName('Monday merge script');

  // Filters and search combine; "Clear all" brings everything back.
  await filters.getByLabel('Tag', { exact: true }).selectOption({ label: 'pricing' });
  await page.getByRole('searchbox', { name: 'Search your fieldbook' }).fill('returns');
  await expect(page.getByRole('heading', { name: 'Nothing matches “returns”' })).toBeVisible();
  await filters.getByRole('button', { name: 'Clear all' }).click();
  await expect(listRows(page)).toHaveCount(4);
});

test('sorting changes the order', async ({ page }) => {
  await expect(listRows(page).first()).toHaveAccessibleName('Archive macro');
  const sort = page.getByLabel('Sort by');

  await sort.selectOption({ label: 'Name, Z to A' });
  await expect(listRows(page).first()).toHaveAccessibleName('Returns database');

  await sort.selectOption({ label: 'Criticality, highest first' });
  await expect(listRows(page).nth(0)).toHaveAccessibleName('Monday merge script');
  await expect(listRows(page).nth(1)).toHaveAccessibleName('Pricing workbook');

  await sort.selectOption({ label: 'Owner, A to Z' });
  await expect(listRows(page).nth(0)).toHaveAccessibleName('Returns database');
  await expect(listRows(page).nth(3)).toHaveAccessibleName('Archive macro');

  await sort.selectOption({ label: 'Kind, A to Z' });
  await expect(listRows(page).nth(0)).toHaveAccessibleName('Returns database');
});
