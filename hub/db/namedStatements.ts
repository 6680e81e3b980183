import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

// Only plain data statements with few parameters: DDL runs once, and IN lists of every length
// would pile up prepared statements in each server connection. Not `select *`: a column added by
// a newer hub's migration would make PostgreSQL refuse the prepared plan of a running older hub.
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
const SELECT_STAR = /\bselect\s+\*|\.\*/i;
const MAX_PARAMETERS = 32;

/**
 * A pg pool for kysely whose queries are prepared once per server connection (named
 * statements): PostgreSQL then skips parsing and planning the hub's same few queries on every
 * request. pg keeps the names per connection and prepares a statement on first use.
 */
export function withNamedStatements(pool: pg.Pool): PostgresPool {
  return {
    end: () => pool.end(),
    connect: async (): Promise<PostgresPoolClient> => {
      const client = await pool.connect();
      const query = (text: unknown, parameters?: ReadonlyArray<unknown>) => {
        if (typeof text !== 'string') return client.query(text as pg.Submittable);
        const values = parameters as unknown[];
        if (!PREPARABLE.test(text) || SELECT_STAR.test(text) || values.length > MAX_PARAMETERS) return client.query(text, values);
        const name = `fb_${createHash('sha1').update(text).digest('base64url')}`;
        return client.query({ name, text, values });
      };
      return { query: query as unknown as PostgresPoolClient['query'], release: (destroy?: boolean) => client.release(destroy) };
    },
  };
}
