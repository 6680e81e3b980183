import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/contract';
import { EXPORT_DOCUMENT_CSS } from '../../shared/exportDocumentStyle';
import { renderExport } from '../../main/core/export/runExport';
import { parseRoute, routeHref } from '../../renderer/app/route';
import {
  bytesFromBase64,
  DEFAULT_EXPORT_CHOICES,
  downloadsAsPreviewed,
  exportKey,
  exportRequest,
  htmlForPreview,
  importChangesNothing,
  importDetails,
  importFileProblem,
  importGroups,
  parseExportChoices,
  previewKey,
  previewRequest,
  serializeExportChoices,
  sizeLabel,
  truncatePreview,
  truncationNote,
  type ExportChoices,
} from '../../renderer/features/export/exportState';
import { exportFixture } from './helpers/exportFixture';
import { useTempDirs } from './helpers/tempDir';

const ID = '2f1b6a3e-5d4c-4b7a-9e8f-0123456789ab';
const tempDir = useTempDirs();

describe('the Export view’s address', () => {
  it('#/export is the Export view, and back', () => {
    expect(parseRoute('#/export')).toEqual({ view: 'export' });
    expect(parseRoute('#/export/')).toEqual({ view: 'export' });
    expect(routeHref({ view: 'export' })).toBe('#/export');
  });
});

describe('her last export choices, read back from storage', () => {
  it('nothing stored yet gives the defaults: all entries as HTML', () => {
    expect(parseExportChoices(null)).toEqual({ format: 'html', scope: 'all', entry: null });
  });

  it('what was stored comes back the same', () => {
    const choices: ExportChoices = { format: 'json', scope: 'entry', entry: { id: ID, name: 'Pricing workbook' } };
    expect(parseExportChoices(serializeExportChoices(choices))).toEqual(choices);
    const all: ExportChoices = { format: 'md', scope: 'all', entry: null };
    expect(parseExportChoices(serializeExportChoices(all))).toEqual(all);
  });

  it('text that is not JSON, or JSON of another shape, falls back to the defaults', () => {
    for (const stored of ['', '{', 'null', '42', '"html"', '[]', '[{"format":"md"}]']) {
      expect(parseExportChoices(stored)).toEqual(DEFAULT_EXPORT_CHOICES);
    }
  });

  it('PDF and the Excel workbook are remembered like the rest; a format it does not know falls back to HTML, keeping the rest', () => {
    expect(parseExportChoices('{"format":"pdf","scope":"all"}')).toEqual({ format: 'pdf', scope: 'all', entry: null });
    expect(parseExportChoices('{"format":"xlsx"}').format).toBe('xlsx');
    expect(parseExportChoices('{"format":"docx"}').format).toBe('html');
    expect(parseExportChoices('{"format":"MD"}').format).toBe('html');
    expect(parseExportChoices('{"format":"csv","scope":"sideways"}')).toEqual({ format: 'csv', scope: 'all', entry: null });
  });

  it('“one entry” without a usable entry becomes “all entries”', () => {
    expect(parseExportChoices('{"format":"md","scope":"entry"}')).toEqual({ format: 'md', scope: 'all', entry: null });
    expect(parseExportChoices('{"format":"md","scope":"entry","entry":{"id":"../../etc","name":"x"}}').scope).toBe('all');
    expect(parseExportChoices(`{"format":"md","scope":"entry","entry":{"id":"${ID}","name":"   "}}`).scope).toBe('all');
    expect(parseExportChoices(`{"format":"md","scope":"entry","entry":{"id":"${ID}"}}`).scope).toBe('all');
  });

  it('an entry id in capitals is read as the same entry', () => {
    const stored = JSON.stringify({ format: 'html', scope: 'entry', entry: { id: ID.toUpperCase(), name: 'Rota' } });
    expect(parseExportChoices(stored).entry).toEqual({ id: ID, name: 'Rota' });
  });
});

