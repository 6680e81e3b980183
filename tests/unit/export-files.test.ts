/**
 * "What Fieldbook found in its files" in the exported documentation: built once in the document
 * model from the facts the entry's files gave when Fieldbook read them (real files, read by the
 * real inspection), and shown in Markdown, HTML, PDF and the workbook's Files sheet. In plain
 * words — the same sentence `fieldbook inspect` prints — and never a value read from a file.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocumentModel, type DocBlock, type DocFile, type ExportDocument } from '../../main/core/export/documentModel';
import { FILES_NOTE, FILES_SECTION_TITLE, NO_FILES } from '../../main/core/export/fileFacts';
import { renderHtml } from '../../shared/export/renderHtml';
import { renderMarkdownDocument, renderMarkdownFolder } from '../../shared/export/renderMarkdown';
import { runExport } from '../../main/core/export/runExport';
import { describeInspection } from '../../main/core/inspect/describeInspection';
import { addInspectedFiles, exportFixture, FILE_SECRETS, type ExportFixture, type FilesFixture } from './helpers/exportFixture';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-26T09:00:00Z');
/** A listed path that tries to break HTML and Markdown (never read: no such file). */
const HOSTILE_PATH = '/tmp/<img src=x onerror=alert(1)>/[x](javascript:alert(1)) *bold*.py';

interface Setup {
  fixture: ExportFixture;
  files: FilesFixture;
  doc: ExportDocument;
}

async function setup(entryId: 'pricing' | null = null): Promise<Setup> {
  const fixture = exportFixture(tempDir());
  const files = await addInspectedFiles(fixture, tempDir());
  fixture.book.entries.update(fixture.hostile, { files: [HOSTILE_PATH] });
  const doc = buildDocumentModel(fixture.book, { entryId: entryId === null ? null : fixture.pricing, appVersion: '0.1.0', now: NOW });
  return { fixture, files, doc };
}

function filesSection(doc: ExportDocument, entryId: string) {
  return doc.entries.find((entry) => entry.id === entryId)!.sections.find((section) => section.id === 'files')!;
}

function filesBlock(doc: ExportDocument, entryId: string): DocFile[] {
  const block = filesSection(doc, entryId).blocks.find((candidate): candidate is Extract<DocBlock, { type: 'files' }> => candidate.type === 'files');
  return block?.items ?? [];
}

