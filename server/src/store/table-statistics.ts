/**
 * Planner statistics for the embedded database. PGlite runs no autovacuum, so without this its tables
 * are never analyzed and the planner guesses: pg-boss's fetch and complete then join every row of a
 * queue's table (finished steps stay there for an hour) instead of looking the step up by id, a cost
 * that grows with the queue and is paid on the API thread. A table is analyzed when it has never been
 * or has more than doubled since it last was (a catalog query decides; the ANALYZE itself is rare).
 */
import type { Database } from './database';
import type { Logger } from '../log/logger';
import { periodicTask } from '../runtime/periodic-task';

export interface TableStatistics {
  /** Analyzes the tables that need it; returns their names (schema.table). */
  refresh(): Promise<string[]>;
  start(intervalMs: number): void;
  stop(): void;
}

export function createTableStatistics(db: Database, log: Logger): TableStatistics {
  async function refresh(): Promise<string[]> {
    const stale = await db.query<{ name: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'r' AND n.nspname IN ('public', 'pgboss')
         AND (c.reltuples < 0 OR pg_relation_size(c.oid) / current_setting('block_size')::int > 2 * c.relpages + 1)
       ORDER BY 1`,
    );
    if (stale.length) await db.exec(`ANALYZE ${stale.map((t) => t.name).join(', ')}`);
    return stale.map((t) => t.name);
  }
  return { refresh, ...periodicTask(refresh, (e) => log.warn('analyzing tables failed', { error: e })) };
}
