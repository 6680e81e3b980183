import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldbookError } from '../../main/core/errors';
import { folderStartsWith, writeFileAtomic, writeFolderAtomic } from '../../main/core/export/writeFiles';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const isExport = (folder: string) => folderStartsWith(folder, 'index.md', '<!-- fieldbook-export');

function caught(work: () => void): FieldbookError {
  try {
    work();
  } catch (error) {
    if (error instanceof FieldbookError) return error;
    throw error;
  }
  throw new Error('expected a FieldbookError');
}

describe('writing export files', () => {
  it('replaces a file in one step and leaves no temporary file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'docs.html'), 'old');
    writeFileAtomic(join(dir, 'docs.html'), 'new');
    expect(readFileSync(join(dir, 'docs.html'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['docs.html']);
  });

  it('says a folder does not exist, and writes nothing', () => {
    const dir = tempDir();
    const error = caught(() => writeFileAtomic(join(dir, 'missing', 'docs.html'), 'x'));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(`The folder ${join(dir, 'missing')} does not exist.`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder export that fails half-way leaves nothing behind, and keeps the earlier export whole', () => {
    const dir = tempDir();
    const target = join(dir, 'docs');
    writeFolderAtomic(target, [{ path: 'index.md', content: '<!-- fieldbook-export: 1 -->\nold' }], isExport);
    // "entries" is first written as a file, so the second file cannot go inside it.
    const error = caught(() =>
      writeFolderAtomic(
        target,
        [
          { path: 'index.md', content: '<!-- fieldbook-export: 2 -->\nnew' },
          { path: 'entries', content: 'a file' },
          { path: 'entries/a.md', content: 'x' },
        ],
        isExport,
      ),
    );
    expect(error.hint).toContain('Nothing was written.');
    expect(readdirSync(dir)).toEqual(['docs']);
    expect(readFileSync(join(target, 'index.md'), 'utf8')).toContain('old');
  });

  it('never writes into a folder of the user’s own files', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'notes.txt'), 'mine');
    const error = caught(() => writeFolderAtomic(join(dir, 'mine'), [{ path: 'index.md', content: 'x' }], isExport));
    expect(error.message).toContain('already has files in it');
    expect(readdirSync(join(dir, 'mine'))).toEqual(['notes.txt']);
    expect(readdirSync(dir)).toEqual(['mine']);
  });
});
