import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openHubDatabase } from '../../hub/db/openHubDatabase';
import { createHubTestDatabase } from './hub-testHub';

describe('prepared statements on PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('a query the hub runs again is prepared once on its connection; select * and DDL are not prepared', async () => {
    const place = await createHubTestDatabase('postgres');
    cleanups.push(() => place.drop());
    // One connection, so every query below runs on the same server session.
    const database = await openHubDatabase({ databaseUrl: place.databaseUrl, poolSize: 1 });
    cleanups.push(() => database.close());
    const { db } = database;

    for (const id of ['a', 'b', 'c']) await db.selectFrom('devices').select('name').where('id', '=', id).execute();
    await db.selectFrom('packs').selectAll().execute();
    await db.schema.createIndex('bench_probe').on('devices').column('name').execute();

    const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db);
    const statements = prepared.rows.map((row) => row.statement);
    expect(statements.filter((text) => text.includes('from "devices" where "id" = $1'))).toHaveLength(1);
    expect(statements.filter((text) => /select \*/i.test(text))).toEqual([]);
    expect(statements.filter((text) => /create index/i.test(text))).toEqual([]);
  });
});
