import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApiRouter } from '../../main/api/router';
import { DATABASE_FILE, openFieldbook } from '../../main/core/fieldbook';
import { MIGRATIONS, SCHEMA_VERSION } from '../../main/core/store/migrations';
import { migrate, openDatabase } from '../../main/core/store/database';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();

describe('the local store', () => {
  it('a new fieldbook is created in WAL mode at the latest schema version', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, DATABASE_FILE));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('each migration applies on top of the previous version', () => {
    const db = new BetterSqlite3(':memory:');
    for (let version = 1; version <= MIGRATIONS.length; version++) {
      db.transaction(() => {
        MIGRATIONS[version - 1]!(db);
        db.pragma(`user_version = ${version}`);
      })();
      expect(db.pragma('user_version', { simple: true })).toBe(version);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('migrating an up-to-date database changes nothing', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('a failing migration leaves the database at its previous version', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec('CREATE TABLE entries (x)'); // collides with migration 1
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'entry_history'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('the list query uses the name index instead of sorting every row', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM entries e WHERE e.deleted_at IS NULL ORDER BY e.name LIMIT 100')
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toContain('entries_live_name');
    expect(plan).not.toContain('TEMP B-TREE');
    db.close();
  });
});

describe('a fieldbook it cannot use is refused, never overwritten', () => {
  it('a database from a newer Fieldbook is refused with a clear message', () => {
    const dir = tempDir();
    const path = join(dir, DATABASE_FILE);
    const db = new BetterSqlite3(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(path);
    expect(() => openFieldbook({ dataDir: dir })).toThrow(/newer version of Fieldbook/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a damaged file is reported as damaged and left untouched', () => {
    const dir = tempDir();
    const path = join(dir, DATABASE_FILE);
    const garbage = Buffer.from('this is not a database, it is a shopping list\n'.repeat(100));
    writeFileSync(path, garbage);
    expect(() => openFieldbook({ dataDir: dir })).toThrow(expect.objectContaining({ code: 'store_corrupt' }));
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });

  it('a save while another program holds the fieldbook is refused as "in use" and changes nothing', async () => {
    const dir = tempDir();
    const book = openFieldbook({ dataDir: dir });
    const entry = book.createEntry({ name: 'Pricing workbook', kind: 'spreadsheet' });
    const router = createApiRouter(book);
    const other = new BetterSqlite3(join(dir, DATABASE_FILE));
    other.exec('BEGIN IMMEDIATE');
    try {
      const result = await router.call('entries.update', { id: entry.id, changes: { name: 'Renamed' } });
      expect(result).toMatchObject({ ok: false, error: { code: 'store_locked', message: expect.stringMatching(/in use by another program/) } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(book.entries.get(entry.id).name).toBe('Pricing workbook');
    book.close();
  });
});
