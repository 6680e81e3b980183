import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { FieldbookError } from '../errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type { Database };

/**
 * Opens (or creates) the fieldbook's SQLite file and brings its schema up to date.
 * Never repairs or overwrites a file it does not understand: it refuses with a clear message.
 */
export function openDatabase(path: string): Database {
  const isNew = !existsSync(path);
  if (isNew) ensureWritableFolder(dirname(path));
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(path, { timeout: 2_000 });
    // Check the version before anything writes to the file: a refused file stays byte-for-byte as it was.
    refuseNewer(db, path);
    db.pragma('journal_mode = WAL');
    // FULL: a change is on disk before Fieldbook says it is saved.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // What is deleted for good is overwritten with zeros, not only unlinked from the file's pages.
    db.pragma('secure_delete = ON');
    migrate(db, path);
    return db;
  } catch (error) {
    db?.close();
    throw toStoreError(error, path);
  }
}

function ensureWritableFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    // A recursive mkdir on a read-only disk reports ENOENT; the nearest existing folder tells the truth.
    throw toStoreError(writeErrorOfNearestFolder(folder) ?? error, folder);
  }
}

function writeErrorOfNearestFolder(folder: string): unknown {
  let current = folder;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  try {
    accessSync(current, constants.W_OK);
    return null;
  } catch (error) {
    return error;
  }
}

/** Runs every pending migration in one transaction, or none of them. */
export function migrate(db: Database, path = 'the fieldbook'): void {
  const current = refuseNewer(db, path);
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
      MIGRATIONS[version - 1]!(db);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** Returns the file's schema version, refusing one written by a newer Fieldbook. */
function refuseNewer(db: Database, path: string): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new FieldbookError(
      'store_newer',
      `The fieldbook at ${path} was written by a newer version of Fieldbook (data version ${current}; this version understands up to ${SCHEMA_VERSION}).`,
      'Update Fieldbook to the latest version. Your data has not been changed.',
    );
  }
  return current;
}

/** Translates SQLite and file-system failures into messages a person can act on. */
export function toStoreError(error: unknown, path: string): FieldbookError {
  if (error instanceof FieldbookError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) {
    return new FieldbookError(
      'store_corrupt',
      `The fieldbook file ${path} is damaged or is not a Fieldbook database.`,
      'Fieldbook left the file untouched. Restore it from a backup, or move it aside to start a new fieldbook.',
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new FieldbookError(
      'store_locked',
      `The fieldbook file ${path} is in use by another program.`,
      'Close the other Fieldbook window or command that uses this folder, then try again.',
    );
  }
  if (
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS'
  ) {
    return new FieldbookError(
      'store_readonly',
      `Fieldbook cannot write to ${path}: the file or its folder is read-only.`,
      'Choose a data folder you can write to (--data-dir or FIELDBOOK_DATA_DIR), or fix the folder permissions.',
    );
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new FieldbookError(
      'store_unavailable',
      `The disk holding ${path} is full, so the change could not be saved.`,
      'Free some disk space and try again. Nothing that was saved before has been lost.',
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new FieldbookError(
    'store_unavailable',
    `Fieldbook could not use its data file ${path}: ${message}`,
    'Check that the folder exists and is yours, then try again.',
  );
}
