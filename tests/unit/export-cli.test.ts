import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openFieldbook } from '../../main/core/fieldbook';
import { repoRoot as root, runFieldbook as fieldbook, runOnReadOnlyDisk } from './helpers/fieldbookCommand';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();

function demoBook(entries = 6): string {
  const dataDir = tempDir();
  expect(fieldbook(['demo', '--entries', String(entries), '--data-dir', dataDir]).code).toBe(0);
  return dataDir;
}

beforeAll(() => {
  if (!existsSync(join(root, 'out', 'main', 'cli.js'))) throw new Error('The CLI is not built: run "npm run build" first (npm test does).');
});

describe('fieldbook export and import', () => {
  it('explains both commands in --help', () => {
    const { stdout } = fieldbook(['--help']);
    expect(stdout).toContain('fieldbook export --format md|html|pdf|xlsx|csv|json --out PATH [--entry ID]');
    expect(stdout).toContain('fieldbook import FILE [--yes]');
  });

  it('exports every text format, one entry or all, and a Markdown folder', () => {
    const dataDir = demoBook();
    const out = tempDir();
    for (const format of ['html', 'csv', 'json', 'xlsx']) {
      const result = fieldbook(['export', '--format', format, '--out', join(out, `all.${format}`), '--data-dir', dataDir]);
      expect(result).toMatchObject({ code: 0, stdout: `Wrote ${join(out, `all.${format}`)}.\n` });
    }
    const md = fieldbook(['export', '--format', 'md', '--out', join(out, 'docs'), '--data-dir', dataDir]);
    expect(md).toMatchObject({ code: 0, stdout: expect.stringContaining('Wrote 7 Markdown files') });
    expect(readdirSync(join(out, 'docs', 'entries'))).toHaveLength(6);
    // Exporting again replaces the earlier Markdown export as a whole.
    expect(fieldbook(['export', '--format', 'md', '--out', join(out, 'docs'), '--data-dir', dataDir]).code).toBe(0);
    // One entry, by name, into an existing folder: the file gets a suggested name.
    const one = fieldbook(['export', '--format', 'html', '--entry', 'Quote pricing workbook', '--out', out, '--data-dir', dataDir]);
    expect(one).toMatchObject({ code: 0, stdout: `Wrote ${join(out, 'quote-pricing-workbook.html')}.\n` });
    expect(readdirSync(out).sort()).toEqual(['all.csv', 'all.html', 'all.json', 'all.xlsx', 'docs', 'quote-pricing-workbook.html']);
  });

  it('says what is wrong with a bad format, a missing --out or an unknown entry', () => {
    const dataDir = demoBook(2);
    expect(fieldbook(['export', '--format', 'docx', '--out', 'x', '--data-dir', dataDir])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be one of md, html, pdf, xlsx, csv, json, not "docx"') });
    expect(fieldbook(['export', '--format', 'html', '--data-dir', dataDir])).toMatchObject({ code: 2, stderr: expect.stringContaining('--out PATH') });
    expect(fieldbook(['export', '--format', 'html', '--entry', 'Nope', '--out', tempDir(), '--data-dir', dataDir])).toMatchObject({ code: 2, stderr: expect.stringContaining('No entry is called “Nope”') });
    expect(fieldbook(['import', '--data-dir', dataDir])).toMatchObject({ code: 64, stderr: expect.stringContaining('fieldbook import FILE') });
  });

  it('refuses to write into a folder that already holds other files', () => {
    const dataDir = demoBook(2);
    const out = tempDir();
    writeFileSync(join(out, 'mine.txt'), 'keep me');
    const result = fieldbook(['export', '--format', 'md', '--out', out, '--data-dir', dataDir]);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('already has files in it') });
    expect(readdirSync(out)).toEqual(['mine.txt']);
  });

  it('an export to a read-only place fails cleanly and leaves no file behind', () => {
    const dataDir = demoBook(3);
    const out = tempDir();
    for (const [format, target] of [
      ['html', join(out, 'docs.html')],
      ['json', join(out, 'backup.json')],
      ['md', join(out, 'docs')],
      ['xlsx', out],
    ] as const) {
      const result = runOnReadOnlyDisk(out, ['export', '--format', format, '--out', target, '--data-dir', dataDir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Fieldbook cannot write to ${out}: the folder is read-only.`);
      expect(result.stderr).toContain('Nothing was written.');
      expect(readdirSync(out)).toEqual([]);
    }
  });

  it('import shows what it will do and changes nothing without --yes; with --yes it imports', () => {
    const source = demoBook(5);
    const backup = join(tempDir(), 'backup.json');
    expect(fieldbook(['export', '--format', 'json', '--out', backup, '--data-dir', source]).code).toBe(0);
    const target = tempDir();
    const preview = fieldbook(['import', backup, '--data-dir', target]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('5 entries will be added.');
    expect(preview.stdout).toContain('Will be added (5):');
    expect(preview.stdout).toContain('Nothing has been changed. Run the same command with --yes to import.');
    let book = openFieldbook({ dataDir: target });
    expect(book.entries.all()).toHaveLength(0);
    book.close();

    const applied = fieldbook(['import', backup, '--yes', '--data-dir', target]);
    expect(applied).toMatchObject({ code: 0, stdout: expect.stringContaining('Imported. 5 entries were added.') });
    book = openFieldbook({ dataDir: target });
    expect(book.entries.all()).toHaveLength(5);
    book.close();

    const again = fieldbook(['import', backup, '--data-dir', target]);
    expect(again.stdout).toContain('5 entries will be kept as they are here');
  });

  it('import refuses a file that is not a Fieldbook export, and says why', () => {
    const target = tempDir();
    const file = join(target, 'foreign.json');
    mkdirSync(join(target, 'data'));
    writeFileSync(file, JSON.stringify({ format: 'something-else', version: 1 }));
    const result = fieldbook(['import', file, '--yes', '--data-dir', join(target, 'data')]);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('not a Fieldbook export') });
    expect(result.stderr).toContain('Nothing in your fieldbook was changed.');
    expect(readFileSync(file, 'utf8')).toContain('something-else');
  });
});
