import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { FieldbookError } from '../errors';

/**
 * Writing an export: everything goes to a temporary name in the target folder first and is
 * renamed into place only when complete, so a failure (read-only disk, full disk, no such
 * folder) leaves no half-written file behind, and says what happened and what to do.
 */

function tempNameBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.fieldbook-tmp`);
}

function writeNew(path: string, data: string | Uint8Array, sync: boolean): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes one file atomically; replaces an existing file of that name. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const target = resolve(path);
  refuseFolder(target);
  const temp = tempNameBeside(target);
  try {
    writeNew(temp, data, true);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw toWriteError(error, target);
  }
}

/**
 * Writes a folder of files atomically: built complete under a temporary name beside the target,
 * then renamed into place. An existing target folder must be empty, or a previous export that
 * `isPreviousExport` recognises (it is then replaced as a whole, only after the new one is complete).
 */
export function writeFolderAtomic(path: string, files: readonly { path: string; content: string }[], isPreviousExport: (folder: string) => boolean): void {
  const target = resolve(path);
  const existing = statOrNull(target);
  if (existing && !existing.isDirectory()) {
    throw new FieldbookError('invalid_input', `${target} is a file, not a folder.`, 'Give the name of a new folder for the Markdown export. Nothing was written.');
  }
  const replacing = existing !== null && readdirSync(target).length > 0;
  if (replacing && !isPreviousExport(target)) {
    throw new FieldbookError(
      'invalid_input',
      `The folder ${target} already has files in it.`,
      'Choose a new or empty folder for the Markdown export (or a folder of an earlier Fieldbook export, which is replaced). Nothing was written.',
    );
  }
  const temp = tempNameBeside(target);
  const old = tempNameBeside(target);
  let moved = false;
  try {
    mkdirSync(temp);
    const made = new Set<string>([temp]);
    for (const file of files) {
      const filePath = join(temp, ...file.path.split('/'));
      if (!resolve(filePath).startsWith(resolve(temp) + sep)) throw new Error(`Unsafe path in export: ${file.path}`);
      const folder = dirname(filePath);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      // No fsync per file: the folder appears only by the rename below, complete or not at all.
      writeNew(filePath, file.content, false);
    }
    if (existing) {
      renameSync(target, old);
      moved = true;
    }
    renameSync(temp, target);
    if (moved) rmSync(old, { recursive: true, force: true });
  } catch (error) {
    if (moved) {
      try {
        renameSync(old, target);
      } catch {
        // Put back failed: the earlier export is still complete under its temporary name.
      }
    }
    rmSync(temp, { recursive: true, force: true });
    throw toWriteError(error, target);
  }
}

/** True when a folder's index.md starts with `marker`: a folder Fieldbook wrote before. */
export function folderStartsWith(folder: string, file: string, marker: string): boolean {
  try {
    return readFileSync(join(folder, file), 'utf8').startsWith(marker);
  } catch {
    return false;
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function refuseFolder(target: string): void {
  if (statOrNull(target)?.isDirectory()) {
    throw new FieldbookError('invalid_input', `${target} is a folder.`, 'Give a file name to write to. Nothing was written.');
  }
}

/** File-system failures in words a person can act on. Says, every time, that nothing was written. */
export function toWriteError(error: unknown, target: string): FieldbookError {
  if (error instanceof FieldbookError) return error;
  const code = (error as { code?: string }).code ?? '';
  const folder = dirname(target);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new FieldbookError(
      'store_readonly',
      `Fieldbook cannot write to ${folder}: the folder is read-only.`,
      'Choose a folder you can write to, such as your Documents folder. Nothing was written.',
    );
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new FieldbookError('invalid_input', `The folder ${folder} does not exist.`, 'Create the folder first, or choose another place. Nothing was written.');
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new FieldbookError('store_unavailable', `The disk holding ${folder} is full.`, 'Free some space or choose another disk. Nothing was written.');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new FieldbookError('store_unavailable', `Fieldbook could not write ${target}: ${message}`, 'Try another folder. Nothing was written.');
}
