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

/**
 * A text parameter written into SQL as a string literal, for EXECUTE of a prepared statement (which
 * takes no bound parameters through PGlite's query): quotes doubled (standard_conforming_strings is on,
 * so a backslash is an ordinary character); a NUL, which Postgres text cannot hold, is refused.
 */
export function textLiteral(value: string): string {
  if (typeof value !== 'string' || value.includes('\0')) throw new TypeError('a prepared statement parameter must be text without NUL characters');
  return `'${value.replaceAll("'", "''")}'`;
}

export function pgliteDatabase(pg: PGlite): Database {
  const query = async <T>(sql: string, params: readonly unknown[] = []) => (await pg.query<T>(sql, params as unknown[])).rows;
  const prepared = new Map<string, Promise<void>>();
  function prepare(name: string, sql: string): Promise<void> {
    let ready = prepared.get(name);
    if (!ready) {
      if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new TypeError(`prepared statement name "${name}" is not a plain lower-case identifier`);
      ready = pg.exec(`PREPARE ${name} AS ${sql}`).then(() => undefined);
      ready.catch(() => prepared.delete(name));
      prepared.set(name, ready);
    }
    return ready;
  }
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
    async queryPrepared<T>(name: string, sql: string, params: readonly string[]) {
      await prepare(name, sql);
      // The simple protocol: two calls into the WASM (query, sync) instead of the six `query` makes
      // (parse, describe, bind, describe, execute, sync); this is the API's hottest read.
      const [result] = await pg.exec(`EXECUTE ${name}(${params.map(textLiteral).join(', ')})`);
      return result.rows as T[];
    },
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      pg.transaction(async (tx) => fn({ query: async <R>(sql: string, params: readonly unknown[] = []) => (await tx.query<R>(sql, params as unknown[])).rows })),
    bossDb: () => boss,
    listen: (channel, onNotify) => pg.listen(channel, onNotify),
    close: () => pg.close(),
  };
}
