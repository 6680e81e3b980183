import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startHost, stopHost } from './fieldbookHost';
import { createEntries } from './helpers';

/**
 * Every format downloads from the Export view in the browser host: PDF (printed by headless
 * Chromium on the host's side), the Excel workbook and the Markdown folder (as a .zip). The files
 * are checked by independent readers: poppler turns the PDF's pages into images and text,
 * Debian's python3-openpyxl opens the workbook, Python's zipfile unpacks the folder.
 */

const FILES_SECTION = 'Files and what Fieldbook found in them';
const ADDRESS = 'anna.berg@example.com';

const TOOLS = [
  { name: 'Quote pricing workbook', kind: 'spreadsheet', purpose: 'Prices every quote.', criticality: 'critical', owner: 'Anna Berg' },
  { name: 'Returns database', kind: 'database', purpose: 'Tracks returns.', criticality: 'high' },
  { name: 'Monday merge script', kind: 'script', purpose: 'Merges two exports every Monday.', criticality: 'low' },
];

function previewRegion(page: Page) {
  return page.getByRole('region', { name: 'Preview', exact: true });
}

async function openExport(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();
}

/** Clicks Download and saves what the browser received under `dir`. */
async function download(page: Page, dir: string): Promise<{ name: string; path: string; bytes: Buffer }> {
  const saved = page.waitForEvent('download');
  await previewRegion(page).getByRole('button', { name: 'Download' }).click();
  const received = await saved;
  const path = join(dir, received.suggestedFilename());
  await received.saveAs(path);
  return { name: received.suggestedFilename(), path, bytes: await readFile(path) };
}

