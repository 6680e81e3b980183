import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addEntry, createEntries, listRows, openList } from './helpers';

/** Runs axe with the WCAG 2.0/2.1/2.2 A and AA rules plus its best practices: zero violations allowed. */
async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.violations).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    });

    test('Home with an empty fieldbook has no accessibility violations', async ({ page, fieldbook }) => {
      void fieldbook;
      await expect(page.getByRole('heading', { level: 1, name: 'Welcome to your fieldbook' })).toBeVisible();
      await expectNoViolations(page);
    });

    test('Home, the list, an entry, its history and Settings have no accessibility violations', async ({ page, fieldbook }) => {
      void fieldbook;
      await createEntries(page, [
        { name: 'Pricing workbook', kind: 'spreadsheet', purpose: 'Prices quotes.', criticality: 'critical', tags: ['pricing'] },
        { name: 'Returns database', kind: 'database', criticality: 'high', lifecycle: 'being-replaced' },
        { name: 'Monday merge script', kind: 'script', criticality: 'low', sensitivity: 'internal' },
        { name: 'Survey tool', kind: 'saas', criticality: 'medium' },
      ]);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Your fieldbook' })).toBeVisible();
      await expectNoViolations(page);

      await openList(page);
      await expect(listRows(page)).toHaveCount(4);
      await listRows(page).first().click();
      await page.goBack();
      await expect(listRows(page).nth(0)).toHaveAttribute('aria-selected', 'true');
      await expectNoViolations(page);

      await addEntry(page, 'Freight calculator', 'Spreadsheet');
      await page.getByRole('combobox', { name: 'Add something it depends on' }).fill('Pricing');
      await expect(page.getByRole('option', { name: /Pricing workbook/ })).toBeVisible();
      await expectNoViolations(page);
      await page.getByRole('option', { name: /Pricing workbook/ }).click();
      await page.getByLabel('Name', { exact: true }).fill('');
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoViolations(page);
      await page.getByLabel('Name', { exact: true }).fill('Freight calculator');

      await page.getByRole('tab', { name: 'History' }).click();
      await expect(page.getByRole('list', { name: 'Revisions, newest first' })).toBeVisible();
      await expectNoViolations(page);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await expect(page.getByRole('region', { name: 'Where your data lives' })).toContainText(fieldbook.dataDir);
      await expectNoViolations(page);

      await page.getByRole('button', { name: 'New entry' }).click();
      await expect(page.getByRole('dialog', { name: 'New entry' })).toBeVisible();
      await expectNoViolations(page);
    });
  });
}