function run(command: string, args: string[], input?: string): string {
  const result = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

beforeAll(() => {
  for (const [tool, check, install] of [
    ['cmark-gfm', ['--version'], 'cmark-gfm'],
    ['pdftotext', ['-v'], 'poppler-utils'],
    ['/usr/bin/python3', ['-c', 'import openpyxl'], 'python3-openpyxl'],
  ] as const) {
    if (spawnSync(tool, check).status !== 0) throw new Error(`These tests need ${tool}: apt-get install -y ${install}`);
  }
});

describe('the files section of the document model', () => {
  it('lists every file the entry names, in her order: read, could not be read, and not read yet', async () => {
    const { fixture, files, doc } = await setup();
    const section = filesSection(doc, fixture.pricing);
    expect(section.title).toBe(FILES_SECTION_TITLE);
    const items = filesBlock(doc, fixture.pricing);
    expect(items.map((file) => [file.path, file.state])).toEqual([
      [files.workbook, 'read'],
      [files.customers, 'read'],
      [files.script, 'read'],
      [files.missing, 'problem'],
      [files.later, 'not-read'],
    ]);
    expect(items[0]).toMatchObject({ name: 'Pricing v7.xlsm', folder: join(files.workbook, '..'), status: 'Read on 25 November 2026' });
    expect(items[3]!.status).toBe('Could not be read on 25 November 2026');
    expect(items[4]).toMatchObject({ status: 'Not read yet', readAt: null });
    expect(section.blocks).toContainEqual({ type: 'notice', text: FILES_NOTE });
    fixture.book.close();
  });

  it('says what was found with the one plain-words description Fieldbook uses everywhere', async () => {
    const { fixture, doc } = await setup();
    const stored = new Map(fixture.book.files.files(fixture.pricing).map((file) => [file.path, file.result]));
    for (const file of filesBlock(doc, fixture.pricing).filter((candidate) => candidate.state !== 'not-read')) {
      expect(file.found).toBe(describeInspection(stored.get(file.path)!));
    }
    const [workbook, customers, script, missing] = filesBlock(doc, fixture.pricing);
    expect(workbook!.found).toMatch(/links to 1 other file/);
    expect(customers!.found).toMatch(/^A column of e-mail addresses and a column of IBANs;/);
    expect(script!.found).toMatch(/1 password or key written in it \(line 2\)/);
    expect(missing!.found).toMatch(/^Could not read it: /);
    fixture.book.close();
  });

  it('an entry without files says so instead', async () => {
    const { fixture, doc } = await setup();
    expect(filesSection(doc, fixture.returns).blocks).toEqual([{ type: 'notice', text: NO_FILES }]);
    fixture.book.close();
  });

  it('the workbook’s Files table has a row per listed file, and nothing for entries without files', async () => {
    const { fixture, files, doc } = await setup();
    const table = doc.tables.files;
    expect(table.columns.map((column) => column.header)).toEqual(['Entry ID', 'Entry', 'File', 'Status', 'Last read', 'What Fieldbook found', 'Notes']);
    const rowsOf = (entryId: string) => table.rows.filter((row) => row[0] === entryId).map((row) => [row[2], row[3]]);
    expect(rowsOf(fixture.pricing)).toEqual([
      [files.workbook, 'Read'],
      [files.customers, 'Read'],
      [files.script, 'Read'],
      [files.missing, 'Could not be read'],
      [files.later, 'Not read yet'],
    ]);
    expect(rowsOf(fixture.hostile)).toEqual([[HOSTILE_PATH, 'Not read yet']]);
    expect(table.rows).toHaveLength(6);
    expect(table.rows.find((row) => row[2] === files.customers)![5]).toBe(filesBlock(doc, fixture.pricing)[1]!.found);
    fixture.book.close();
  });
});

describe('what was found, in each document format', () => {
  it('Markdown: each file with its status and what was found, read back by CommonMark; a hostile path stays text', async () => {
    const { fixture, doc } = await setup();
    const html = run('cmark-gfm', ['-e', 'table'], renderMarkdownDocument(doc));
    expect(html).toContain(`<h3>${FILES_SECTION_TITLE}</h3>`);
    expect(html).toContain('<strong>customers.csv</strong>');
    expect(html).toContain('A column of e-mail addresses and a column of IBANs;');
    expect(html).toContain('<em>Not read yet</em>');
    expect(html).not.toMatch(/<img|href="javascript/);
    expect(html).toContain('*bold*.py');
    // The folder export has it in the entry's own file.
    const pricing = doc.entries.find((entry) => entry.id === fixture.pricing)!;
    const file = renderMarkdownFolder(doc).find((candidate) => candidate.path === `entries/${pricing.fileName}`)!;
    expect(run('cmark-gfm', [], file.content)).toContain('1 password or key written in it (line 2)');
    fixture.book.close();
  });

  it('HTML: a list of the files, marked by state, every path escaped', async () => {
    const { fixture, doc } = await setup();
    const html = renderHtml(doc);
    const pricing = doc.entries.find((entry) => entry.id === fixture.pricing)!;
    const article = html.slice(html.indexOf(`<article class="entry" id="${pricing.anchor}"`));
    const list = article.slice(article.indexOf(`<h3>${FILES_SECTION_TITLE}</h3>`));
    expect(list).toMatch(/^<h3>[^<]+<\/h3>\n<ul class="files"><li class="file file-read"><p class="file-name"><strong>Pricing v7\.xlsm<\/strong>/);
    expect(html.match(/<li class="file file-read">/g)).toHaveLength(3);
    expect(html.match(/<li class="file file-problem">/g)).toHaveLength(1);
    expect(html.match(/<li class="file file-not-read">/g)).toHaveLength(2);
    expect(html).toContain('<strong>[x](javascript:alert(1)) *bold*.py</strong>');
    expect(html).toContain('in /tmp/&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img/);
    fixture.book.close();
  });

  it('PDF: the printed pages carry the section and what was found', async () => {
    const { fixture } = await setup();
    const out = join(tempDir(), 'pricing.pdf');
    await runExport(fixture.book, { format: 'pdf', entryId: fixture.pricing, outPath: out, appVersion: '0.1.0', now: NOW });
    const text = run('pdftotext', ['-layout', out, '-']).replace(/\s+/g, ' ');
    expect(text).toContain(FILES_SECTION_TITLE);
    expect(text).toContain('A column of e-mail addresses and a column of IBANs');
    expect(text).toContain('Could not read it: The file does not exist');
    for (const secret of FILE_SECRETS) expect(text).not.toContain(secret);
    fixture.book.close();
  }, 60_000);

  it('Excel: a Files sheet that openpyxl reads back row for row', async () => {
    const { fixture, doc } = await setup();
    const out = join(tempDir(), 'fieldbook.xlsx');
    await runExport(fixture.book, { format: 'xlsx', entryId: null, outPath: out, appVersion: '0.1.0', now: NOW });
    const read = run('/usr/bin/python3', [
      '-c',
      'import json, sys, openpyxl\nbook = openpyxl.load_workbook(sys.argv[1], read_only=True)\nprint(json.dumps([[c for c in row] for row in book["Files"].iter_rows(values_only=True)]))',
      out,
    ]);
    const rows = JSON.parse(read) as (string | null)[][];
    expect(rows[0]).toEqual(doc.tables.files.columns.map((column) => column.header));
    expect(rows.slice(1)).toEqual(doc.tables.files.rows.map((row) => row.map((cell) => (cell === '' ? null : cell))));
    fixture.book.close();
  });

  it('never shows a value read from a file: not the password, not an address, not an IBAN, in any format', async () => {
    const { fixture, files, doc } = await setup();
    const dir = tempDir();
    await runExport(fixture.book, { format: 'xlsx', entryId: null, outPath: join(dir, 'all.xlsx'), appVersion: '0.1.0', now: NOW });
    const sheets = run('/usr/bin/python3', ['-c', 'import json, sys, openpyxl\nb = openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps([[c.value for c in r] for s in b for r in s.iter_rows()], default=str))', join(dir, 'all.xlsx')]);
    const documents = {
      markdown: renderMarkdownDocument(doc),
      markdownFolder: renderMarkdownFolder(doc).map((file) => file.content).join('\n'),
      html: renderHtml(doc),
      xlsx: sheets,
    };
    // The files really do hold these values (so this test could fail).
    const written = readFileSync(files.customers, 'utf8') + readFileSync(files.script, 'utf8');
    for (const secret of FILE_SECRETS) expect(written).toContain(secret);
    for (const [format, text] of Object.entries(documents)) {
      for (const secret of FILE_SECRETS) expect(text, `${format} shows ${secret}`).not.toContain(secret);
    }
    fixture.book.close();
  });
});
