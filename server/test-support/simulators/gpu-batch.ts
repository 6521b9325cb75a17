/**
 * Drives the real server (a spawned `npm start` bundle) through a batch of GPU jobs against the
 * provider simulators, for the reliability tests: the environment that points every adapter at its
 * simulator, publishing the sample lock, a brief of jersey SKUs (two views each) queued across the
 * providers, and reading back every job, its audit completions and its stored image.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import sharp from 'sharp';
import type { BrandlockClient, Job } from '@brandlock/core/api';
import type { SimulatedProvider, SimulatorFleet } from './simulator-fleet';
import { expectedColour, readSimulatedImage } from './synthetic-image';
import { approveCurrentRecipes } from '../server/approve-recipes';

const samples = new URL('../../../samples/', import.meta.url);
const HEADER = 'sku,colorway,category,fabric,fabric_weight,silhouette,swatch,source_images,channels,markets,views,model,notes';

/** Server and adapter settings that make a batch run in seconds instead of minutes. */
export function fastServerEnv(fleet: SimulatorFleet, mapFile: string, concurrency: number): Record<string, string> {
  return {
    ...fleet.env(mapFile),
    BRANDLOCK_CONCURRENCY_FAL: String(concurrency),
    BRANDLOCK_CONCURRENCY_REPLICATE: String(concurrency),
    BRANDLOCK_CONCURRENCY_RUNWAY: String(concurrency),
    BRANDLOCK_CONCURRENCY_COMFYUI: String(concurrency),
    BRANDLOCK_POLL_MIN_MS: '300',
    BRANDLOCK_POLL_MAX_MS: '1000',
    BRANDLOCK_RECONCILE_MS: '1000',
    // A step left active by a killed process is taken over when this runs out.
    BRANDLOCK_STEP_TIMEOUT_SECONDS: '10',
    BRANDLOCK_PROVIDER_TIMEOUT_MS: '2000',
    BRANDLOCK_PROVIDER_RETRY_BASE_MS: '50',
    BRANDLOCK_PROVIDER_RETRY_MAX_MS: '400',
  };
}

/** A free loopback port, for a server whose public (webhook) URL must be known before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Publishes the sample lock, approves its recipes, and queues `skus` jersey SKUs x 2 views, the SKUs dealt out to the
 * providers in turn. Returns the number of jobs queued.
 */
export async function queueBatch(api: BrandlockClient, skus: number, providers: readonly SimulatedProvider[], prefix: string): Promise<number> {
  await api.locks.publish(JSON.parse(await readFile(new URL('brand-lock.json', samples), 'utf8')));
  await approveCurrentRecipes(api);
  const source = await sharp({ create: { width: 60, height: 80, channels: 3, background: '#c9b79c' } }).png().toBuffer();
  const { ref } = await api.uploads.put(new Uint8Array(source), 'image/png');
  const names = Array.from({ length: skus }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
  const rows = names.map((sku) => `${sku},Sand,jersey,cotton jersey,180 gsm,tee,sand,src.png,,,front;back,,`);
  const brief = await api.briefs.upload({ name: `${prefix} batch`, text: [HEADER, ...rows].join('\n') });
  let queued = 0;
  for (const [n, provider] of providers.entries()) {
    const mine = names.filter((_, i) => i % providers.length === n);
    const result = await api.briefs.queueJobs(brief.id, { skus: mine, provider, sources: { 'src.png': ref } });
    queued += result.queued.filter((q) => q.created).length;
  }
  return queued;
}

export async function allJobs(api: BrandlockClient): Promise<Job[]> {
  const jobs: Job[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.jobs.list({ limit: 500, cursor });
    jobs.push(...page.jobs);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return jobs;
}

/** Polls the job list until no job is queued or running, or the deadline passes. */
export async function untilAllTerminal(api: BrandlockClient, timeoutMs: number): Promise<Job[]> {
  const deadline = Date.now() + timeoutMs;
  let jobs = await allJobs(api);
  while (jobs.some((j) => j.state === 'queued' || j.state === 'running') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    jobs = await allJobs(api);
  }
  return jobs;
}

/** How many `job.succeeded` audit events each job has. */
export async function completionsPerJob(api: BrandlockClient): Promise<Map<string, number>> {
  const completions = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const page = await api.audit.events({ action: 'job.succeeded', limit: 500, cursor });
    for (const e of page.events) completions.set(e.subject, (completions.get(e.subject) ?? 0) + 1);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return completions;
}

/** Jobs whose stored image is not the one the simulator rendered for that job's own prompt and seed. */
export async function mismatchedImages(api: BrandlockClient, jobs: Job[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const job of jobs) {
    if (job.state !== 'succeeded') continue;
    const { bytes } = await api.assets.get(job.outputs[0].sha256);
    const { colour } = await readSimulatedImage(bytes);
    if (colour.join() !== expectedColour(job.recipe.prompt, job.recipe.seed!, 0).join()) wrong.push(`${job.sku}/${job.view} on ${job.provider}`);
  }
  return wrong;
}
