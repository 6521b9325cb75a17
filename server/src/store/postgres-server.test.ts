// The same SQL on a Postgres server: migrations, two server instances sharing one queue and one
// database (as two processes would), finishing a batch with every job done exactly once, and event
// streams on one instance following changes made by the other through the shared change feed, a
// lost feed connection included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../test-support/postgres/throwaway-postgres';
import { readServerConfig } from '../config/server-config';
import { openDatabase } from './open-database';
import { migrate } from './migrate';
import { startBrandlockServer, type BrandlockServer } from '../runtime/brandlock-server';
import { createLogger } from '../log/logger';
import type { TestResponse } from '../../test-support/server/test-server';
import { createToken } from './tokens';
import { TEST_RENDER_PRIORITY } from '../../test-support/server/spawn-server';
import { approveCurrentRecipes } from '../../test-support/server/approve-recipes';

const samples = new URL('../../../samples/', import.meta.url);
let pg: ThrowawayPostgres;
let dir = '';
beforeAll(async () => {
  pg = await startThrowawayPostgres();
  dir = await mkdtemp(join(tmpdir(), 'brandlock-pgtest-'));
});
afterAll(async () => {
  await pg?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('on a Postgres server (DATABASE_URL)', () => {
  it('migrates once, even when asked twice', async () => {
    const config = readServerConfig({ DATABASE_URL: pg.url, BRANDLOCK_DATA: dir }, dir);
    const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    try {
      expect(db.dialect).toBe('postgres');
      expect(await migrate(db)).toEqual([]);
      const tables = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('jobs', 'assets', 'tokens', 'locks')");
      expect(tables[0].n).toBe(4);
    } finally {
      await db.close();
    }
  });

  it('shares one queue between two server processes: every job completes exactly once', async () => {
    const env = { DATABASE_URL: pg.url, BRANDLOCK_DATA: dir, BRANDLOCK_BLOBS: join(dir, 'blobs'), BRANDLOCK_POLL_MIN_MS: '50', BRANDLOCK_RECONCILE_MS: '1000', ...TEST_RENDER_PRIORITY };
    const logs: string[][] = [[], []];
    const servers: BrandlockServer[] = [];
    for (const i of [0, 1]) servers.push(await startBrandlockServer({ config: readServerConfig(env, dir), log: createLogger({ sink: (l) => logs[i].push(l) }) }));
    try {
      const [a, b] = servers;
      const token = a.firstAdminToken ?? b.firstAdminToken;
      expect([a.firstAdminToken, b.firstAdminToken].filter(Boolean)).toHaveLength(1);
      const call = async (s: BrandlockServer, path: string, init: RequestInit = {}): Promise<TestResponse> =>
        s.app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
      expect((await call(a, '/v1/locks', { method: 'POST', body: await readFile(new URL('brand-lock.json', samples), 'utf8') })).status).toBe(201);
      await approveCurrentRecipes((path, init) => call(a, path, init));
      const png = await sharp({ create: { width: 80, height: 100, channels: 4, background: { r: 200, g: 40, b: 40, alpha: 0.6 } } }).png().toBuffer();
      const upload = await (await call(b, '/v1/uploads', { method: 'PUT', body: new Uint8Array(png), headers: { 'content-type': 'image/png' } })).json();
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) {
        const item = { sku: `PG-${i}`, colorway: 'Poppy', category: 'jersey', fabric: 'jersey', silhouette: 'tee', swatch: 'poppy' };
        const job = await (await call(i % 2 ? a : b, '/v1/jobs', { method: 'POST', body: JSON.stringify({ kind: 'generate', item, sources: [upload.ref] }) })).json();
        ids.push(job.id);
      }
      const deadline = Date.now() + 180_000;
      let states: string[] = [];
      while (Date.now() < deadline) {
        states = await Promise.all(ids.map(async (id) => (await (await call(a, `/v1/jobs/${id}`)).json()).state));
        if (states.every((s) => s === 'succeeded' || s === 'failed')) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(states.filter((s) => s !== 'succeeded')).toEqual([]);
      const events = await (await call(b, '/v1/audit/events?action=job.succeeded&limit=500')).json();
      expect(events.events).toHaveLength(30);
      expect(new Set(events.events.map((e: { subject: string }) => e.subject)).size).toBe(30);
      const worked = logs.map((lines) => lines.filter((l) => l.includes('"msg":"job succeeded"')).length);
      expect(worked[0] + worked[1]).toBe(30);
      expect(Math.min(...worked)).toBeGreaterThan(0);
    } finally {
      for (const s of servers) await s.stop();
    }
  }, 300_000);

  it("streams on one server follow jobs another server changes, through the database's change feed, after its connection is lost too", async () => {
    const env = { DATABASE_URL: pg.url, BRANDLOCK_DATA: dir, BRANDLOCK_BLOBS: join(dir, 'blobs'), BRANDLOCK_WORKERS: 'false' };
    const [a, b] = [await startBrandlockServer({ config: readServerConfig(env, dir), log: createLogger({ sink: () => undefined }) }), await startBrandlockServer({ config: readServerConfig(env, dir), log: createLogger({ sink: () => undefined }) })];
    try {
      const token = (await createToken(a.db, { name: 'feed test', role: 'admin' })).token;
      const call = (s: BrandlockServer, path: string, init: RequestInit = {}) => Promise.resolve(s.app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }));
      const png = await sharp({ create: { width: 40, height: 60, channels: 3, background: '#1f2a44' } }).png().toBuffer();
      const ref = ((await (await call(a, '/v1/uploads', { method: 'PUT', body: new Uint8Array(png) })).json()) as { ref: string }).ref;
      const follow = async (jobId: string) => {
        const res = await call(a, `/v1/jobs/${jobId}/events`);
        let text = '';
        const done = (async () => {
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) text += new TextDecoder().decode(chunk);
        })();
        return { done, text: () => text };
      };
      const job = async (sku: string) => ((await (await call(a, '/v1/jobs', { method: 'POST', body: JSON.stringify({ kind: 'generate', item: { sku, colorway: 'Ink', category: 'jersey', fabric: 'jersey', silhouette: 'tee', swatch: 'ink' }, sources: [ref] }) })).json()) as { id: string }).id;
      const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);

      const first = await job('FEED-PG-1');
      const stream = await follow(first);
      expect((await call(b, `/v1/jobs/${first}/cancel`, { method: 'POST' })).status).toBe(202);
      await within(stream.done, 10_000);
      expect(stream.text()).toContain('"state":"canceled"');

      // The listening connection is cut (a Postgres restart, a proxy timeout): the feed reconnects and
      // the stream still sees what changed meanwhile.
      const second = await job('FEED-PG-2');
      const again = await follow(second);
      await new Promise((r) => setTimeout(r, 300));
      await b.db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'brandlock-listen' AND pid <> pg_backend_pid()");
      expect((await call(b, `/v1/jobs/${second}/cancel`, { method: 'POST' })).status).toBe(202);
      await within(again.done, 20_000);
      expect(again.text()).toContain('"state":"canceled"');
    } finally {
      await a.stop();
      await b.stop();
    }
  }, 120_000);

  it('holds a pilot to N SKUs when two server processes take requests for it at the same moment', async () => {
    const env = { DATABASE_URL: pg.url, BRANDLOCK_DATA: dir, BRANDLOCK_BLOBS: join(dir, 'blobs'), BRANDLOCK_WORKERS: 'false' };
    const [a, b] = [await startBrandlockServer({ config: readServerConfig(env, dir), log: createLogger({ sink: () => undefined }) }), await startBrandlockServer({ config: readServerConfig(env, dir), log: createLogger({ sink: () => undefined }) })];
    try {
      const token = (await createToken(a.db, { name: 'pilot test', role: 'admin' })).token;
      const call = (s: BrandlockServer, path: string, init: RequestInit = {}) => Promise.resolve(s.app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }));
      // A new lock version whose knitwear recipe nobody has approved yet.
      const lock = JSON.parse(await readFile(new URL('brand-lock.json', samples), 'utf8'));
      lock.version = 'PILOT.1';
      lock.categories.find((c: { id: string }) => c.id === 'knitwear').recipe = { steps: 31 };
      expect((await call(a, '/v1/locks', { method: 'POST', body: JSON.stringify(lock) })).status).toBe(201);
      const png = await sharp({ create: { width: 40, height: 60, channels: 3, background: '#3a3a3a' } }).png().toBuffer();
      const ref = ((await (await call(a, '/v1/uploads', { method: 'PUT', body: new Uint8Array(png) })).json()) as { ref: string }).ref;
      const pilot = (s: BrandlockServer, sku: string) =>
        call(s, '/v1/jobs', { method: 'POST', body: JSON.stringify({ kind: 'generate', item: { sku, colorway: 'Ink', category: 'knitwear', fabric: 'merino', silhouette: 'crew', swatch: 'ink' }, sources: [ref], pilot: 2 }) });
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => pilot(i % 2 ? a : b, `PILOT-PG-${i}`)));
      expect(answers.map((r) => r.status).sort()).toEqual([202, 202, 409, 409, 409, 409, 409, 409]);
      const made = await a.db.query<{ n: number }>("SELECT count(DISTINCT sku)::int AS n FROM jobs WHERE category = 'knitwear' AND sku LIKE 'PILOT-PG-%'");
      expect(made[0].n).toBe(2);
    } finally {
      await a.stop();
      await b.stop();
    }
  }, 120_000);
});
