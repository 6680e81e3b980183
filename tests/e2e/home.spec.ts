import { expect, test } from './fixtures';
import { createEntries } from './helpers';

test('an empty fieldbook explains itself and offers to add the first tool', async ({ page, fieldbook }) => {
  void fieldbook;
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to your fieldbook' })).toBeVisible();
  await page.getByRole('button', { name: 'Add your first tool' }).click();
  await expect(page.getByRole('dialog', { name: 'New entry' })).toBeVisible();
});

test('Home counts the tools and lists what needs attention first', async ({ page, fieldbook }) => {
  void fieldbook;
  await createEntries(page, [
    {
      name: 'Pricing workbook',
      kind: 'spreadsheet',
      purpose: 'Prices every quote.',
      owner: 'Maria Keller',
      criticality: 'critical',
      dataCategories: ['customer'],
    },
    { name: 'Returns database', kind: 'database', purpose: 'Tracks returns.', owner: 'Anna Berg', criticality: 'high' },
    { name: 'Holiday planner', kind: 'spreadsheet', purpose: 'Plans holidays.', owner: 'Tom Weber', criticality: 'low' },
  ]);
  await page.reload();

  await expect(page.getByRole('heading', { level: 1, name: 'Your fieldbook' })).toBeVisible();
  const glance = page.getByRole('list', { name: 'At a glance' }).getByRole('listitem');
  await expect(glance.filter({ hasText: 'Tools written down' })).toContainText('3');
  await expect(glance.filter({ hasText: 'High or critical' })).toContainText('2');
  await expect(glance.filter({ hasText: 'Handle personal or customer data' })).toContainText('1');

  const byKind = page.getByRole('region', { name: 'By kind' });
  await expect(byKind).toContainText('Spreadsheet');
  await expect(byKind).toContainText('Database');

  // The critical workbook has nobody named as backup: it is worth a look, with the reason.
  const attention = page.getByRole('region', { name: 'Needs attention' });
  const pricing = attention.getByRole('link', { name: /Pricing workbook/ });
  await expect(pricing).toBeVisible();
  await expect(pricing.getByRole('listitem').first()).not.toBeEmpty();

  await expect(page.getByRole('region', { name: 'Recent changes' }).getByRole('link', { name: 'Holiday planner' })).toBeVisible();

  await pricing.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pricing workbook' })).toBeVisible();
});
