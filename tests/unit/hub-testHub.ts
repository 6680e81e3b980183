import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openHubDatabase, type OpenHubDatabase } from '../../hub/db/openHubDatabase';
import { buildHubServer, type HubServerOptions } from '../../hub/hubServer';
import { HubStore } from '../../hub/hubStore';

/**
 * Test fixture for the hub: a real fastify server on 127.0.0.1:0 over a real database, either a
 * fresh SQLite file or a fresh schema in the PostgreSQL at 127.0.0.1:5432 (CI runs one). When
 * PostgreSQL cannot be reached the tests fail and say so: they never skip.
 */

export type HubBackend = 'sqlite' | 'postgres';
export const HUB_BACKENDS: HubBackend[] = ['sqlite', 'postgres'];

const POSTGRES_URL = process.env.HUB_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A place for one test's hub data: a temp folder, or a PostgreSQL schema. */
export interface HubTestDatabase {
  backend: HubBackend;
  dataDir: string;
  /** Set on PostgreSQL: a URL whose search_path is this test's own schema. */
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

export async function createHubTestDatabase(backend: HubBackend): Promise<HubTestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-hub-test-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (backend === 'sqlite') {
    return { backend, dataDir, databaseUrl: undefined, drop: async () => removeDir() };
  }
  const base = new URL(POSTGRES_URL);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) {
    throw new Error(`The hub tests use only a PostgreSQL on loopback, not ${base.hostname}.`);
  }
  const schema = `hub_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
    await admin.query(`create schema ${schema}`);
  } catch (error) {
    await admin.end().catch(() => undefined);
    removeDir();
    throw new Error(
      `The hub tests need PostgreSQL at ${base.host}${base.pathname} (set HUB_TEST_DATABASE_URL to another loopback URL): ` +
        `${error instanceof Error ? error.message : String(error)}`,
    );
  }
  await admin.end();
  // pg passes `options` to the server: this connection's tables live in the test's own schema.
  const databaseUrl = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    backend,
    dataDir,
    databaseUrl,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: POSTGRES_URL });
      await dropper.connect();
      try {
        await dropper.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await dropper.end();
        removeDir();
      }
    },
  };
}

export interface RunningHub {
  url: string;
  store: HubStore;
  database: OpenHubDatabase;
  close(): Promise<void>;
  /**
   * A JSON request to the hub; returns the status and the parsed body. The body is untyped on
   * purpose: tests read answers field by field, as a client in another language would.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(method: string, path: string, options?: { token?: string; body?: unknown; rawBody?: string }): Promise<{ status: number; body: any }>;
}

/** Starts one hub process's worth (database pool + fastify) on 127.0.0.1:0. */
export async function startHub(place: HubTestDatabase, options: Omit<HubServerOptions, 'store'> & { now?: () => Date } = {}): Promise<RunningHub> {
  const database = await openHubDatabase({ databaseUrl: place.databaseUrl, dataDir: place.dataDir, poolSize: 4 });
  const store = new HubStore({ db: database.db, kind: database.kind, ...(options.now ? { now: options.now } : {}) });
  const app = await buildHubServer({ ...options, store });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    store,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
    call: async (method, path, callOptions = {}) => {
      const headers: Record<string, string> = {};
      if (callOptions.token) headers.authorization = `Bearer ${callOptions.token}`;
      let body: string | undefined;
      if (callOptions.rawBody !== undefined) body = callOptions.rawBody;
      else if (callOptions.body !== undefined) body = JSON.stringify(callOptions.body);
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : JSON.parse(text) };
    },
  };
}
