/**
 * A Postgres server through `pg` (DATABASE_URL): the same SQL as PGlite, shared by any number of
 * server and worker processes. Timestamps and JSON come back as Date and objects, as from PGlite.
 */
import pg from 'pg';
import type { BossDb, Database, Queryable } from './database';
import { listenOnPostgres } from './postgres-listener';

/**
 * How long a query waits for a connection (a new one made, or a busy pool's turn) before it fails as
 * the database being unavailable (answered 503): without a limit, a database host that drops packets
 * held every request for the operating system's TCP timeout, about two minutes.
 */
export const CONNECT_TIMEOUT_MS = 10_000;

export async function openPostgresDatabase(connectionString: string, options: { max?: number; connectTimeoutMs?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, application_name: 'brandlock', connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next query.
  });
  await pool.query('SELECT 1');
  const query = async <T>(sql: string, params: readonly unknown[] = []) => (await pool.query(sql, params as unknown[])).rows as T[];
  const boss: BossDb = {
    async executeSql(text, values) {
      const res = (await pool.query(text, values)) as unknown as pg.QueryResult | pg.QueryResult[];
      return Array.isArray(res) ? (res.at(-1) ?? { rows: [] }) : res;
    },
  };
  return {
    dialect: 'postgres',
    query,
    // node-postgres prepares a named statement once per connection.
    queryPrepared: async <T>(name: string, sql: string, params: readonly string[]) => (await pool.query({ name, text: sql, values: [...params] })).rows as T[],
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async <R>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, params as unknown[])).rows as R[] });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    bossDb: () => boss,
    listen: (channel, onNotify, onResync) => listenOnPostgres(connectionString, channel, onNotify, onResync),
    close: () => pool.end(),
  };
}
