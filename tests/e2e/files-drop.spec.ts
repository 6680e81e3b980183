import AxeBuilder from '@axe-core/playwright';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createEntries, expectSaved, openEntryAt } from './helpers';

/** The development corpus: read from, never written to. */
const corpus = join(resolve(import.meta.dirname, '../..'), '..', 'shared', 'corpus');

async function copyFromCorpus(folder: string, file: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const target = join(folder, file.split('/').pop()!);
  await copyFile(join(corpus, file), target);
  return target;
}

async function openFromFile(page: Page) {
  await page.getByRole('button', { name: 'New entry' }).click();
  const dialog = page.getByRole('dialog', { name: 'New entry' });
  await dialog.getByRole('radio', { name: 'From a file' }).check();
  return dialog;
}

/**
 * Drops files on a drop zone the way Chromium delivers a drop: a DataTransfer holding File
 * objects with the real bytes. (Automation cannot start an operating-system drag.)
 */
async function dropFiles(page: Page, zone: Locator, files: { name: string; bytes?: Buffer; folder?: boolean }[]): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, bytes: [...(file.bytes ?? Buffer.alloc(0))], folder: file.folder ?? false }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) transfer.items.add(new File([new Uint8Array(file.bytes)], file.name));
    // Stand-in for a folder: Chromium marks dropped folders through webkitGetAsEntry only for a
    // drag that starts outside the page, which automation cannot do. Named folders answer as one.
    const folders = new Set(list.filter((file) => file.folder).map((file) => file.name));
    const original = DataTransferItem.prototype.webkitGetAsEntry;
    DataTransferItem.prototype.webkitGetAsEntry = function (this: DataTransferItem) {
      const name = this.getAsFile()?.name ?? '';
      return folders.has(name) ? ({ isDirectory: true, isFile: false, name } as unknown as FileSystemEntry) : original.call(this);
    };
    return transfer;
  }, payload);
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

/**
 * Stand-in for the desktop app's preload (no Electron binary here): window.fieldbook.pathForFile
 * answers with the path a test gives per file name. Calls still go to the browser host, as the
 * bridge was installed when the page loaded; only the "where does this file live" question is faked.
 */
async function actAsDesktop(page: Page, paths: Record<string, string>): Promise<void> {
  await page.evaluate((known) => {
    (window as unknown as { fieldbook: object }).fieldbook = { pathForFile: (file: File) => known[file.name] ?? '' };
  }, paths);
}

async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations).toEqual([]);
}

const filesRegion = (page: Page) => page.getByRole('region', { name: 'What is in its files' });

test('in a browser tab, she picks a file: Fieldbook reads a private copy, says so, and asks where the file lives', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const path = await copyFromCorpus(testInfo.outputPath('share'), 'tealeg-xlsx/testhyperlinks.xlsx');
  const dialog = await openFromFile(page);
  await expect(dialog.getByText('In a browser tab, Fieldbook reads a private copy of the file, deletes it straight away')).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(path);

  await expect(dialog).toContainText('Read from a copy of “testhyperlinks.xlsx”. A browser tab cannot see where a dropped file lives');
  await expect(dialog).toContainText('2 sheets; 3 formulas; labelled Internal');
  await expect(dialog.getByLabel('Name')).toHaveValue('testhyperlinks');
  await expect(dialog.getByLabel('Sensitivity')).toHaveValue('internal');
  await dialog.getByLabel('Where the file lives').fill(path);
  await dialog.getByRole('button', { name: 'Create entry' }).click();

  // The entry lists the file where it lives, and Fieldbook read it there.
  await expect(page.getByRole('heading', { level: 1, name: 'testhyperlinks' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'File 1' })).toHaveValue(path);
  await expect(page.getByRole('group', { name: 'Locations' }).getByRole('textbox', { name: 'Location 1' })).toHaveValue(testInfo.outputPath('share'));
  await expect(filesRegion(page)).toContainText('2 sheets; 3 formulas; labelled Internal');
  await expect(filesRegion(page)).toContainText(/Read just now/);
});

