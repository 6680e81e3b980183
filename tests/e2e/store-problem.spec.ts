import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { createEntries } from './helpers';

test('a fieldbook that cannot be read gets a calm full-window message saying what to do', async ({ page, fieldbook }) => {
  await createEntries(page, [{ name: 'Pricing workbook', kind: 'spreadsheet' }]);
  await fieldbook.restart(async (dataDir) => {
    await writeFile(join(dataDir, 'fieldbook.sqlite'), 'this is not a database, just a damaged file');
  });

  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(main.getByText('Nothing you saved earlier has been changed.')).toBeVisible();
  await expect(main.getByRole('button', { name: 'Try again' })).toBeVisible();

  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.violations).toEqual([]);
});
