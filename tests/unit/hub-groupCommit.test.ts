import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withCachedStatements } from '../../hub/db/cachedStatements';
import { GroupCommit } from '../../hub/db/groupCommit';
import { HubError } from '../../hub/hubError';

interface TestDatabase {
  items: { id: number; label: string };
}

const opened: Kysely<TestDatabase>[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
});

async function openDatabase(): Promise<{ db: Kysely<TestDatabase>; statements: string[] }> {
  const statements: string[] = [];
  const db = new Kysely<TestDatabase>({
    dialect: new SqliteDialect({ database: withCachedStatements(new Database(':memory:')) }),
    log: (event) => {
      statements.push(event.query.sql);
    },
  });
  opened.push(db);
  await db.schema.createTable('items').addColumn('id', 'integer', (column) => column.primaryKey()).addColumn('label', 'text', (column) => column.notNull()).execute();
  statements.length = 0;
  return { db, statements };
}

const labels = async (db: Kysely<TestDatabase>) => (await db.selectFrom('items').select('label').orderBy('id').execute()).map((row) => row.label);

describe('group commit of hub writes', () => {
  it('writes that arrive together share one transaction, in the order they arrived', async () => {
    const { db, statements } = await openDatabase();
    const commits = new GroupCommit(db);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) => commits.run(async (trx) => (await trx.insertInto('items').values({ id: n, label: `item ${n}` }).returning('id').executeTakeFirstOrThrow()).id)),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(statements.filter((text) => text === 'begin')).toHaveLength(1);
    expect(statements.filter((text) => text === 'commit')).toHaveLength(1);
    expect(await labels(db)).toHaveLength(20);
  });

  it('a write that arrives while a batch is running goes into the next one', async () => {
    const { db, statements } = await openDatabase();
    const commits = new GroupCommit(db);
    let late: Promise<unknown> | undefined;
    await commits.run(async (trx) => {
      late = commits.run((next) => next.insertInto('items').values({ id: 2, label: 'late' }).execute());
      await trx.insertInto('items').values({ id: 1, label: 'first' }).execute();
    });
    await late;
    expect(await labels(db)).toEqual(['first', 'late']);
    expect(statements.filter((text) => text === 'commit')).toHaveLength(2);
  });

  it('a refusal (HubError, before writing) fails only its own caller', async () => {
    const { db } = await openDatabase();
    const commits = new GroupCommit(db);
    const [first, refused, last] = await Promise.allSettled([
      commits.run((trx) => trx.insertInto('items').values({ id: 1, label: 'kept 1' }).execute()),
      commits.run(async () => {
        throw new HubError(403, 'not-your-entry', 'not yours');
      }),
      commits.run((trx) => trx.insertInto('items').values({ id: 3, label: 'kept 3' }).execute()),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(last.status).toBe('fulfilled');
    expect(refused.status === 'rejected' && refused.reason instanceof HubError && refused.reason.code === 'not-your-entry').toBe(true);
    expect(await labels(db)).toEqual(['kept 1', 'kept 3']);
  });

  it('any other error rolls the whole batch back and every caller in it hears of it', async () => {
    const { db } = await openDatabase();
    await db.insertInto('items').values({ id: 7, label: 'before' }).execute();
    const commits = new GroupCommit(db);
    const results = await Promise.allSettled([
      commits.run((trx) => trx.insertInto('items').values({ id: 1, label: 'lost 1' }).execute()),
      // The primary key is taken: a database error, not a refusal.
      commits.run((trx) => trx.insertInto('items').values({ id: 7, label: 'duplicate' }).execute()),
      commits.run((trx) => trx.insertInto('items').values({ id: 3, label: 'lost 3' }).execute()),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await labels(db)).toEqual(['before']);
    // The next batch starts clean.
    await commits.run((trx) => trx.insertInto('items').values({ id: 8, label: 'after' }).execute());
    expect(await labels(db)).toEqual(['before', 'after']);
  });
});

describe('cached SQLite statements', () => {
  it('a query run again reuses its prepared statement; the oldest is dropped past the limit', async () => {
    const database = new Database(':memory:');
    const prepare = vi.spyOn(database, 'prepare');
    const cached = withCachedStatements(database, 2);
    cached.prepare('select 1');
    cached.prepare('select 1');
    expect(prepare).toHaveBeenCalledTimes(1);
    cached.prepare('select 2');
    cached.prepare('select 3');
    cached.prepare('select 3');
    expect(prepare).toHaveBeenCalledTimes(3);
    // "select 1" was the oldest of three: prepared again.
    cached.prepare('select 1');
    expect(prepare).toHaveBeenCalledTimes(4);
    cached.close();
  });
});
