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

/**
 * A bound parameter as an untyped SQL literal for EXECUTE (Postgres gives it the prepared parameter's
 * type, as the extended protocol does with a text parameter): strings, numbers, booleans, dates (ISO
 * 8601), arrays (Postgres array literals) and other objects (JSON).
 */
export function paramLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return textLiteral(value.toISOString());
  if (Array.isArray(value)) return textLiteral(arrayText(value));
  if (typeof value === 'object') return textLiteral(JSON.stringify(value));
  return textLiteral(String(value));
}

function arrayText(values: readonly unknown[]): string {
  const element = (v: unknown): string => {
    if (v === null || v === undefined) return 'NULL';
    if (Array.isArray(v)) return arrayText(v);
    const text = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  };
  return `{${values.map(element).join(',')}}`;
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
  const bossStatements = new Map<string, string>();
  const boss: BossDb = {
    // pg-boss sends a few fixed statements (fetch, complete, insert, ...) over and over: each is
    // prepared once, so the API thread no longer parses and plans them on every call.
    async executeSql(text, values) {
      if (values && values.length) {
        let name = bossStatements.get(text);
        if (!name) bossStatements.set(text, (name = `boss_${bossStatements.size + 1}`));
        await prepare(name, text);
        const [result] = await pg.exec(`EXECUTE ${name}(${values.map(paramLiteral).join(', ')})`);
        return result;
      }
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
