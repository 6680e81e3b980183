import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startHost, stopHost } from './fieldbookHost';
import { createEntries, listRows, openList } from './helpers';

const TOOLS = [
  { name: 'Quote pricing workbook', kind: 'spreadsheet', purpose: 'Prices every quote.', criticality: 'critical', owner: 'Anna Berg' },
  { name: 'Returns database', kind: 'database', purpose: 'Tracks returns.', criticality: 'high' },
  { name: 'Monday merge script', kind: 'script', purpose: 'Merges two exports every Monday.', criticality: 'low' },
];

async function openExport(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();
}

function previewRegion(page: Page) {
  return page.getByRole('region', { name: 'Preview', exact: true });
}

/** Clicks Download and returns what the browser saved (read at once, as the file is temporary). */
async function downloadExport(page: Page): Promise<{ download: Download; bytes: Buffer; text: string }> {
  const saved = page.waitForEvent('download');
  await previewRegion(page).getByRole('button', { name: 'Download' }).click();
  const download = await saved;
  const bytes = await readFile(await download.path());
  return { download, bytes, text: bytes.toString('utf8') };
}

/**
 * Runs axe with the same rules as accessibility.spec.ts: zero violations allowed. The preview
 * frame's document is left out: it may run no script, so axe cannot run inside it (it would wait
 * forever). That document is the HTML export, which export-html.spec.ts scans on its own.
 */
async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .exclude('iframe.export-frame')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.violations).toEqual([]);
}