describe('the request made for the choices', () => {
  it('all entries asks for the whole fieldbook; one entry asks for that entry', () => {
    expect(exportRequest({ format: 'csv', scope: 'all', entry: { id: ID, name: 'Kept for later' } })).toEqual({ format: 'csv', entryId: null });
    expect(exportRequest({ format: 'md', scope: 'entry', entry: { id: ID, name: 'Rota' } })).toEqual({ format: 'md', entryId: ID });
  });

  it('one entry with none picked yet asks for nothing', () => {
    expect(exportRequest({ format: 'md', scope: 'entry', entry: null })).toBeNull();
    expect(exportKey({ format: 'md', scope: 'entry', entry: null })).toBeNull();
  });

  it('PDF previews as the HTML it is printed from, the workbook as its Entries sheet (CSV), for the same entry', () => {
    const entry = { id: ID, name: 'Rota' };
    expect(previewRequest({ format: 'pdf', scope: 'entry', entry })).toEqual({ format: 'html', entryId: ID });
    expect(previewRequest({ format: 'xlsx', scope: 'all', entry })).toEqual({ format: 'csv', entryId: null });
    expect(previewRequest({ format: 'md', scope: 'entry', entry: null })).toBeNull();
    // One preview serves HTML and PDF; the downloads stay apart.
    expect(previewKey({ format: 'pdf', scope: 'all', entry: null })).toBe(previewKey({ format: 'html', scope: 'all', entry: null }));
    expect(exportKey({ format: 'pdf', scope: 'all', entry: null })).not.toBe(exportKey({ format: 'html', scope: 'all', entry: null }));
    expect(['md', 'html', 'pdf', 'xlsx', 'csv', 'json'].filter((format) => downloadsAsPreviewed(format as ExportChoices['format']))).toEqual(['html', 'csv', 'json']);
  });

  it('a file sent as base64 comes back byte for byte', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect([...bytesFromBase64(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
    expect(bytesFromBase64('')).toHaveLength(0);
  });

  it('the key changes with the format and the entry, so an old preview is never downloaded by mistake', () => {
    const keys = new Set([
      exportKey({ format: 'md', scope: 'all', entry: null }),
      exportKey({ format: 'html', scope: 'all', entry: null }),
      exportKey({ format: 'html', scope: 'entry', entry: { id: ID, name: 'Rota' } }),
    ]);
    expect(keys.size).toBe(3);
    // The remembered entry does not matter while all entries are chosen.
    expect(exportKey({ format: 'md', scope: 'all', entry: { id: ID, name: 'Rota' } })).toBe(exportKey({ format: 'md', scope: 'all', entry: null }));
  });
});

describe('text previews', () => {
  it('a short export is shown whole, with no note', () => {
    const preview = truncatePreview('# Fieldbook\n\nTwo tools.\n');
    expect(preview).toEqual({ text: '# Fieldbook\n\nTwo tools.', shownLines: 3, totalLines: 3, truncated: false });
    expect(truncationNote(preview)).toBeNull();
  });

  it('a long export shows its first lines and says how many', () => {
    const content = Array.from({ length: 1_000 }, (_, index) => `line ${index + 1}`).join('\n');
    const preview = truncatePreview(content, 400);
    expect(preview.shownLines).toBe(400);
    expect(preview.totalLines).toBe(1_000);
    expect(preview.text.split('\n').at(-1)).toBe('line 400');
    expect(truncationNote(preview)).toBe('Showing the first 400 lines of 1,000. The download has all of them.');
  });

  it('very long lines are cut at a line end, within the character limit', () => {
    const content = `${'a'.repeat(60)}\n${'b'.repeat(60)}\n${'c'.repeat(60)}`;
    const preview = truncatePreview(content, 400, 130);
    expect(preview.text).toBe(`${'a'.repeat(60)}\n${'b'.repeat(60)}`);
    expect(preview.shownLines).toBe(2);
    expect(preview.truncated).toBe(true);
  });

  it('one enormous line is cut at the limit and still counts as cut', () => {
    const preview = truncatePreview('x'.repeat(500), 400, 100);
    expect(preview.text).toHaveLength(100);
    expect(preview.truncated).toBe(true);
  });

  it('an empty export previews as nothing', () => {
    expect(truncatePreview('')).toEqual({ text: '', shownLines: 0, totalLines: 0, truncated: false });
  });
});

describe('the HTML preview frame', () => {
  it('the export’s inline styles are taken out (the page’s policy would refuse them; the frame adopts the same stylesheet)', () => {
    const html = '<!doctype html><html><head><title>T</title><style>h1{color:red}</style></head><body><ol style="padding-left: 3ch"><li>A</li></ol></body></html>';
    const framed = htmlForPreview(html);
    expect(framed).not.toMatch(/<style|style=/);
    expect(framed).toBe('<!doctype html><html><head><title>T</title></head><body><ol><li>A</li></ol></body></html>');
  });

  it('the HTML export carries one stylesheet, the one the preview adopts', () => {
    const { book } = exportFixture(tempDir());
    const html = renderExport(book, { format: 'html', entryId: null, appVersion: '0.1.0' }).content;
    book.close();
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]);
    // The frame is styled from this same constant; export-view.spec.ts checks the styled frame in Chromium.
    expect(styles).toEqual([EXPORT_DOCUMENT_CSS]);
  });
});