test('the file picker works from the keyboard', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const path = await copyFromCorpus(testInfo.outputPath('share'), 'oletools/excel4_sample_macro.xlsm');
  const dialog = await openFromFile(page);
  await expect(dialog.getByLabel('File path')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Choose a file…' })).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(path);
  await expect(dialog.getByLabel('Name')).toHaveValue('excel4 sample macro');
});

test('in a browser tab, a file dropped on an entry’s files is read from a copy, then added where she says it lives', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const path = await copyFromCorpus(testInfo.outputPath('share'), 'oletools/excel4_sample_macro.xlsm');
  const [id] = await createEntries(page, [{ name: 'Month-end pack', kind: 'spreadsheet' }]);
  await openEntryAt(page, id!);
  const files = filesRegion(page);
  await dropFiles(page, files.getByTestId('drop-zone'), [{ name: 'excel4_sample_macro.xlsm', bytes: await readFile(path) }]);

  const copy = files.getByRole('form', { name: 'Copy of excel4_sample_macro.xlsm' });
  await expect(copy).toContainText('Read from a copy of “excel4_sample_macro.xlsm”');
  await expect(copy).toContainText('1 Excel 4.0 macro sheet');
  await expect(copy.getByRole('button', { name: 'Add to this entry' })).toBeDisabled();
  await copy.getByLabel('Where “excel4_sample_macro.xlsm” lives').fill(path);
  await copy.getByRole('button', { name: 'Add to this entry' }).click();

  await expect(copy).toHaveCount(0);
  await expectSaved(page);
  await expect(page.getByRole('textbox', { name: 'File 1' })).toHaveValue(path);
  await expect(files.getByRole('heading', { name: 'excel4_sample_macro.xlsm' })).toBeVisible();
  await expect(files).toContainText('1 Excel 4.0 macro sheet');
});

test('in a browser tab, a dropped folder is explained: its location cannot be known there', async ({ page, fieldbook }) => {
  void fieldbook;
  const dialog = await openFromFile(page);
  await dropFiles(page, dialog.getByTestId('drop-zone'), [{ name: 'Finance', folder: true }]);
  await expect(dialog).toContainText('“Finance” is a folder. A browser tab cannot see where a dropped folder lives');
  await dialog.getByRole('link', { name: 'Open Find tools' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find tools in a folder' })).toBeVisible();
});

test('in the desktop app, a dropped file is read where it lives, and a dropped folder starts Find tools', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const share = testInfo.outputPath('Finance share');
  const workbook = await copyFromCorpus(share, 'oletools/excel4_sample_macro.xlsm');
  await actAsDesktop(page, { 'excel4_sample_macro.xlsm': workbook, 'Finance share': share });

  let dialog = await openFromFile(page);
  await dropFiles(page, dialog.getByTestId('drop-zone'), [{ name: 'excel4_sample_macro.xlsm', bytes: Buffer.from('not the bytes: the path is read') }]);
  await expect(dialog.getByLabel('File path')).toHaveValue(workbook);
  await expect(dialog.getByLabel('Name')).toHaveValue('excel4 sample macro');
  await expect(dialog).not.toContainText('Read from a copy');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  dialog = await openFromFile(page);
  await dropFiles(page, dialog.getByTestId('drop-zone'), [{ name: 'Finance share', folder: true }]);
  await expect(page.getByRole('heading', { level: 1, name: 'Find tools in a folder' })).toBeVisible();
  await expect(page.getByLabel('Folder', { exact: true })).toHaveValue(share);
  const found = page.getByRole('list', { name: 'Tools found' });
  await expect(found.getByText('excel4_sample_macro.xlsm')).toBeVisible({ timeout: 20_000 });
});

test('a file dropped outside a drop zone is refused, so the browser does not open it in place of Fieldbook', async ({ page, fieldbook }) => {
  void fieldbook;
  const outcome = (target: 'heading' | 'zone') =>
    page.evaluate((where) => {
      const element = where === 'heading' ? document.querySelector('h1')! : document.querySelector('[data-testid="drop-zone"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File(['a,b\n1,2\n'], 'prices.csv'));
      const over = new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true });
      element.dispatchEvent(over);
      const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
      element.dispatchEvent(drop);
      return { overPrevented: over.defaultPrevented, dropPrevented: drop.defaultPrevented };
    }, target);
  const url = page.url();
  // Cancelled, so the browser's own handling (opening the file) does not happen.
  expect(await outcome('heading')).toEqual({ overPrevented: true, dropPrevented: true });
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // A drop zone still takes the file, and says what it read.
  const dialog = await openFromFile(page);
  await expect(dialog.getByTestId('drop-zone')).toBeVisible();
  expect(await outcome('zone')).toEqual({ overPrevented: true, dropPrevented: true });
  await expect(dialog).toContainText('Read from a copy of “prices.csv”');
});

