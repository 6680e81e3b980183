import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { writeFile } from 'node:fs/promises';
import { addEntry, createEntries, findingGroup, listRows, openEntryAt, openGuidelines, openList, unfoldGroup } from './helpers';

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

    test('an entry’s guidelines, with questions, a set-aside and every group open, have no accessibility violations', async ({
      page,
      fieldbook,
    }) => {
      void fieldbook;
      const [workbook, survey] = await createEntries(page, [
        {
          name: 'Staff rota',
          kind: 'spreadsheet',
          purpose: 'Plans who works which shift.',
          owner: 'Anna Berg',
          dataCategories: ['employee'],
          files: ['Rota 2026.xlsm'],
        },
        { name: 'Survey tool', kind: 'saas', purpose: 'Customer surveys after each delivery.', owner: 'Anna Berg' },
      ]);
      await openEntryAt(page, workbook!, 'guidelines');
      for (const group of ['Waiting for the file', 'Met', 'Does not apply']) await unfoldGroup(page, group);
      // A select in a question, a question with choices that waits for the file, and the set-aside form with its error.
      await page.getByRole('button', { name: /Important tools have a backup owner/ }).click();
      await page.getByRole('button', { name: /Someone else can open a password-protected file/ }).click();
      const notMet = findingGroup(page, 'Not met yet');
      await notMet.getByRole('button').nth(1).click();
      await notMet.getByRole('button', { name: 'Set aside…' }).first().click();
      await page.getByRole('button', { name: 'Set aside', exact: true }).click();
      await expect(page.getByText('Say briefly why this guideline does not fit.')).toBeVisible();
      await expectNoViolations(page);

      await page.getByLabel('Why does this guideline not fit here?').fill('Covered by the HR system.');
      await page.getByRole('button', { name: 'Set aside', exact: true }).click();
      await expect(findingGroup(page, 'Set aside')).toContainText('Covered by the HR system.');
      await expectNoViolations(page);

      // SaaS questions: choices and free text, one answered.
      await openEntryAt(page, survey!, 'guidelines');
      await page.getByRole('button', { name: /People sign in to the SaaS tool/ }).click();
      await page.getByRole('button', { name: /Someone holds the SaaS contract/ }).click();
      const signOn = page.getByRole('form', { name: /^Answer: People sign in/ });
      await signOn.getByRole('radio', { name: 'No' }).check();
      await signOn.getByRole('button', { name: 'Save answer' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'People sign in' })).toBeVisible();
      await expectNoViolations(page);
    });

    test('the Guidelines screen, with a rule open and a pack refused, has no accessibility violations', async ({
      page,
      fieldbook,
    }, testInfo) => {
      void fieldbook;
      await openGuidelines(page);
      await page.getByRole('button', { name: /The tool has a named owner/ }).click();
      await page.getByRole('button', { name: /Links point to files everyone can reach/ }).click();
      await expectNoViolations(page);

      const broken = testInfo.outputPath('broken.yaml');
      await writeFile(
        broken,
        'fieldbookPack: 1\nid: acme.broken\nname: Broken\nversion: 1.0.0\npublisher: ACME IT\ndate: 2026-11-25\nrules:\n' +
          '  - { id: r, title: T, question: Q?, severity: advice, category: C, why: W, how: [H], check: entry.tem.size() > 0 }\n',
      );
      await page.getByLabel('Pack file (.yaml)').setInputFiles(broken);
      await page.getByRole('checkbox', { name: 'This is my own pack (unsigned)' }).check();
      await page.getByRole('button', { name: 'Import pack' }).click();
      await expect(page.getByRole('form', { name: 'Import a pack' }).getByRole('alert')).toContainText('No such key: tem');
      await page.getByRole('button', { name: 'Trust this publisher' }).click();
      await expect(page.getByText('Paste the key IT sent you.')).toBeVisible();
      await page.getByRole('searchbox', { name: 'Find a guideline' }).fill('macro');
      await expect(page.getByRole('status').filter({ hasText: /of \d+ guidelines match/ })).toBeVisible();
      await expectNoViolations(page);
    });
  });
}
