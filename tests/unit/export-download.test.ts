/**
 * `export.download`: every format as one file for the page to save, through the same router both
 * hosts use. The bytes are checked by independent readers (Python's zipfile and openpyxl,
 * poppler's pdftotext), and against what `fieldbook export` writes to disk.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportDownload, ExportFormat } from '../../shared/contract';
import { createApiRouter } from '../../main/api/router';
import { buildDocumentModel } from '../../main/core/export/documentModel';
import { exportDownload } from '../../main/core/export/exportDownload';
import { renderHtml } from '../../shared/export/renderHtml';
import { renderMarkdownFolder } from '../../shared/export/renderMarkdown';
import { runExport } from '../../main/core/export/runExport';
import { exportFixture } from './helpers/exportFixture';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-26T09:00:00Z');
const PYTHON = '/usr/bin/python3';

function python(script: string, input: Buffer): string {
  const result = spawnSync(PYTHON, ['-c', script], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return result.stdout;
}

const bytesOf = (file: ExportDownload) => Buffer.from(file.base64, 'base64');

beforeAll(() => {
  if (spawnSync(PYTHON, ['-c', 'import openpyxl']).status !== 0) throw new Error('These tests read workbooks with openpyxl: apt-get install -y python3-openpyxl');
  if (spawnSync('pdftotext', ['-v']).status !== 0) throw new Error('These tests read PDFs with pdftotext: apt-get install -y poppler-utils');
});

describe('downloading an export', () => {
  it('Markdown comes as a .zip that unpacks into the same folder `fieldbook export --format md` writes', async () => {
    const { book } = exportFixture(tempDir());
    const file = await exportDownload(book, { format: 'md', entryId: null, appVersion: '0.1.0', now: NOW });
    expect(file).toMatchObject({ fileName: 'fieldbook-docs-2026-11-26.zip', mimeType: 'application/zip' });
    expect(file.size).toBe(bytesOf(file).length);
    const unpacked = JSON.parse(
      python('import io, json, sys, zipfile\nz = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))\nassert z.testzip() is None\nprint(json.dumps({n: z.read(n).decode("utf-8") for n in z.namelist()}))', bytesOf(file)),
    ) as Record<string, string>;
    const expected = renderMarkdownFolder(buildDocumentModel(book, { entryId: null, appVersion: '0.1.0', now: NOW }));
    expect(Object.keys(unpacked).sort()).toEqual(expected.map((part) => `fieldbook-docs-2026-11-26/${part.path}`).sort());
    for (const part of expected) expect(unpacked[`fieldbook-docs-2026-11-26/${part.path}`]).toBe(part.content);
    // The same files as written to disk by the CLI's path.
    const folder = join(tempDir(), 'docs');
    await runExport(book, { format: 'md', entryId: null, outPath: folder, appVersion: '0.1.0', now: NOW });
    expect(readFileSync(join(folder, 'index.md'), 'utf8')).toBe(unpacked['fieldbook-docs-2026-11-26/index.md']);
    book.close();
  });

  it('one entry’s Markdown is named after the entry', async () => {
    const { book, returns } = exportFixture(tempDir());
    const file = await exportDownload(book, { format: 'md', entryId: returns, appVersion: '0.1.0', now: NOW });
    expect(file.fileName).toBe('returns-database-docs.zip');
    book.close();
  });

  it('the workbook opens in openpyxl with its four sheets; HTML, CSV and JSON are the text formats’ bytes', async () => {
    const { book, pricing } = exportFixture(tempDir());
    const xlsx = await exportDownload(book, { format: 'xlsx', entryId: null, appVersion: '0.1.0', now: NOW });
    expect(xlsx).toMatchObject({ fileName: 'fieldbook-2026-11-26.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const sheets = JSON.parse(
      python('import io, json, sys, openpyxl\nb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))\nprint(json.dumps({s.title: s.max_row for s in b}))', bytesOf(xlsx)),
    ) as Record<string, number>;
    expect(sheets).toEqual({ Entries: 4, Findings: expect.any(Number), Dependencies: expect.any(Number), Files: 2 });

    const html = await exportDownload(book, { format: 'html', entryId: pricing, appVersion: '0.1.0', now: NOW });
    expect(html).toMatchObject({ fileName: 'quote-pricing-workbook.html', mimeType: 'text/html; charset=utf-8' });
    expect(bytesOf(html).toString('utf8')).toBe(renderHtml(buildDocumentModel(book, { entryId: pricing, appVersion: '0.1.0', now: NOW })));
    const csv = await exportDownload(book, { format: 'csv', entryId: null, appVersion: '0.1.0', now: NOW });
    expect(bytesOf(csv).toString('utf8')).toMatch(/^\uFEFFEntry ID,/);
    const json = await exportDownload(book, { format: 'json', entryId: null, appVersion: '0.1.0', now: NOW });
    expect(JSON.parse(bytesOf(json).toString('utf8'))).toMatchObject({ format: 'fieldbook-export' });
    book.close();
  });

  it('PDF is printed by headless Chromium when no printer is handed in (browser host, CLI)', async () => {
    const { book } = exportFixture(tempDir());
    const result = await createApiRouter(book).call('export.download', { format: 'pdf' });
    expect(result.ok).toBe(true);
    const file = (result as { value: ExportDownload }).value;
    expect(file).toMatchObject({ fileName: expect.stringMatching(/^fieldbook-\d{4}-\d{2}-\d{2}\.pdf$/), mimeType: 'application/pdf' });
    const text = spawnSync('pdftotext', ['-', '-'], { input: bytesOf(file), encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('System documentation');
    expect(text).toContain('Quote pricing workbook');
    book.close();
  }, 60_000);

  it('PDF goes through the printer the host hands the router (the desktop app hands in Electron’s)', async () => {
    const { book } = exportFixture(tempDir());
    const printed: string[] = [];
    // A stand-in printer: records the HTML it was given and answers with a minimal PDF header.
    const standInPrinter = async (html: string) => {
      printed.push(html);
      return Buffer.from('%PDF-1.7\n% stand-in\n');
    };
    const result = await createApiRouter(book, { htmlToPdf: standInPrinter }).call('export.download', { format: 'pdf' });
    expect(result).toMatchObject({ ok: true, value: { mimeType: 'application/pdf', base64: Buffer.from('%PDF-1.7\n% stand-in\n').toString('base64') } });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^<!doctype html>/);
    expect(printed[0]).toContain('Quote pricing workbook');
    book.close();
  });

  it('without Chromium, PDF says what is needed and what to do instead', async () => {
    const { book } = exportFixture(tempDir());
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const result = await createApiRouter(book).call('export.download', { format: 'pdf' });
      expect(result).toMatchObject({
        ok: false,
        // Not a "store_…" code, which would tell the window the whole fieldbook is unreachable.
        error: { code: 'not_found', message: 'PDF export needs Chromium (or Google Chrome), and none is installed here.', hint: expect.stringContaining('export HTML') },
      });
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    book.close();
  });

  it('a format it does not know, or an entry that is not there, is refused with what is wrong', async () => {
    const { book } = exportFixture(tempDir());
    const router = createApiRouter(book);
    const formats: ExportFormat[] = ['md', 'html', 'pdf', 'xlsx', 'csv', 'json'];
    expect(await router.call('export.download', { format: 'docx' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining(formats.map((format) => `"${format}"`).join('|')) },
    });
    expect(await router.call('export.download', { format: 'html', entryId: '2f1b6a3e-5d4c-4b7a-9e8f-0123456789ab' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    book.close();
  });
});
