/**
 * The one Postgres dialect brandlock speaks, behind a small interface with two implementations:
 * embedded PGlite (a data folder, zero set-up) and a Postgres server through `pg`. The SQL is the same.
 */

export interface Queryable {
  /** Runs one statement with `$1..$n` parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** What pg-boss needs to run its own SQL on our connection. */
export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface Database extends Queryable {
  readonly dialect: 'pglite' | 'postgres';
  /** Runs parameterless SQL that may hold several statements (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs a read that requests make all the time (a client polling its job) as a statement the
   * database keeps parsed and planned under `name` (one name, one SQL text, text parameters): planning
   * is most of such a read's cost on PGlite, which runs on the API's thread. Same rows as `query`.
   */
  queryPrepared<T = Record<string, unknown>>(name: string, sql: string, params: readonly string[]): Promise<T[]>;
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  bossDb(): BossDb;
  /**
   * Calls `onNotify` with the payload of each NOTIFY on `channel` (from any connection, after its
   * transaction commits), and `onResync` when notifications may have been missed (a lost connection
   * was re-established). Resolves to the function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void, onResync?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