/** Set-up, as the entry view's "Read the file" does: the host reads the entry's files (read only). */
async function readFiles(page: Page, id: string): Promise<void> {
  const ok = await page.evaluate(async (entryId) => {
    const response = await fetch('/api/call/files.refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: entryId, force: true }) });
    return ((await response.json()) as { ok: boolean }).ok;
  }, id);
  expect(ok).toBe(true);
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

/** Share of pixels in a binary PPM (P6) page that are not near-white. */
function inkShare(ppm: Buffer): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'))!;
  const [, width, height] = header.map(Number) as [number, number, number];
  const pixels = ppm.subarray(header[0].length);
  let ink = 0;
  for (let offset = 0; offset + 2 < pixels.length; offset += 3) if (pixels[offset]! < 200 || pixels[offset + 1]! < 200 || pixels[offset + 2]! < 200) ink++;
  return ink / (width * height);
}

test('PDF and the Excel workbook download from the Export view, with what Fieldbook found in the files', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  test.setTimeout(90_000);
  const out = testInfo.outputPath('downloads');
  const customers = testInfo.outputPath('customers.csv');
  await writeFile(customers, `name;email\nAnna Berg;${ADDRESS}\nTom Müller;tom.mueller@example.com\n`);
  const [pricing] = await createEntries(page, [{ ...TOOLS[0]!, files: [customers] }, ...TOOLS.slice(1)]);
  await readFiles(page, pricing!);
  await openExport(page);

  // PDF: the preview is the document it is printed from.
  await page.getByRole('radio', { name: 'PDF' }).check();
  await expect(page.getByText('The same document as pages: A4, each entry starting on a new page.')).toBeVisible();
  await expect(previewRegion(page).getByText('The PDF is printed from this document')).toBeVisible();
  const frame = previewRegion(page).getByTitle(/^Preview of fieldbook-\d{4}-\d{2}-\d{2}\.html$/).contentFrame();
  await expect(frame.getByRole('heading', { level: 3, name: FILES_SECTION })).toHaveCount(TOOLS.length);
  await expect(frame.getByText('A column of e-mail addresses')).toBeVisible();
  await expect(previewRegion(page).getByRole('status')).toHaveText('Preview ready. Download prints it as a PDF.');

  const pdf = await download(page, out);
  expect(pdf.name).toMatch(/^fieldbook-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(previewRegion(page).getByRole('status')).toHaveText(`Downloaded “${pdf.name}”.`);
  // Pages turned into images: cover, contents, the diagram, and each entry on a page of its own.
  run('pdftoppm', ['-r', '40', pdf.path, join(out, 'page')]);
  const pages = (await readdir(out)).filter((name) => name.startsWith('page')).sort();
  expect(pages.length).toBeGreaterThanOrEqual(3 + TOOLS.length);
  for (const image of pages) expect(inkShare(await readFile(join(out, image)))).toBeGreaterThan(0.002);
  const text = run('pdftotext', [pdf.path, '-']).replace(/\s+/g, ' ');
  for (const tool of TOOLS) expect(text).toContain(tool.name);
  expect(text).toContain(FILES_SECTION);
  expect(text).toContain('A column of e-mail addresses');
  expect(text).not.toContain(ADDRESS);

  // The Excel workbook: its Entries sheet previews as text.
  await page.getByRole('radio', { name: 'Excel workbook' }).check();
  await expect(previewRegion(page).getByText('The Entries sheet, shown as text.')).toBeVisible();
  await expect(previewRegion(page).getByRole('region', { name: /^CSV preview of/ })).toContainText('Returns database');
  const xlsx = await download(page, out);
  expect(xlsx.name).toMatch(/^fieldbook-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = JSON.parse(
    run('/usr/bin/python3', [
      '-c',
      'import json, sys, openpyxl\nb = openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps({s.title: [[c.value for c in r] for r in s.iter_rows()] for s in b}, default=str))',
      xlsx.path,
    ]),
  ) as Record<string, (string | number | null)[][]>;
  expect(Object.keys(workbook)).toEqual(['Entries', 'Findings', 'Dependencies', 'Files']);
  expect(workbook.Entries!.slice(1).map((row) => row[1]).sort()).toEqual(TOOLS.map((tool) => tool.name).sort());
  expect(workbook.Findings!.length).toBeGreaterThan(1);
  expect(workbook.Files!.slice(1).map((row) => [row[1], row[2], row[3]])).toEqual([['Quote pricing workbook', customers, 'Read']]);
  expect(String(workbook.Files![1]![5])).toMatch(/^A column of e-mail addresses;/);
  expect(JSON.stringify(workbook)).not.toContain(ADDRESS);
});

test('Markdown downloads as a .zip of the folder: index.md and one file per entry', async ({ page, fieldbook }, testInfo) => {
  void fieldbook;
  await createEntries(page, TOOLS);
  await openExport(page);
  await page.getByRole('radio', { name: 'Markdown' }).check();
  await expect(previewRegion(page).getByRole('region', { name: /^Markdown preview of/ })).toContainText('Monday merge script');
  const zip = await download(page, testInfo.outputPath('downloads'));
  expect(zip.name).toMatch(/^fieldbook-docs-\d{4}-\d{2}-\d{2}\.zip$/);
  const folder = zip.name.replace(/\.zip$/, '');
  const names = JSON.parse(run('/usr/bin/python3', ['-c', 'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps(sorted(z.namelist())))', zip.path])) as string[];
  expect(names).toEqual(
    [`${folder}/index.md`, `${folder}/entries/monday-merge-script.md`, `${folder}/entries/quote-pricing-workbook.md`, `${folder}/entries/returns-database.md`].sort(),
  );
});

test('without Chromium on the host, PDF says what is needed and what to do instead', async ({ page, fieldbook }) => {
  void fieldbook;
  // A second host for the same page, started where no Chromium can be found.
  const dataDir = await mkdtemp(join(tmpdir(), 'fieldbook-e2e-nochromium-'));
  const saved = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = '/nonexistent/chromium';
  const host = await startHost(dataDir).finally(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });
  try {
    await page.goto(host.url);
    await createEntries(page, TOOLS.slice(0, 1));
    await openExport(page);
    await page.getByRole('radio', { name: 'PDF' }).check();
    await previewRegion(page).getByRole('button', { name: 'Download' }).click();
    const alert = previewRegion(page).getByRole('alert');
    await expect(alert).toContainText('The file could not be made.');
    await expect(alert).toContainText('PDF export needs Chromium (or Google Chrome), and none is installed here.');
    await expect(alert).toContainText('export HTML and use your browser’s Print → Save as PDF');
    // HTML still downloads.
    await page.getByRole('radio', { name: 'HTML' }).check();
    await expect(previewRegion(page).getByRole('alert')).toHaveCount(0);
    const html = page.waitForEvent('download');
    await previewRegion(page).getByRole('button', { name: 'Download' }).click();
    expect((await html).suggestedFilename()).toMatch(/\.html$/);
  } finally {
    await stopHost(host);
    await rm(dataDir, { recursive: true, force: true });
  }
});
