/**
 * PDF export in real Electron: the desktop app prints with its own printToPDF (main/app/printToPdf.ts),
 * not with an installed Chromium, and the hidden print window is gone afterwards. Skips (with the
 * reason) where no Electron binary exists; tests/unit/export-electron-pdf.test.ts checks the same
 * wiring in Node against a stand-in window.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { launchFieldbook, lookup, SKIP_REASON, type LaunchedFieldbook } from './electronApp';

test.skip(!lookup.binary, SKIP_REASON);

let fieldbook: LaunchedFieldbook;
let savedChromiumPath: string | undefined;

test.beforeEach(async () => {
  // Points the headless-Chromium printer nowhere: if the app did not print with Electron, it would fail.
  savedChromiumPath = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = '/nonexistent/chromium';
  fieldbook = await launchFieldbook();
});

test.afterEach(async () => {
  await fieldbook?.close();
  if (savedChromiumPath === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = savedChromiumPath;
});

test('a PDF of the fieldbook is printed by Electron itself, with pages that render, and the print window is closed', async () => {
  const testInfo = test.info();
  const { app, page } = fieldbook;
  const result = await page.evaluate(async () => {
    const bridge = (window as unknown as { fieldbook: import('../../shared/contract').FieldbookBridge }).fieldbook;
    for (const name of ['Quote pricing workbook', 'Returns database']) {
      await bridge.call('entries.create', { fields: { name, kind: 'spreadsheet', purpose: `What ${name} does.` } });
    }
    // CHROMIUM_PATH points nowhere (beforeEach): only Electron's printToPDF can make this PDF.
    return bridge.call('export.download', { format: 'pdf' });
  });
  expect(result).toMatchObject({ ok: true, value: { mimeType: 'application/pdf', fileName: expect.stringMatching(/\.pdf$/) } });
  const bytes = Buffer.from((result as { value: { base64: string } }).value.base64, 'base64');
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const pdf = testInfo.outputPath('fieldbook.pdf');
  writeFileSync(pdf, bytes);
  const rendered = spawnSync('pdftoppm', ['-r', '30', '-png', pdf, testInfo.outputPath('page')], { encoding: 'utf8' });
  expect(rendered.status, rendered.stderr).toBe(0);
  // Cover, contents, diagram and a page per entry.
  expect(readdirSync(testInfo.outputDir).filter((name) => name.startsWith('page')).length).toBeGreaterThanOrEqual(4);
  const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
  expect(text).toContain('Quote pricing workbook');

  // The hidden print window was destroyed: only Fieldbook's own window is left.
  expect(app.windows()).toHaveLength(1);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('the Export view offers PDF and shows what it will print', async () => {
  const { page } = fieldbook;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Export' }).click();
  await page.getByRole('radio', { name: 'PDF' }).check();
  const preview = page.getByRole('region', { name: 'Preview', exact: true });
  await expect(preview.getByText('The PDF is printed from this document')).toBeVisible();
  await expect(preview.getByRole('button', { name: 'Download' })).toBeEnabled();
});
