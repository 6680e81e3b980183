import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { runExport } from '../../main/core/export/runExport';
import { openFieldbook } from '../../main/core/fieldbook';
import { addInspectedFiles, exportFixture } from '../unit/helpers/exportFixture';

/**
 * The HTML export is a document people read on screen and print, often with assistive
 * technology: it must pass an accessibility scan on its own, without the app around it.
 */
test.describe('the HTML export', () => {
  let dir: string;
  test.beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fieldbook-export-e2e-'));
  });
  test.afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const scope of ['the whole fieldbook', 'one entry'] as const) {
    test(`of ${scope} passes an accessibility scan, on screen and for print`, async ({ page }) => {
      const fixture = exportFixture(join(dir, 'data'));
      const { book, pricing } = fixture;
      // With files Fieldbook has read, could not read, and has not read yet.
      await mkdir(join(dir, 'files'));
      await addInspectedFiles(fixture, join(dir, 'files'));
      const out = join(dir, 'docs.html');
      await runExport(book, { format: 'html', entryId: scope === 'one entry' ? pricing : null, outPath: out, appVersion: '0.1.0' });
      book.close();
      // Loaded as a file, exactly as someone would open it; it needs nothing else.
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(out).href);
      expect(requests).toEqual([pathToFileURL(out).href]);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Contents' })).toBeVisible();
      await expect(page.getByRole('main')).toBeVisible();
      await expect(page.getByRole('img', { name: /Data flows/ })).toBeVisible();
      await expect(page.getByRole('heading', { level: 3, name: 'Files and what Fieldbook found in them' }).first()).toBeVisible();
      await expect(page.locator('li.file')).toHaveCount(5);
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMedia({ media });
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.length} × ${violation.help}`)).toEqual([]);
      }
      // The contents links lead somewhere.
      const first = page.getByRole('navigation', { name: 'Contents' }).getByRole('link').nth(1);
      const target = (await first.getAttribute('href'))!;
      await expect(page.locator(target)).toHaveCount(1);
      // No script and no reference to anything outside the file (user text may mention addresses, as text).
      expect(await readFile(out, 'utf8')).not.toMatch(/<script|\s(?:src|href|xlink:href)="(?!#)/);
    });
  }

  test('of 200 entries opens, and its cover, contents and diagram pass the scan too', async ({ page }) => {
    // Each entry's markup is the same as in the small export scanned whole above; scanning 200 of them takes minutes.
    test.setTimeout(120_000);
    const book = openFieldbook({ dataDir: join(dir, 'big') });
    const { demoEntries } = await import('../../main/core/demo');
    const { ids, entries } = demoEntries(200);
    book.entries.createMany(entries, ids);
    const out = join(dir, 'big.html');
    await runExport(book, { format: 'html', entryId: null, outPath: out, appVersion: '0.1.0' });
    book.close();
    await page.goto(pathToFileURL(out).href);
    await expect(page.getByRole('article')).toHaveCount(200);
    const results = await new AxeBuilder({ page })
      .include('header')
      .include('nav')
      .include('#diagram')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
});
