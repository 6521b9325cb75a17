// Reliability: SIGKILL the server (the bundled one `npm start` runs) in the middle of a 200-job batch on
// the local provider, start it again on the same data folder: every job completes, exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createBrandlockClient, type BrandlockClient, type Job } from '@brandlock/core/api';
import { buildServerBundle, spawnServer, type SpawnedServer } from '../../test-support/server/spawn-server';
import { approveCurrentRecipes } from '../../test-support/server/approve-recipes';

const samples = new URL('../../../samples/', import.meta.url);
let dir = '';
let bundle = '';
let removeBundle = () => undefined as void;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'brandlock-crash-'));
  ({ bundle, remove: removeBundle } = buildServerBundle('test-crash'));
});
afterAll(async () => {
  removeBundle();
  await rm(dir, { recursive: true, force: true });
});

async function allJobs(api: BrandlockClient): Promise<Job[]> {
  const jobs: Job[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.jobs.list({ limit: 500, cursor });
    jobs.push(...page.jobs);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return jobs;
}

describe('a server killed mid-batch', () => {
  it('finishes every one of 200 jobs exactly once after a restart', async () => {
    const env = { BRANDLOCK_DATA: join(dir, 'data'), BRANDLOCK_CONCURRENCY_LOCAL: '2', BRANDLOCK_RECONCILE_MS: '1000' };
    let server: SpawnedServer = await spawnServer(bundle, env, dir);
    const token = server.adminToken!;
    let api = createBrandlockClient({ baseUrl: server.url, token });
    // Small masters: this test is about the queue, not about post-production and QC time per image.
    const lock = JSON.parse(await readFile(new URL('brand-lock.json', samples), 'utf8'));
    lock.categories.find((c: { id: string }) => c.id === 'jersey').recipe = { width: 256, height: 384 };
    await api.locks.publish(lock);
    await approveCurrentRecipes(api);
    const source = await sharp({ create: { width: 120, height: 160, channels: 4, background: { r: 40, g: 60, b: 90, alpha: 0.5 } } }).png().toBuffer();
    const { ref } = await api.uploads.put(new Uint8Array(source), 'image/png');
    const rows = Array.from({ length: 100 }, (_, i) => `NF-CR-${String(i).padStart(4, '0')},Ink,jersey,cotton jersey,180 gsm,tee,ink,src.png,,,front;back,,`);
    const brief = await api.briefs.upload({ name: 'crash batch', text: ['sku,colorway,category,fabric,fabric_weight,silhouette,swatch,source_images,channels,markets,views,model,notes', ...rows].join('\n') });
    const queued = await api.briefs.queueJobs(brief.id, { sources: { 'src.png': ref } });
    expect(queued.queued.filter((q) => q.created)).toHaveLength(200);

    for (let done = 0; done < 40; ) {
      await new Promise((r) => setTimeout(r, 100));
      done = (await allJobs(api)).filter((j) => j.state === 'succeeded').length;
    }
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
    const beforeRestart = server.stdout();
    expect(beforeRestart).toContain(token);

    server = await spawnServer(bundle, env, dir);
    try {
      expect(server.adminToken).toBeNull();
      api = createBrandlockClient({ baseUrl: server.url, token });
      let jobs = await allJobs(api);
      const killedAt = jobs.filter((j) => j.state === 'succeeded').length;
      expect(killedAt).toBeLessThan(200);
      const deadline = Date.now() + 300_000;
      while (jobs.some((j) => j.state === 'queued' || j.state === 'running') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        jobs = await allJobs(api);
      }
      expect(jobs).toHaveLength(200);
      expect(jobs.filter((j) => j.state !== 'succeeded').map((j) => `${j.sku}/${j.view}: ${j.state} ${j.error?.message ?? ''}`)).toEqual([]);
      expect(jobs.every((j) => j.outputs.length === 1)).toBe(true);

      const completions = new Map<string, number>();
      let cursor: string | undefined;
      do {
        const page = await api.audit.events({ action: 'job.succeeded', limit: 500, cursor });
        for (const e of page.events) completions.set(e.subject, (completions.get(e.subject) ?? 0) + 1);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(completions.size).toBe(200);
      expect([...completions.values()].every((n) => n === 1)).toBe(true);

      const records = [];
      cursor = undefined;
      do {
        const page = await api.audit.query({ limit: 500, cursor });
        records.push(...page.records);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(records).toHaveLength(200);
      expect(new Set(records.map((r) => r.jobId)).size).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 420_000);
});
