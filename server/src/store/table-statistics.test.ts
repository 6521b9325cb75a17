// Planner statistics on the embedded database, which runs no autovacuum: tables are analyzed when
// the server starts and again once they have grown, so the planner knows how many jobs and queued
// steps there are instead of guessing.
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';

let t: TestServer | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const estimate = async (server: TestServer, table: string) =>
  (await server.server.db.query<{ n: number }>('SELECT reltuples::int AS n FROM pg_class WHERE oid = $1::regclass', [table]))[0].n;

describe('table statistics (PGlite)', () => {
  it('analyzes the tables at start, and the jobs and queue tables again once they have grown', async () => {
    t = await startTestServer({ workers: false });
    if (t.server.db.dialect !== 'pglite') return;
    const statistics = (await import('./table-statistics')).createTableStatistics(t.server.db, { warn: () => undefined } as never);
    // Every table was analyzed at start: nothing is left that never was.
    expect(await statistics.refresh()).toEqual([]);
    const lock = await readFile(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8');
    expect((await t.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: lock })).status).toBe(201);
    const create = () => t!.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'moodboard', moodboard: { count: 6 } }) });
    for (let i = 0; i < 200; i += 20) expect((await Promise.all(Array.from({ length: 20 }, create))).every((r) => r.status === 202)).toBe(true);
    const [queue] = await t.server.db.query<{ name: string }>("SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'pgboss' AND tablename LIKE 'j%' ORDER BY pg_relation_size(format('%I.%I', schemaname, tablename)) DESC LIMIT 1");
    expect(await estimate(t, 'jobs')).toBeLessThan(1);

    const analyzed = await statistics.refresh();
    expect(analyzed).toContain('public.jobs');
    expect(analyzed).toContain(queue.name);
    expect(await estimate(t, 'jobs')).toBe(200);
    expect(await estimate(t, queue.name)).toBe(200);
    expect(await statistics.refresh()).toEqual([]);
  }, 120_000);
});