describe('importing a JSON export', () => {
  const change = (name: string, reason: string) => ({ id: ID, name, localRevision: null, importRevision: 3, reason });
  const preview = (overrides: Partial<ImportPreview> = {}): ImportPreview => ({
    exportedAt: '2026-11-25T10:00:00.000Z',
    appVersion: '0.1.0',
    scope: 'all',
    applied: false,
    summary: '2 entries will be added.',
    entries: { added: [change('Pricing workbook', 'Not in this fieldbook yet.')], replaced: [], skipped: [] },
    setAsides: { added: 0, skipped: 0 },
    packs: { added: [], skipped: [] },
    publishers: { added: [], skipped: 0 },
    profile: { action: 'none', name: '', team: '' },
    ...overrides,
  });

  it('empty files and files over 128 MB are not even read', () => {
    expect(importFileProblem({ name: 'backup.json', size: 0 })).toMatch(/“backup.json” is empty/);
    expect(importFileProblem({ name: 'big.json', size: 200 * 1024 * 1024 })).toMatch(/larger than 128 MB/);
    expect(importFileProblem({ name: 'backup.json', size: 12_000 })).toBeNull();
  });

  it('only the lists with something in them are shown, worded for before and after', () => {
    const before = importGroups(preview());
    expect(before.map((group) => group.title)).toEqual(['Will be added']);
    expect(before[0]!.items).toEqual([{ key: ID, name: 'Pricing workbook', reason: 'Not in this fieldbook yet.' }]);
    expect(importGroups(preview({ applied: true })).map((group) => group.title)).toEqual(['Added']);
  });

  it('set-asides, publishers and the profile get a line each', () => {
    const lines = importDetails(
      preview({
        setAsides: { added: 2, skipped: 1 },
        publishers: { added: [{ keyId: 'k1', name: 'ACME IT' }], skipped: 0 },
        profile: { action: 'set', name: 'Anna Berg', team: 'Finance' },
      }),
    );
    expect(lines).toEqual([
      '2 set-aside guidelines to bring over, with the reasons given.',
      '1 set-aside left out, because the entry they belong to stays as it is here.',
      'Will be trusted: packs signed by ACME IT.',
      'Your profile will be set to Anna Berg, Finance.',
    ]);
  });

  it('a file with nothing new changes nothing, so there is nothing to press', () => {
    const same = preview({ entries: { added: [], replaced: [], skipped: [change('Pricing workbook', 'Already here, at the same revision.')] } });
    expect(importChangesNothing(same)).toBe(true);
    expect(importChangesNothing(preview())).toBe(false);
  });
});

describe('sizes in plain words', () => {
  it('bytes, kilobytes and megabytes', () => {
    expect(sizeLabel(1)).toBe('1 byte');
    expect(sizeLabel(900)).toBe('900 bytes');
    expect(sizeLabel(20_480)).toBe('20 KB');
    expect(sizeLabel(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
