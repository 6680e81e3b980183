import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * better-sqlite3 for kysely with its prepared statements kept. Kysely's SQLite driver prepares
 * every query anew; the hub runs the same few queries on every request, and preparing them was a
 * tenth of its time under load. A statement is reused only once the previous run has finished:
 * better-sqlite3 runs synchronously, and kysely holds its one SQLite connection per query (the hub
 * does not stream results, which would keep a statement busy).
 */
export function withCachedStatements(database: BetterSqlite3.Database, size = 200): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        // Queries with IN lists come in many lengths: keep the most recently added ones.
        if (statements.size >= size) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
