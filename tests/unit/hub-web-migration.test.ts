import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { hubMigrations, migrateHubDatabase } from '../../hub/db/hubMigrations';
import type { HubDatabase } from '../../hub/db/hubSchema';
import { HUB_SQLITE_FILE } from '../../hub/db/openHubDatabase';
import { HUB_BACKENDS, createHubTestDatabase, type HubBackend } from './hub-testHub';

describe.each(HUB_BACKENDS)('the web sessions migration on %s', (backend: HubBackend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('updates a hub from the first version, keeping its data, and adds sessions tied to staff', async () => {
    const place = await createHubTestDatabase(backend);
    cleanups.push(() => place.drop());
    const db = new Kysely<HubDatabase>({
      dialect:
        backend === 'sqlite'
          ? new SqliteDialect({ database: new Database(join(place.dataDir, HUB_SQLITE_FILE)) })
          : new PostgresDialect({ pool: new pg.Pool({ connectionString: place.databaseUrl, max: 2 }) }),
    });
    cleanups.push(() => db.destroy());
    if (backend === 'sqlite') await sql`pragma foreign_keys = on`.execute(db);

    // The hub as it shipped first: only 0001.
    // (On PostgreSQL, in this test's own schema: other schemas may hold other hubs' bookkeeping.)
    const schema = backend === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]!.schema : undefined;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => hubMigrations(backend) }, ...(schema ? { migrationTableSchema: schema } : {}) });
    const first = await migrator.migrateTo('0001_initial');
    expect(first.error).toBeUndefined();
    const now = new Date().toISOString();
    await db.insertInto('staff').values({ id: 's1', name: 'Ines', token_hash: 'h1', created_at: now, revoked_at: null }).execute();

    await migrateHubDatabase(db as Kysely<unknown>, backend);
    expect(await db.selectFrom('staff').select('name').execute()).toEqual([{ name: 'Ines' }]);
    await db.insertInto('web_sessions').values({ id_hash: 'x', staff_id: 's1', created_at: now, expires_at: now }).execute();
    await expect(db.insertInto('web_sessions').values({ id_hash: 'y', staff_id: 'nobody', created_at: now, expires_at: now }).execute()).rejects.toThrow();

    // Running it again changes nothing.
    await migrateHubDatabase(db as Kysely<unknown>, backend);
    expect(await db.selectFrom('web_sessions').select('id_hash').execute()).toEqual([{ id_hash: 'x' }]);

    if (backend === 'sqlite') {
      // The entry page reads an entry's history of shares by target: that is what the index is for.
      const plan = await sql<{ detail: string }>`explain query plan select action, at, detail from audit_log where target = ${'e'} and action in ('push', 'withdraw') order by id`.execute(db);
      expect(plan.rows.map((row) => row.detail).join('\n')).toContain('USING INDEX audit_log_by_target');
    }
  });
});
