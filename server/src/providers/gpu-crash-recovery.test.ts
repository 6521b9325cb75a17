// Reliability: the bundled server (what `npm start` runs) with the four GPU adapters against their
// loopback simulators, SIGKILLed in the middle of a 200-job batch and started again: every job
// completes exactly once, with the image its own request produced, and no job whose provider id was
// stored before the crash is submitted again. ComfyUI takes our own prompt ids, so it never sees a
// job twice. fal, Replicate and Runway have no idempotency key: a job that was being submitted at the
// moment of the kill may reach them twice, and the test allows that for those jobs only.
// The queue runs on a Postgres server (DATABASE_URL): on the embedded PGlite a 200-job remote batch
// is too slow for a test (see the providers report); the server's own crash test covers PGlite.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrandlockClient } from '@brandlock/core/api';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../test-support/postgres/throwaway-postgres';
import { buildServerBundle, spawnServer, type SpawnedServer } from '../../test-support/server/spawn-server';
import { allJobs, completionsPerJob, fastServerEnv, mismatchedImages, queueBatch, untilAllTerminal } from '../../test-support/simulators/gpu-batch';
import { SimulatorFleet, type SimulatedProvider } from '../../test-support/simulators/simulator-fleet';
import { submissionKey } from '../../test-support/simulators/submission-ledger';

const PROVIDERS: SimulatedProvider[] = ['comfyui', 'fal', 'comfyui', 'replicate', 'comfyui', 'runway'];
const SKUS = 100;

let dir = '';
let bundle = '';
let removeBundle = () => undefined as void;
let fleet: SimulatorFleet;
let postgres: ThrowawayPostgres;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'brandlock-gpu-crash-'));
  ({ bundle, remove: removeBundle } = buildServerBundle('test-gpu-crash'));
  [fleet, postgres] = await Promise.all([SimulatorFleet.start({ queueMs: 20, runMs: 15, pollIntervalMs: 50 }), startThrowawayPostgres()]);
});
afterAll(async () => {
  removeBundle();
  await fleet?.close();
  await postgres?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a server killed mid-batch of GPU jobs', () => {
  it('finishes every one of 200 jobs exactly once after a restart, and resubmits only what it had not recorded', async () => {
    const env = { ...fastServerEnv(fleet, await fleet.writeProviderMap(dir), 8), DATABASE_URL: postgres.url, BRANDLOCK_DATA: join(dir, 'data') };
    let server: SpawnedServer = await spawnServer(bundle, env, dir);
    const token = server.adminToken!;
    let api = createBrandlockClient({ baseUrl: server.url, token });
    expect(await queueBatch(api, SKUS, PROVIDERS, 'NF-KILL')).toBe(2 * SKUS);

    let beforeKill = await allJobs(api);
    while (beforeKill.filter((j) => j.state === 'succeeded').length < 60) {
      await new Promise((r) => setTimeout(r, 100));
      beforeKill = await allJobs(api);
    }
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');

    server = await spawnServer(bundle, env, dir);
    try {
      api = createBrandlockClient({ baseUrl: server.url, token });
      expect((await allJobs(api)).filter((j) => j.state === 'succeeded').length).toBeLessThan(2 * SKUS);
      const jobs = await untilAllTerminal(api, 90_000);
      expect(jobs).toHaveLength(2 * SKUS);
      expect(jobs.filter((j) => j.state !== 'succeeded').map((j) => `${j.sku}/${j.view} on ${j.provider}: ${j.state} ${j.error?.message ?? ''}`)).toEqual([]);
      expect(jobs.every((j) => j.outputs.length === 1)).toBe(true);
      expect(await mismatchedImages(api, jobs)).toEqual([]);
      const completions = await completionsPerJob(api);
      expect(completions.size).toBe(2 * SKUS);
      expect([...completions.values()].every((n) => n === 1)).toBe(true);

      const comfyJobs = jobs.filter((j) => j.provider === 'comfyui').length;
      expect(fleet.ledger('comfyui').distinct).toBe(comfyJobs);
      expect(fleet.comfyui.promptIds).toHaveLength(comfyJobs);
      for (const provider of ['fal', 'replicate', 'runway'] as const) expect(fleet.ledger(provider).distinct).toBe(jobs.filter((j) => j.provider === provider).length);

      // A job whose provider id was stored before the crash was never submitted again...
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      const submissions = new Map((await client.query<{ id: string; submissions: number }>('SELECT id, submissions FROM jobs')).rows.map((r) => [r.id, r.submissions]));
      await client.end();
      const recorded = beforeKill.filter((j) => j.providerJobId !== null);
      expect(recorded.length).toBeGreaterThan(60);
      const final = new Map(jobs.map((j) => [j.id, j]));
      expect(recorded.filter((j) => submissions.get(j.id) !== 1 || final.get(j.id)!.providerJobId !== j.providerJobId).map((j) => j.sku)).toEqual([]);
      // ...so a provider can only see twice a job that was being submitted when the server died, and
      // ComfyUI, which takes our own prompt ids, never does.
      const unrecorded = new Set(beforeKill.filter((j) => j.providerJobId === null).map((j) => `${j.provider}:${submissionKey(j.recipe.prompt, j.recipe.seed)}`));
      expect(fleet.duplicates().filter((d) => !unrecorded.has(`${d.provider}:${d.key}`))).toEqual([]);
      expect(fleet.duplicates().filter((d) => d.provider === 'comfyui')).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 180_000);
});
