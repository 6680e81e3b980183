import AxeBuilder from '@axe-core/playwright';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

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

    test('Find tools, with an error, results, picks and added tools, has no accessibility violations', async ({ page, fieldbook }, testInfo) => {
      void fieldbook;
      const folder = testInfo.outputPath('team-share');
      await mkdir(join(folder, 'Scripts'), { recursive: true });
      await copyFile(join(corpus, 'oletools', 'dde-test.xlsm'), join(folder, 'dde-test.xlsm'));
      await copyFile(join(corpus, 'oletools', 'excel4_sample_macro.xlsm'), join(folder, 'excel4_sample_macro.xlsm'));
      await writeFile(join(folder, 'Scripts', 'monday_merge.py'), 'import csv\nprint("merged")\n');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find tools' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Find tools in a folder' })).toBeVisible();
      await expectNoViolations(page);

      await page.getByRole('button', { name: 'Look for tools' }).click();
      await expect(page.getByText('Give the path of a folder.')).toBeVisible();
      await page.getByLabel('Folder', { exact: true }).fill(join(folder, 'missing'));
      await page.getByRole('button', { name: 'Look for tools' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoViolations(page);

      await page.getByLabel('Folder', { exact: true }).fill(folder);
      await page.getByRole('button', { name: 'Look for tools' }).click();
      const found = page.getByRole('list', { name: 'Tools found' });
      await expect(found.getByRole('checkbox')).toHaveCount(3);
      await found.getByRole('checkbox', { name: 'dde-test.xlsm' }).check();
      await expectNoViolations(page);

      await page.getByRole('button', { name: 'Add 1 to my fieldbook' }).click();
      await expect(found.getByRole('link', { name: /In your fieldbook/ })).toHaveCount(1);
      await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Added 1 tool');
      await expectNoViolations(page);
    });
  });
}