test('the whole fieldbook previews as an HTML document, and downloads as HTML and as JSON; Markdown previews as text', async ({ page, fieldbook }) => {
  void fieldbook;
  await createEntries(page, TOOLS);
  await openExport(page);
  await expect(page.getByRole('radio', { name: 'All entries' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'HTML' })).toBeChecked();
  // Every format is offered here, in both hosts.
  for (const format of ['Markdown', 'HTML', 'PDF', 'Excel workbook', 'CSV', 'JSON']) await expect(page.getByRole('radio', { name: format })).toBeEnabled();

  // HTML: the document itself, in a frame that may run nothing.
  const frame = previewRegion(page).getByTitle(/^Preview of fieldbook-\d{4}-\d{2}-\d{2}\.html$/);
  // No scripts, forms, popups or navigation; the app's origin only so the page can style it with the export's stylesheet.
  await expect(frame).toHaveAttribute('sandbox', 'allow-same-origin');
  const inside = frame.contentFrame();
  await expect(inside.getByRole('heading', { level: 1 })).toBeVisible();
  // Styled as the file will be (the export's 2.3rem title, its accent colour on entry sections).
  await expect(inside.getByRole('heading', { level: 1 })).toHaveCSS('font-size', '36.8px');
  await expect(inside.getByRole('link', { name: 'Skip to the documentation' })).not.toBeInViewport();
  for (const tool of TOOLS) await expect(inside.getByRole('heading', { level: 2, name: tool.name })).toBeVisible();

  // The HTML file is what the frame showed.
  const html = await downloadExport(page);
  expect(html.download.suggestedFilename()).toMatch(/^fieldbook-\d{4}-\d{2}-\d{2}\.html$/);
  for (const tool of TOOLS) expect(html.text).toContain(tool.name);
  await expect(previewRegion(page).getByRole('status')).toHaveText(`Downloaded “${html.download.suggestedFilename()}”.`);

  // Markdown: read-only text (the folder downloads as a .zip: export-download.spec.ts).
  await page.getByRole('radio', { name: 'Markdown' }).check();
  const code = previewRegion(page).getByRole('region', { name: /^Markdown preview of/ });
  await expect(code).toContainText('Quote pricing workbook');
  await expect(code).toContainText('Monday merge script');

  // JSON: everything, in the format Fieldbook imports back.
  await page.getByRole('radio', { name: 'JSON' }).check();
  await expect(previewRegion(page).getByRole('region', { name: /^JSON preview of/ })).toContainText('"fieldbook-export"');
  const json = await downloadExport(page);
  expect(json.download.suggestedFilename()).toMatch(/^fieldbook-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(json.text) as { format: string; entries: { entry: { name: string } }[] };
  expect(data.format).toBe('fieldbook-export');
  expect(data.entries.map((record) => record.entry.name).sort()).toEqual(TOOLS.map((tool) => tool.name).sort());
});

test('one entry is found by typing, and her last choices are there again after a reload', async ({ page, fieldbook }) => {
  void fieldbook;
  await createEntries(page, TOOLS);
  await openExport(page);
  await page.getByRole('radio', { name: 'One entry' }).check();
  await expect(previewRegion(page).getByRole('status')).toHaveText('Pick an entry to see its preview.');
  await expect(previewRegion(page).getByRole('button', { name: 'Download' })).toBeDisabled();

  const picker = page.getByRole('combobox', { name: 'Which entry' });
  await picker.fill('retu');
  await expect(page.getByRole('option', { name: /Returns database/ })).toBeVisible();
  await picker.press('ArrowDown');
  await picker.press('Enter');
  await expect(picker).toHaveValue('Returns database');
  await page.getByRole('radio', { name: 'CSV' }).check();
  const code = previewRegion(page).getByRole('region', { name: 'CSV preview of returns-database.csv' });
  await expect(code).toContainText('Returns database');
  await expect(code).not.toContainText('Quote pricing workbook');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'One entry' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'CSV' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Which entry' })).toHaveValue('Returns database');
  await expect(previewRegion(page).getByRole('region', { name: 'CSV preview of returns-database.csv' })).toContainText('Returns database');
  const csv = await downloadExport(page);
  expect(csv.download.suggestedFilename()).toBe('returns-database.csv');
  expect(csv.text).toContain('Returns database');
  expect(csv.text).not.toContain('Monday merge script');
});

test('a JSON export moves the fieldbook to a fresh one on another computer', async ({ page, fieldbook }) => {
  void fieldbook;
  await createEntries(page, TOOLS);
  await openExport(page);
  await page.getByRole('radio', { name: 'JSON' }).check();
  const { bytes: backup } = await downloadExport(page);

  // "The other laptop": a second, empty fieldbook in its own data folder.
  const otherDir = await mkdtemp(join(tmpdir(), 'fieldbook-e2e-other-'));
  const other = await startHost(otherDir);
  try {
    await page.goto(other.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to your fieldbook' })).toBeVisible();
    await openExport(page);
    await page.getByLabel('Fieldbook export (.json)').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
    const preview = page.getByRole('region', { name: 'What importing “backup.json” will do' });
    const added = preview.getByRole('region', { name: /^Will be added/ });
    for (const tool of TOOLS) await expect(added).toContainText(tool.name);
    await expect(added.getByRole('listitem')).toHaveCount(TOOLS.length);
    await preview.getByRole('button', { name: 'Import' }).click();

    const done = page.getByRole('region', { name: 'Imported “backup.json”' });
    await expect(done.getByRole('heading', { name: 'Imported “backup.json”' })).toBeFocused();
    await expect(done.getByRole('region', { name: /^Added/ }).getByRole('listitem')).toHaveCount(TOOLS.length);
    await done.getByRole('link', { name: 'Open the fieldbook' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Fieldbook' })).toBeVisible();
    await expect(listRows(page)).toHaveCount(TOOLS.length);
    for (const tool of TOOLS) await expect(listRows(page).filter({ hasText: tool.name })).toHaveCount(1);

    // The same file again: everything is already here, so there is nothing to import.
    await openExport(page);
    await page.getByLabel('Fieldbook export (.json)').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
    const again = page.getByRole('region', { name: 'What importing “backup.json” will do' });
    await expect(again.getByRole('region', { name: /^Will be left as they are/ }).getByRole('listitem')).toHaveCount(TOOLS.length);
    await expect(again).toContainText('There is nothing to import');
    await expect(again.getByRole('button', { name: 'Import' })).toHaveCount(0);
  } finally {
    await stopHost(other);
    await rm(otherDir, { recursive: true, force: true });
  }
});

test('a broken or foreign file is refused with what is wrong, and nothing changes', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  await createEntries(page, TOOLS);
  await openExport(page);
  await page.getByRole('radio', { name: 'JSON' }).check();
  const { text } = await downloadExport(page);

  const cutOff = testInfo.outputPath('cut-off.json');
  // Cut in the middle of a name, as a copy that stopped half-way would be.
  await writeFile(cutOff, text.slice(0, text.indexOf('Returns database') + 4));
  await page.getByLabel('Fieldbook export (.json)').setInputFiles(cutOff);
  const card = page.getByRole('region', { name: 'Import a fieldbook' });
  await expect(card.getByRole('alert')).toContainText('“cut-off.json” cannot be imported.');
  await expect(card.getByRole('alert')).toContainText('The file is cut off');
  await expect(card.getByRole('alert')).toContainText('Nothing in your fieldbook was changed.');

  await card.getByRole('button', { name: 'Choose another file' }).click();
  await expect(card.getByRole('alert')).toHaveCount(0);
  const foreign = testInfo.outputPath('foreign.json');
  await writeFile(foreign, JSON.stringify({ format: 'someone-elses-backup', version: 1, items: [] }));
  await page.getByLabel('Fieldbook export (.json)').setInputFiles(foreign);
  await expect(card.getByRole('alert')).toContainText('The file is not a Fieldbook export');
  await expect(card.getByRole('button', { name: 'Import' })).toHaveCount(0);

  await openList(page);
  await expect(listRows(page)).toHaveCount(TOOLS.length);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the Export view has no accessibility violations in the ${colorScheme} theme`, async ({ page, fieldbook }, testInfo) => {
    void fieldbook;
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await createEntries(page, TOOLS);
    await openExport(page);
    await expect(previewRegion(page).getByTitle(/^Preview of /).contentFrame().getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`export-html-${colorScheme}.png`), fullPage: true });

    // Markdown in text, one entry picked, and an import preview.
    await page.getByRole('radio', { name: 'One entry' }).check();
    await page.getByRole('combobox', { name: 'Which entry' }).fill('Quote');
    await expect(page.getByRole('option', { name: /Quote pricing workbook/ })).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole('option', { name: /Quote pricing workbook/ }).click();
    await page.getByRole('radio', { name: 'Markdown' }).check();
    await expect(previewRegion(page).getByRole('region', { name: /^Markdown preview of/ })).toContainText('Quote pricing workbook');
    const backup = testInfo.outputPath('backup.json');
    await writeFile(backup, JSON.stringify({ format: 'fieldbook-export', version: 1 }));
    await page.getByLabel('Fieldbook export (.json)').setInputFiles(backup);
    await expect(page.getByRole('region', { name: 'Import a fieldbook' }).getByRole('alert')).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole('region', { name: 'Import a fieldbook' }).screenshot({ path: testInfo.outputPath(`export-import-${colorScheme}.png`) });
  });
}
