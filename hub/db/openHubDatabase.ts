import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { withCachedStatements } from './cachedStatements';
import type { HubDatabase } from './hubSchema';
import { withNamedStatements } from './namedStatements';
import { migrateHubDatabase, type HubDialectKind } from './hubMigrations';

export interface HubDatabaseOptions {
  /** A postgres:// URL selects PostgreSQL; otherwise the hub keeps a SQLite file in dataDir. */
  databaseUrl?: string | undefined;
  /** The folder for the SQLite file (hub.sqlite). Ignored on PostgreSQL. */
  dataDir?: string | undefined;
  /** Connections per process on PostgreSQL. */
  poolSize?: number;
}

export interface OpenHubDatabase {
  db: Kysely<HubDatabase>;
  kind: HubDialectKind;
  /** Where the data lives, for messages (never includes a password). */
  location: string;
  close(): Promise<void>;
}

export const HUB_SQLITE_FILE = 'hub.sqlite';

/** Opens the hub's database and brings its tables up to date. */
export async function openHubDatabase(options: HubDatabaseOptions): Promise<OpenHubDatabase> {
  const opened = options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openSqlite(options.dataDir ?? 'fieldbook-hub-data');
  try {
    await migrateHubDatabase(opened.db as Kysely<unknown>, opened.kind);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}

function openSqlite(dataDir: string): OpenHubDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, HUB_SQLITE_FILE);
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  // Said explicitly: better-sqlite3 builds SQLite to open a file already in WAL mode with
  // synchronous=NORMAL (commits not fsynced, so a power cut can take back the last pushes after
  // the hub acknowledged them), while the connection that first turns WAL on keeps FULL. FULL
  // fsyncs the WAL at every commit, so an acknowledged push survives a power cut; pushes share
  // commits (GroupCommit), so it costs one fsync per batch, not per push.
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  // A withdrawn entry's content is overwritten on disk, not left in free pages.
  database.pragma('secure_delete = ON');
  const db = new Kysely<HubDatabase>({ dialect: new SqliteDialect({ database: withCachedStatements(database) }) });
  return { db, kind: 'sqlite', location: file, close: () => db.destroy() };
}

function openPostgres(databaseUrl: string, poolSize: number): OpenHubDatabase {
  let location = 'PostgreSQL';
  try {
    const url = new URL(databaseUrl);
    location = `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    // Not a URL we can show; pg reports the problem when it connects.
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const db = new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) });
  return { db, kind: 'postgres', location, close: () => db.destroy() };
}