test('in the desktop app, “Choose a folder…” looks through the folder she picks in the system dialog', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  const share = testInfo.outputPath('Team share');
  await copyFromCorpus(share, 'oletools/excel4_sample_macro.xlsm');
  await actAsDesktop(page, {});
  // Stand-in for the one thing Electron does here: its folder dialog answers with the folder she chose
  // (main/app/chooseFolder.ts, tested in tests/unit/electron-choose-folder.test.ts). The look-through is real.
  let asked = 0;
  await page.route('**/api/call/files.chooseFolder', (route) => {
    asked++;
    return route.fulfill({ json: { ok: true, value: { folder: asked === 1 ? null : share } } });
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find tools' }).click();
  const choose = page.getByRole('button', { name: 'Choose a folder…' });

  // She closes the dialog without choosing: nothing starts, nothing is filled in.
  await choose.click();
  await expect.poll(() => asked).toBe(1);
  await expect(page.getByLabel('Folder', { exact: true })).toHaveValue('');
  await expect(page.getByRole('list', { name: 'Tools found' })).toHaveCount(0);

  await choose.click();
  await expect(page.getByLabel('Folder', { exact: true })).toHaveValue(share);
  await expect(page.getByRole('list', { name: 'Tools found' }).getByText('excel4_sample_macro.xlsm')).toBeVisible({ timeout: 20_000 });
  await expectNoViolations(page);
});

test('in a browser tab, Find tools offers no folder dialog: a tab cannot tell where a folder is', async ({ page, fieldbook }) => {
  void fieldbook;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find tools' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find tools in a folder' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Look for tools' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Choose a folder…' })).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`drop zones, a copy waiting for its location and a note about a folder have no accessibility violations (${colorScheme})`, async ({ page, fieldbook }, testInfo) => {
    void fieldbook;
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const path = await copyFromCorpus(testInfo.outputPath('share'), 'tealeg-xlsx/testhyperlinks.xlsx');
    const dialog = await openFromFile(page);
    await dropFiles(page, dialog.getByTestId('drop-zone'), [{ name: 'Finance', folder: true }]);
    await expect(dialog).toContainText('is a folder');
    await expectNoViolations(page);
    await dropFiles(page, dialog.getByTestId('drop-zone'), [{ name: 'testhyperlinks.xlsx', bytes: await readFile(path) }]);
    await expect(dialog.getByLabel('Where the file lives')).toBeVisible();
    await expectNoViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const [id] = await createEntries(page, [{ name: 'Link register', kind: 'spreadsheet' }]);
    await openEntryAt(page, id!);
    await dropFiles(page, filesRegion(page).getByTestId('drop-zone'), [{ name: 'testhyperlinks.xlsx', bytes: await readFile(path) }]);
    await expect(filesRegion(page).getByRole('button', { name: 'Add to this entry' })).toBeVisible();
    await expect(filesRegion(page)).toContainText('2 sheets');
    await expectNoViolations(page);
  });
}
