// The same SQL on a Postgres server: migrations, and two server instances sharing one queue and one
// database (as two processes would), finishing a batch with every job done exactly once.
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
import { TEST_RENDER_PRIORITY } from '../../test-support/server/spawn-server';

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
      const png = await sharp({ create: { width: 80, height: 100, channels: 4, background: { r: 200, g: 40, b: 40, alpha: 0.6 } } }).png().toBuffer();
      const upload = await (await call(b, '/v1/uploads', { method: 'PUT', body: new Uint8Array(png), headers: { 'content-type': 'image/png' } })).json();
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) {
        const item = { sku: `PG-${i}`, colorway: 'Poppy', category: 'jersey', fabric: 'jersey', silhouette: 'tee', swatch: 'poppy' };
        const job = await (await call(i % 2 ? a : b, '/v1/jobs', { method: 'POST', body: JSON.stringify({ kind: 'generate', item, sources: [upload.ref] }) })).json();
        ids.push(job.id);
      }
      const deadline = Date.now() + 60_000;
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
  }, 120_000);
});
