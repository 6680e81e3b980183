import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { listRows, openList } from './helpers';

const repoRoot = resolve(import.meta.dirname, '../..');
/** The development corpus: read from, never written to. */
const corpus = join(repoRoot, '..', 'shared', 'corpus');

const MERGE_SCRIPT = `import csv

def merge(a, b, out):
    with open(out, "w", newline="") as target:
        writer = csv.writer(target)
        for name in (a, b):
            with open(name, newline="") as source:
                writer.writerows(csv.reader(source))
`;

/** A small team share: two workbooks from the corpus, a script in a subfolder, and a note that is not a tool. */
async function teamShare(folder: string): Promise<string> {
  await mkdir(join(folder, 'Scripts'), { recursive: true });
  await copyFile(join(corpus, 'oletools', 'dde-test.xlsm'), join(folder, 'dde-test.xlsm'));
  await copyFile(join(corpus, 'oletools', 'excel4_sample_macro.xlsm'), join(folder, 'excel4_sample_macro.xlsm'));
  await writeFile(join(folder, 'Scripts', 'monday_merge.py'), MERGE_SCRIPT);
  await writeFile(join(folder, 'notes.txt'), 'Remember to send the rota on Fridays.\n');
  return folder;
}

async function openFindTools(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find tools' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find tools in a folder' })).toBeVisible();
}

test('she looks through a folder, sees the tools found and why, and adds the two she picks', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const folder = await teamShare(testInfo.outputPath('team-share'));
  await openFindTools(page);
  await page.getByLabel('Folder', { exact: true }).fill(folder);
  await page.getByRole('button', { name: 'Look for tools' }).click();

  const progress = page.getByRole('region', { name: /^Looke?d? through the folder$/ });
  await expect(progress).toContainText(folder);
  await expect(progress).toContainText('Done: looked at 4 files and found 3 tools.');
  await expect(page.getByRole('status').filter({ hasText: 'Done: looked at 4 files' })).toBeAttached();

  const found = page.getByRole('list', { name: 'Tools found' });
  await expect(found.getByRole('checkbox')).toHaveCount(3);
  const ddeRow = found.getByRole('listitem').filter({ hasText: 'dde-test.xlsm' });
  await expect(ddeRow.getByRole('list', { name: 'Why it looks like a tool' })).toContainText('links to 1 other workbook');
  await expect(ddeRow).toContainText(folder);
  const xlmRow = found.getByRole('listitem').filter({ hasText: 'excel4_sample_macro.xlsm' });
  await expect(xlmRow).toContainText('Excel 4.0 macro sheets');
  await expect(xlmRow).toContainText('1 Excel 4.0 macro sheet');
  await expect(found.getByRole('listitem').filter({ hasText: 'monday_merge.py' })).toContainText('a script');

  // Select all, then none, then the two workbooks.
  await page.getByRole('button', { name: 'Select all' }).click();
  await expect(page.getByRole('button', { name: 'Add 3 to my fieldbook' })).toBeEnabled();
  await page.getByRole('button', { name: 'Select none' }).click();
  await expect(page.getByRole('button', { name: 'Add to my fieldbook' })).toBeDisabled();
  await found.getByRole('checkbox', { name: 'dde-test.xlsm' }).check();
  await found.getByRole('checkbox', { name: 'excel4_sample_macro.xlsm' }).check();
  await page.getByRole('button', { name: 'Add 2 to my fieldbook' }).click();

  const toast = page.getByRole('region', { name: 'Notifications' });
  await expect(toast).toContainText('Added 2 tools to your fieldbook.');
  await expect(found.getByRole('link', { name: /In your fieldbook/ })).toHaveCount(2);
  await expect(found.getByRole('checkbox')).toHaveCount(1);

  await toast.getByRole('link', { name: 'Open the fieldbook' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fieldbook' })).toBeVisible();
  await expect(listRows(page)).toHaveCount(2);
  await listRows(page).filter({ hasText: 'excel4 sample macro' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'excel4 sample macro' })).toBeVisible();

  // The entry has the file attached, and shows what Fieldbook found in it.
  await expect(page.getByRole('group', { name: 'Files' }).getByRole('textbox', { name: 'File 1' })).toHaveValue(
    join(folder, 'excel4_sample_macro.xlsm'),
  );
  const files = page.getByRole('region', { name: 'What is in its files' });
  await expect(files).toContainText('2 sheets; 2 formulas; 1 Excel 4.0 macro sheet');
  await expect(files).toContainText('Fieldbook only reads this file.');
  await files.getByRole('button', { name: 'Details of excel4_sample_macro.xlsm' }).click();
  await expect(files.getByRole('heading', { name: 'Sheets' })).toBeVisible();
  await expect(files).toContainText('Excel 4.0 macro sheet');
  await expect(files).toContainText('Philippe Lagadec');
});

test('a long look through a folder can be cancelled, and says so', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const folder = testInfo.outputPath('many-scripts');
  // Four long scripts (12 MB each, about half a second each to read here) keep the look going until
  // she clicks Cancel; a thousand small ones alone were sometimes all read before the click.
  await mkdir(folder, { recursive: true });
  const long = Buffer.from('print("merge the monthly exports")\n'.repeat(350_000));
  for (let index = 0; index < 4; index += 1) await writeFile(join(folder, `long_merge_${index}.py`), long);
  for (let part = 0; part < 10; part += 1) {
    const sub = join(folder, `part-${part}`);
    await mkdir(sub, { recursive: true });
    await Promise.all(
      Array.from({ length: 100 }, (_, index) => writeFile(join(sub, `task_${index}.py`), `print("task ${part}-${index}")\n`)),
    );
  }
  await openFindTools(page);
  await page.getByLabel('Folder', { exact: true }).fill(folder);
  await page.getByRole('button', { name: 'Look for tools' }).click();
  await expect(page.getByRole('progressbar', { name: 'Looking through the folder' })).toBeVisible();
  await expect(page.getByText(/files looked at · \d+ tools? found/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  const progress = page.getByRole('region', { name: 'Looked through the folder' });
  await expect(progress).toContainText(/Cancelled after looking at [\d,]+ files/);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Tools found' })).toBeVisible();
  // She can start again.
  await expect(page.getByRole('button', { name: 'Look for tools' })).toBeEnabled();
});

test('a folder that does not exist says so and what to do, and a folder without tools says that calmly', async ({
  page,
  fieldbook,
}, testInfo) => {
  void fieldbook;
  await openFindTools(page);
  const missing = testInfo.outputPath('no-such-folder');
  await page.getByLabel('Folder', { exact: true }).fill(`"${missing}"`);
  await page.getByRole('button', { name: 'Look for tools' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('cannot be found or opened');
  await expect(alert).toContainText('Check the path');
  // The typed folder stays (without the quotes Explorer adds), to correct it.
  await expect(page.getByLabel('Folder', { exact: true })).toHaveValue(missing);

  const empty = testInfo.outputPath('only-notes');
  await mkdir(empty, { recursive: true });
  await writeFile(join(empty, 'notes.txt'), 'Nothing to see.\n');
  await page.getByLabel('Folder', { exact: true }).fill(empty);
  await page.getByRole('button', { name: 'Look for tools' }).click();
  await expect(page.getByRole('region', { name: 'Tools found' })).toContainText('No tools turned up here');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('Home’s welcome offers to find tools in a folder', async ({ page, fieldbook }) => {
  void fieldbook;
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to your fieldbook' })).toBeVisible();
  await page.getByRole('link', { name: 'Find tools in a folder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find tools in a folder' })).toBeVisible();
  await openList(page);
});
