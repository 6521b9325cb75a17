// Reliability: 200 GPU jobs through the bundled server and its queue, spread over the four provider
// simulators, with 30 % of provider calls failing in every way the simulators know: 429 with
// Retry-After, 5xx, requests held until they time out, dropped connections, truncated JSON, a lost
// answer (ComfyUI), expired result URLs (Runway), duplicate and out-of-order webhooks (fal,
// Replicate, which call back to the server). Every job must end in a terminal state, at least 99 %
// must succeed, and every stored image must be the one its own request produced.
// A create that a hosted provider answered with garbled JSON may have made the job, so the adapters
// fail it instead of resubmitting; those faults are therefore injected on reads only for fal,
// Replicate and Runway (the adapter tests cover them on creates). Runs on a Postgres server, as the
// crash test does.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrandlockClient } from '@brandlock/core/api';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../test-support/postgres/throwaway-postgres';
import { buildServerBundle, spawnServer, type SpawnedServer } from '../../test-support/server/spawn-server';
import { FaultPlan, type CallType, type FaultKind } from '../../test-support/simulators/fault-plan';
import { completionsPerJob, fastServerEnv, freePort, mismatchedImages, queueBatch, untilAllTerminal } from '../../test-support/simulators/gpu-batch';
import { SimulatorFleet, type SimulatedProvider } from '../../test-support/simulators/simulator-fleet';

const RATE = 0.3;
const SKUS = 100;
const READ: FaultKind[] = ['rate_limit', 'server_error', 'timeout', 'reset', 'malformed'];
const CREATE: FaultKind[] = ['rate_limit', 'server_error', 'timeout', 'reset'];
const DOWNLOAD: FaultKind[] = ['rate_limit', 'server_error', 'timeout', 'reset'];
const WEBHOOK: FaultKind[] = ['duplicate', 'out_of_order'];

function plan(seed: number, kinds: Partial<Record<CallType, FaultKind[]>>): FaultPlan {
  return new FaultPlan({ rate: RATE, seed, retryAfterSeconds: 1, kinds: { create: CREATE, read: READ, cancel: READ, download: DOWNLOAD, upload: ['server_error', 'reset'], webhook: WEBHOOK, ...kinds } });
}

// The rarest kinds are also scripted once, so the run always has them whatever order calls come in.
const faults: Record<SimulatedProvider, FaultPlan> = {
  fal: plan(21, {}).script('webhook', { kind: 'out_of_order' }, { kind: 'duplicate' }),
  replicate: plan(22, {}).script('webhook', { kind: 'out_of_order' }, { kind: 'duplicate' }),
  runway: plan(23, { download: [...DOWNLOAD, 'expired'] }).script('download', { kind: 'expired' }),
  comfyui: plan(24, { create: [...CREATE, 'malformed', 'lost_answer'] }).script('create', { kind: 'lost_answer' }, { kind: 'malformed' }),
};

