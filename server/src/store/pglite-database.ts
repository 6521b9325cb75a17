/**
 * The embedded database: PGlite (Postgres compiled to WASM) in a data folder. One process owns the
 * folder; pg-boss runs on the same connection through an adapter that sends parameterless SQL through
 * `exec` (PGlite refuses several statements in one prepared query) and the rest through `query`.
 */
import { PGlite } from '@electric-sql/pglite';
import type { BossDb, Database, Queryable } from './database';

export async function openPgliteDatabase(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  const pg = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  return pgliteDatabase(pg);
}

export function pgliteDatabase(pg: PGlite): Database {
  const query = async <T>(sql: string, params: readonly unknown[] = []) => (await pg.query<T>(sql, params as unknown[])).rows;
  const boss: BossDb = {
    async executeSql(text, values) {
      if (values && values.length) return pg.query(text, values);
      const results = await pg.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
  return {
    dialect: 'pglite',
    query,
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      pg.transaction(async (tx) => fn({ query: async <R>(sql: string, params: readonly unknown[] = []) => (await tx.query<R>(sql, params as unknown[])).rows })),
    bossDb: () => boss,
    listen: (channel, onNotify) => pg.listen(channel, onNotify),
    close: () => pg.close(),
  };
}
