import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createEntries, expectSaved, findingGroup, openEntryAt, unfoldGroup } from './helpers';

const repoRoot = resolve(import.meta.dirname, '../..');
/** The development corpus: read from, never written to. */
const corpus = join(repoRoot, '..', 'shared', 'corpus');

/** Copies a corpus file into the test's own folder (so nothing is ever written next to the corpus). */
async function copyFromCorpus(folder: string, file: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const target = join(folder, file.split('/').pop()!);
  await copyFile(join(corpus, file), target);
  return target;
}

async function startFromFile(page: Page, path: string) {
  await page.getByRole('button', { name: 'New entry' }).click();
  const dialog = page.getByRole('dialog', { name: 'New entry' });
  await dialog.getByRole('radio', { name: 'From a file' }).check();
  await dialog.getByLabel('File path').fill(path);
  await dialog.getByRole('button', { name: 'Read it' }).click();
  return dialog;
}

function filesRegion(page: Page) {
  return page.getByRole('region', { name: 'What is in its files' });
}

test('she starts a new entry from a file: Fieldbook reads it, prefills the entry, and she confirms what it suggests', async ({
  page,
  fieldbook,
}, testInfo) => {
  void fieldbook;
  const path = await copyFromCorpus(testInfo.outputPath('share'), 'tealeg-xlsx/testhyperlinks.xlsx');
  const dialog = await startFromFile(page, path);
  await expect(dialog.getByText('Shift+right-click → Copy as path')).toBeVisible();

  await expect(dialog.getByText('What Fieldbook found')).toBeVisible();
  await expect(dialog).toContainText('2 sheets; 3 formulas; labelled Internal');
  await expect(dialog.getByLabel('Name')).toHaveValue('testhyperlinks');
  await expect(dialog.getByLabel('Kind')).toHaveValue('spreadsheet');
  const owner = dialog.getByRole('checkbox', { name: 'Author in the file: Hanisch, Armin — use as owner?' });
  await expect(owner).not.toBeChecked();
  await owner.check();
  await expect(dialog.getByLabel('Sensitivity')).toHaveValue('internal');
  await expect(dialog.getByText('The file is labelled “Internal”.')).toBeVisible();
  await dialog.getByLabel('Name').fill('Link register');
  await dialog.getByRole('button', { name: 'Create entry' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Link register' })).toBeVisible();
  await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('Hanisch, Armin');
  await expect(page.getByLabel('Sensitivity', { exact: true })).toHaveValue('internal');
  await expect(page.getByRole('group', { name: 'Locations' }).getByRole('textbox', { name: 'Location 1' })).toHaveValue(
    testInfo.outputPath('share'),
  );
  await expect(filesRegion(page)).toContainText('2 sheets; 3 formulas; labelled Internal; last changed on 9 July 2020 by Armin Hanisch.');
  await expect(filesRegion(page)).toContainText(/Read just now/);
});

test('the data a file seems to hold is only suggested: what she ticks is kept, nothing else', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const folder = testInfo.outputPath('exports');
  await mkdir(folder, { recursive: true });
  const path = join(folder, 'customer_list.csv');
  await writeFile(
    path,
    'Name,E-mail,IBAN\nAnna Berg,anna.berg@example.com,DE89370400440532013000\nTom Weber,tom.weber@example.com,GB82WEST12345698765432\n',
  );
  const dialog = await startFromFile(page, `"${path}"`);
  const data = dialog.getByRole('group', { name: 'Data it seems to handle' });
  await expect(data.getByRole('checkbox')).toHaveCount(2);
  await expect(data.getByRole('checkbox', { name: 'Personal data (e-mail addresses found)' })).not.toBeChecked();
  await expect(data.getByRole('checkbox', { name: 'Financial data (IBANs found)' })).not.toBeChecked();
  await data.getByRole('checkbox', { name: 'Personal data (e-mail addresses found)' }).check();
  // No owner is named in a CSV file, so none is offered.
  await expect(dialog.getByRole('checkbox', { name: /Author in the file/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Create entry' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'customer list' })).toBeVisible();
  const handles = page.getByRole('group', { name: 'Data it handles' });
  await expect(handles.getByRole('checkbox', { name: 'Personal data' })).toBeChecked();
  await expect(handles.getByRole('checkbox', { name: 'Financial data' })).not.toBeChecked();
  const files = filesRegion(page);
  await expect(files).toContainText('A column of e-mail addresses and a column of IBANs');
  await files.getByRole('button', { name: 'Details of customer_list.csv' }).click();
  await expect(files.getByRole('heading', { name: /Personal data/ })).toBeVisible();
  await expect(files).toContainText('E-mail addresses: 2 in column B');
  // Kinds and places only: no value from the file is shown.
  await expect(files).not.toContainText('anna.berg@example.com');
  await expect(files).not.toContainText('DE89370400440532013000');
});

test('a file path that does not exist gets a clear error, and nothing typed is lost', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const folder = testInfo.outputPath('share');
  const missing = join(folder, 'Pricing 2026.xlsm');
  const dialog = await startFromFile(page, missing);
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The file does not exist (any more).');
  await expect(alert).toContainText('Check the path');
  await expect(dialog.getByLabel('File path')).toHaveValue(missing);
  await expect(dialog.getByRole('button', { name: 'Create entry' })).toHaveCount(0);

  // She corrects the path and carries on.
  const real = await copyFromCorpus(folder, 'oletools/excel4_sample_macro.xlsm');
  await dialog.getByLabel('File path').fill(real);
  await dialog.getByLabel('File path').press('Enter');
  await expect(dialog.getByLabel('Name')).toHaveValue('excel4 sample macro');
  await dialog.getByRole('button', { name: 'Create entry' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'excel4 sample macro' })).toBeVisible();

  // On the entry, a second path that does not exist shows the same calm error, and the path stays listed.
  await page.getByRole('textbox', { name: 'Add a file' }).fill(missing);
  await page.getByRole('textbox', { name: 'Add a file' }).press('Enter');
  await expectSaved(page);
  const files = filesRegion(page);
  const card = files.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Pricing 2026.xlsm' }) });
  await expect(card).toContainText('The file does not exist (any more).');
  await expect(card).toContainText('Check the path');
  await expect(page.getByRole('textbox', { name: 'File 2' })).toHaveValue(missing);
  await expect(files).toContainText('1 Excel 4.0 macro sheet');
});

test('a file added to an entry is read once saved, and "Read the files again" reads them now', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const path = await copyFromCorpus(testInfo.outputPath('share'), 'oletools/dde-test.xlsm');
  const [id] = await createEntries(page, [{ name: 'DDE test', kind: 'spreadsheet' }]);
  await openEntryAt(page, id!);
  const files = filesRegion(page);
  await expect(files).toContainText('Drop the tool’s file below, or add its full path under “Files” above');

  await page.getByRole('textbox', { name: 'Add a file' }).fill(path);
  await page.getByRole('textbox', { name: 'Add a file' }).press('Enter');
  await expectSaved(page);
  await expect(files).toContainText('1 sheet; 1 formula; links to 1 other file (DDE cmd /c calc.exe)');
  await expect(files.getByRole('heading', { name: 'dde-test.xlsm' })).toBeVisible();

  await files.getByRole('button', { name: 'Read the file again' }).click();
  await expect(files.getByRole('status')).toHaveText('Read 1 file.');
  await files.getByRole('button', { name: 'Details of dde-test.xlsm' }).click();
  await expect(files.getByRole('heading', { name: 'Links to other files' })).toBeVisible();
  await expect(files.getByRole('heading', { name: 'Properties' })).toBeVisible();
  await expect(files).toContainText('DDE cmd /c calc.exe');
});

test('guidelines waiting for the file are answered once she has Fieldbook read it', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const path = await copyFromCorpus(testInfo.outputPath('share'), 'apache-poi/56502.xlsx');
  const [id] = await createEntries(page, [
    { name: 'Consolidation', kind: 'spreadsheet', purpose: 'Consolidates the month.', owner: 'Anna Berg', files: [path] },
  ]);
  await openEntryAt(page, id!, 'guidelines');
  await unfoldGroup(page, 'Waiting for the file');
  const waiting = findingGroup(page, 'Waiting for the file');
  await expect(waiting.getByRole('button', { name: /Links point to files everyone can reach/ })).toBeVisible();
  await expect(page.getByText('file reading is coming')).toHaveCount(0);

  await waiting.getByRole('button', { name: 'Read the file now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Read 1 file. The guidelines were checked again.' })).toBeVisible();
  await expect(findingGroup(page, 'Not met yet').getByRole('button', { name: /Links point to files everyone can reach/ })).toBeVisible();
  await expect(waiting.getByRole('button', { name: /Links point to files everyone can reach/ })).toHaveCount(0);

  // The Details tab shows the same facts.
  await page.getByRole('tab', { name: 'Details' }).click();
  await expect(filesRegion(page)).toContainText('links to 1 other file (/Users/fba.LNAG/LucaNet/Excel-Add-In/lucanet.xla)');
});