let dir = '';
let bundle = '';
let removeBundle = () => undefined as void;
let fleet: SimulatorFleet;
let postgres: ThrowawayPostgres;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'brandlock-gpu-faults-'));
  ({ bundle, remove: removeBundle } = buildServerBundle('test-gpu-faults'));
  [fleet, postgres] = await Promise.all([SimulatorFleet.start({ faults, queueMs: 20, runMs: 20, pollIntervalMs: 50 }), startThrowawayPostgres()]);
});
afterAll(async () => {
  removeBundle();
  await fleet?.close();
  await postgres?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('200 GPU jobs with 30 % of provider calls failing', () => {
  it('all end in a terminal state, at least 99 % succeed, each exactly once with its own image', async () => {
    const port = await freePort();
    const env = {
      ...fastServerEnv(fleet, await fleet.writeProviderMap(dir), 12),
      DATABASE_URL: postgres.url,
      BRANDLOCK_DATA: join(dir, 'data'),
      PORT: String(port),
      BRANDLOCK_PUBLIC_URL: `http://127.0.0.1:${port}`,
      BRANDLOCK_MAX_ATTEMPTS: '12',
      // Held requests cost a whole attempt timeout each: keep it short, and give a step room for several.
      BRANDLOCK_PROVIDER_TIMEOUT_MS: '1000',
      BRANDLOCK_STEP_TIMEOUT_SECONDS: '30',
    };
    const server: SpawnedServer = await spawnServer(bundle, env, dir);
    try {
      const api = createBrandlockClient({ baseUrl: server.url, token: server.adminToken! });
      expect(await queueBatch(api, SKUS, ['fal', 'replicate', 'runway', 'comfyui'], 'NF-FAULT')).toBe(2 * SKUS);
      const jobs = await untilAllTerminal(api, 100_000);

      expect(jobs.filter((j) => j.state === 'queued' || j.state === 'running').map((j) => `${j.sku}/${j.view} on ${j.provider}: ${j.stage}`)).toEqual([]);
      const failed = jobs.filter((j) => j.state !== 'succeeded').map((j) => `${j.sku}/${j.view} on ${j.provider}: ${j.error?.code} ${j.error?.message}`);
      expect(failed.length, failed.join('\n')).toBeLessThanOrEqual(2);
      expect(await mismatchedImages(api, jobs)).toEqual([]);
      const completions = await completionsPerJob(api);
      expect([...completions.values()].every((n) => n === 1)).toBe(true);

      // The faults really happened, in every kind the plans allow.
      const injected = new Map<string, number>();
      for (const [name, f] of Object.entries(faults)) for (const [k, n] of f.injected) injected.set(`${name} ${k}`, n);
      const total = [...injected.values()].reduce((a, b) => a + b, 0);
      const ofKind = (kind: string) => [...injected].filter(([k]) => k.endsWith(` ${kind}`)).reduce((a, [, n]) => a + n, 0);
      const sims = [fleet.fal, fleet.replicate, fleet.runway];
      const calls =
        [...sims, fleet.comfyui].reduce((n, sim) => n + sim.requests.length, 0) +
        sims.reduce((n, sim) => n + sim.downloads.length, 0) +
        fleet.fal.outbox.sent.length +
        fleet.replicate.outbox.sent.length;
      console.log(`gpu faults: ${jobs.length - failed.length}/${jobs.length} succeeded; ${total} faults in ${calls} provider calls; failed: ${failed.join(' | ') || 'none'}`);
      expect(total).toBeGreaterThan(300);
      const kinds = ['rate_limit', 'server_error', 'timeout', 'reset'].flatMap((k) => [`create:${k}`, `read:${k}`, `download:${k}`]);
      for (const kind of [...kinds, 'read:malformed', 'create:malformed', 'create:lost_answer', 'download:expired', 'webhook:duplicate', 'webhook:out_of_order']) {
        expect(ofKind(kind), kind).toBeGreaterThan(0);
      }
      expect(fleet.duplicates().filter((d) => d.provider === 'comfyui')).toEqual([]);
      // Webhooks reached the server and were verified; replays were refused, not acted on twice. (The
      // server copies a result inside the webhook request, so with faulty downloads a delivery can
      // outlast the sender's 15 s; polling finishes those jobs, as the states above show.)
      await Promise.all([fleet.fal.outbox.settled(), fleet.replicate.outbox.settled()]);
      const webhookAnswers = [...fleet.fal.outbox.sent, ...fleet.replicate.outbox.sent].map((s) => (s.status === 'error' ? `error ${s.error}` : s.status));
      expect(webhookAnswers.filter((s) => s === 200).length).toBeGreaterThan(50);
      expect(webhookAnswers.filter((s) => s !== 200 && s !== 401 && s !== 409 && !String(s).startsWith('error TimeoutError'))).toEqual([]);

      // No key or webhook secret in what the server printed or answered, faults and all.
      const seen = [server.stdout(), server.stderr(), JSON.stringify(jobs), JSON.stringify(await api.audit.events({ limit: 500 }))].join('\n');
      for (const secret of [fleet.fal.key, fleet.replicate.token, fleet.replicate.webhookSecret, fleet.runway.secret]) expect(seen.includes(secret)).toBe(false);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 180_000);
});
