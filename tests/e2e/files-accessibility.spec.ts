import AxeBuilder from '@axe-core/playwright';
import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createEntries, openEntryAt, unfoldGroup } from './helpers';

const corpus = join(resolve(import.meta.dirname, '../..'), '..', 'shared', 'corpus');

/** The same rules as accessibility.spec.ts: WCAG 2.0/2.1/2.2 A and AA plus best practices, zero violations. */
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

    test('an entry’s files, read, with details open and one missing, have no accessibility violations', async ({ page, fieldbook }, testInfo) => {
      void fieldbook;
      const folder = testInfo.outputPath('share');
      await mkdir(folder, { recursive: true });
      const workbook = join(folder, 'excel4_sample_macro.xlsm');
      const linked = join(folder, '56502.xlsx');
      await copyFile(join(corpus, 'oletools', 'excel4_sample_macro.xlsm'), workbook);
      await copyFile(join(corpus, 'apache-poi', '56502.xlsx'), linked);
      const [id] = await createEntries(page, [
        { name: 'Month-end pack', kind: 'spreadsheet', owner: 'Anna Berg', files: [workbook, linked, join(folder, 'Gone.xlsx')] },
      ]);
      await openEntryAt(page, id!, 'guidelines');
      await unfoldGroup(page, 'Waiting for the file');
      await expectNoViolations(page);

      await page.getByRole('button', { name: 'Read the files now' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'The guidelines were checked again.' })).toBeVisible();
      await expectNoViolations(page);

      await page.getByRole('tab', { name: 'Details' }).click();
      const files = page.getByRole('region', { name: 'What is in its files' });
      await expect(files).toContainText('The file does not exist (any more).');
      await files.getByRole('button', { name: 'Details of excel4_sample_macro.xlsm' }).click();
      await files.getByRole('button', { name: 'Details of 56502.xlsx' }).click();
      await expect(files.getByRole('heading', { name: 'Links to other files' })).toBeVisible();
      await expectNoViolations(page);
    });

    test('a new entry from a file, read and prefilled, has no accessibility violations', async ({ page, fieldbook }, testInfo) => {
      void fieldbook;
      const folder = testInfo.outputPath('share');
      await mkdir(folder, { recursive: true });
      const path = join(folder, 'testhyperlinks.xlsx');
      await copyFile(join(corpus, 'tealeg-xlsx', 'testhyperlinks.xlsx'), path);
      await page.getByRole('button', { name: 'New entry' }).click();
      const dialog = page.getByRole('dialog', { name: 'New entry' });
      await dialog.getByRole('radio', { name: 'From a file' }).check();
      await dialog.getByLabel('File path').fill(join(folder, 'nope.xlsx'));
      await dialog.getByRole('button', { name: 'Read it' }).click();
      await expect(dialog.getByRole('alert')).toBeVisible();
      await expectNoViolations(page);
      await dialog.getByLabel('File path').fill(path);
      await dialog.getByRole('button', { name: 'Read it' }).click();
      await expect(dialog.getByRole('button', { name: 'Create entry' })).toBeVisible();
      await expectNoViolations(page);
    });
  });
}
