import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type HubDialectKind = 'sqlite' | 'postgres';

/**
 * The hub's migrations, in code, for both databases. Forward only: never edit a migration that
 * has shipped; add the next one. Names sort in the order they run.
 */
export function hubMigrations(kind: HubDialectKind): Record<string, Migration> {
  // An auto-numbered integer key, in each database's own words.
  const serialType = kind === 'postgres' ? 'serial' : 'integer';

  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('devices')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('name', 'text', (column) => column.notNull())
          .addColumn('token_hash', 'text', (column) => column.notNull().unique())
          .addColumn('enrolled_at', 'text', (column) => column.notNull())
          .addColumn('revoked_at', 'text')
          .execute();

        await db.schema
          .createTable('staff')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('name', 'text', (column) => column.notNull().unique())
          .addColumn('token_hash', 'text', (column) => column.notNull().unique())
          .addColumn('created_at', 'text', (column) => column.notNull())
          .addColumn('revoked_at', 'text')
          .execute();

        await db.schema
          .createTable('enrollment_codes')
          .addColumn('code_hash', 'text', (column) => column.primaryKey())
          .addColumn('uses_left', 'integer', (column) => column.notNull())
          .addColumn('expires_at', 'text', (column) => column.notNull())
          .addColumn('created_at', 'text', (column) => column.notNull())
          .execute();

        await db.schema
          .createTable('entries')
          .addColumn('entry_id', 'text', (column) => column.primaryKey())
          .addColumn('device_id', 'text', (column) => column.notNull().references('devices.id'))
          .addColumn('revision', 'integer', (column) => column.notNull())
          .addColumn('payload', 'text')
          .addColumn('shared_at', 'text')
          .addColumn('received_at', 'text', (column) => column.notNull())
          .addColumn('withdrawn_at', 'text')
          .execute();
        await db.schema.createIndex('entries_by_device').on('entries').column('device_id').execute();

        await db.schema
          .createTable('comments')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('entry_id', 'text', (column) => column.notNull().references('entries.entry_id'))
          .addColumn('device_id', 'text', (column) => column.notNull())
          .addColumn('staff_id', 'text', (column) => column.notNull().references('staff.id'))
          .addColumn('text', 'text', (column) => column.notNull())
          .addColumn('created_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('comments_by_entry').on('comments').column('entry_id').execute();

        await db.schema
          .createTable('packs')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('pack_id', 'text', (column) => column.notNull())
          .addColumn('version', 'text', (column) => column.notNull())
          .addColumn('text', 'text', (column) => column.notNull())
          .addColumn('signature', 'text', (column) => column.notNull())
          .addColumn('published_at', 'text', (column) => column.notNull())
          .addColumn('published_by', 'text', (column) => column.notNull())
          .execute();

        await db.schema
          .createTable('feed')
          .addColumn('seq', serialType, (column) => (kind === 'postgres' ? column.primaryKey() : column.primaryKey().autoIncrement()))
          .addColumn('kind', 'text', (column) => column.notNull())
          .addColumn('device_id', 'text')
          .addColumn('ref_id', 'text', (column) => column.notNull())
          .addColumn('created_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('feed_by_device').on('feed').columns(['device_id', 'seq']).execute();
        await db.schema.createIndex('feed_by_ref').on('feed').column('ref_id').execute();

        await db.schema
          .createTable('audit_log')
          .addColumn('id', serialType, (column) => (kind === 'postgres' ? column.primaryKey() : column.primaryKey().autoIncrement()))
          .addColumn('at', 'text', (column) => column.notNull())
          .addColumn('actor_kind', 'text', (column) => column.notNull())
          .addColumn('actor_id', 'text')
          .addColumn('action', 'text', (column) => column.notNull())
          .addColumn('target', 'text')
          .addColumn('detail', 'text')
          .execute();
      },
    },

    // The web view's sign-in sessions (only the id's hash is kept), and the index the entry
    // page's history of shares reads the audit log by.
    '0002_web_sessions': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('web_sessions')
          .addColumn('id_hash', 'text', (column) => column.primaryKey())
          .addColumn('staff_id', 'text', (column) => column.notNull().references('staff.id'))
          .addColumn('created_at', 'text', (column) => column.notNull())
          .addColumn('expires_at', 'text', (column) => column.notNull())
          .execute();
        await db.schema.createIndex('web_sessions_by_staff').on('web_sessions').column('staff_id').execute();
        await db.schema.createIndex('audit_log_by_target').on('audit_log').columns(['target', 'id']).execute();
      },
    },
    // Enrollment codes for one known device, so a revoked or rebuilt computer keeps what it shared.
    '0003_device_enrollment_codes': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('enrollment_codes').addColumn('device_id', 'text').execute();
      },
    },
  };
}

/** Brings the database up to date; refuses one written by a newer hub. */
export async function migrateHubDatabase(db: Kysely<unknown>, kind: HubDialectKind): Promise<void> {
  const migrations = hubMigrations(kind);
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  // Kysely looks for its bookkeeping tables in every schema unless told which one: another
  // schema's tables (a second hub, another app) would be taken for ours. Name the hub's own.
  const schema = kind === 'postgres' ? (await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The hub could not update its database${failed ? ` (migration ${failed.migrationName})` : ''}: ${detail}. ` +
        'If this database was used by a newer hub, run that version instead.',
    );
  }
}
