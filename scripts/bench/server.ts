/**
 * Benchmark: the brandlock server as `npm start` runs it (the bundle, PGlite in a fresh data folder,
 * the local provider, default render processes), in its own process, driven over loopback HTTP, in
 * one run on this machine, against a bare Hono route (8 lines, same Node, same @hono/node-server):
 *  1. job submission: POST /v1/jobs from 8 clients as fast as they go, API-only and while rendering;
 *     a brief's plan queued in one request; jobs/s;
 *  2. GET /v1/jobs/:id at a fixed 200 requests/s, open loop (latency counts from each request's
 *     scheduled time, so a stall is not hidden): p50/p99 idle, and while the workers render the
 *     queued jobs, beside the bare route under the same load;
 *  3. 1,000 open event streams on a job that stays open: the server's RSS before, with them open and
 *     after they close, and GET /v1/jobs/:id latency while they are open.
 * wrk is not installed on this machine, so the load generator is the small Node one in support/bench-http.ts.
 *   node scripts/run-ts.mjs scripts/bench/server.ts [--seconds 10] [--jobs 1000] [--streams 1000]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBrandlockClient, type BrandlockClient } from '@brandlock/core/api';
import { buildServerBundle, spawnServer, type SpawnedServer } from '../../server/test-support/server/spawn-server';
import { readServerConfig } from '../../server/src/config/server-config';
import { closeStreams, fetchRetryingReset, flood, openLoop, openStreams, type Latency } from './support/bench-http';
import { startBareHono } from './support/bare-hono';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 10);
const JOBS = arg('jobs', 1000);
const STREAMS = arg('streams', 1000);
const RATE = 200;
const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'brandlock-bench-server-'));
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
/** Progress on stderr: a run takes minutes. */
const step = (what: string) => process.stderr.write(`[server bench] ${what}\n`);

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

/** POST /v1/jobs from 8 clients until `count` are in; jobs/s and how many were refused (429). */
async function submit(api: BrandlockClient, ref: string, count: number, tag: string) {
  return flood(count, 8, (i) => api.jobs.create({ kind: 'generate', item: { sku: `NF-${tag}-${i}`, colorway: 'Ink', category: 'jersey', fabric: 'cotton jersey', silhouette: 'tee', swatch: 'ink' }, sources: [ref] }));
}

async function cancelQueued(api: BrandlockClient, keep = 0): Promise<void> {
  const { jobs } = await api.jobs.list({ state: 'queued', limit: 500 });
  let at = keep;
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let i = at++; i < jobs.length; i = at++) await api.jobs.cancel(jobs[i].id);
  }));
  if (jobs.length === 500) return cancelQueued(api, keep);
}

async function succeeded(api: BrandlockClient): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await api.jobs.list({ state: 'succeeded', limit: 500, cursor });
    n += page.jobs.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return n;
}

const f = (n: number) => n.toFixed(2).padStart(8);
const row = (label: string, l: Latency) => `  ${label.padEnd(58)} ${f(l.p50)} ${f(l.p99)} ${f(l.max)}   ${l.errors}/${l.n}`;

const { bundle, remove } = buildServerBundle('bench-server');
// Render processes at the priority `npm start` gives them (spawnServer's test default is normal priority).
const renderNice = readServerConfig({ BRANDLOCK_DATA: join(dir, 'data') }, dir).renderNice;
const env = { BRANDLOCK_DATA: join(dir, 'data'), BRANDLOCK_RENDER_NICE: String(renderNice) };
let server: SpawnedServer | null = null;
const bare = await startBareHono();
const startLoad = load();
try {
  step('bare Hono route, idle');
  const bareIdle = await openLoop(`${bare.url}/v1/jobs/x`, {}, RATE, SECONDS);

  // 1. An API-only process: submissions, idle GET latency, and the cost of 1,000 open streams.
  server = await spawnServer(bundle, { ...env, BRANDLOCK_WORKERS: '0' }, dir);
  const token = server.adminToken!;
  let api = createBrandlockClient({ baseUrl: server.url, token, fetch: fetchRetryingReset });
  await api.locks.publish(JSON.parse(readFileSync(join(root, 'samples/brand-lock.json'), 'utf8')));
  // The sample's recipes are approved (samples/northfold.approvals.jsonl); a new server learns that from an art director or admin.
  for (const r of (await api.recipes.list()).recipes) if (!r.approval) await api.recipes.decide(r.category, { recipeHash: r.recipeHash, note: 'the sample ships approvals' });
  const photo = readFileSync(join(root, 'samples/photos/packshot/solidus-hoodie-blue-white-bg.jpg'));
  const { ref } = await api.uploads.put(new Uint8Array(photo), 'image/jpeg');
  const firstStartRss = rssMb(server.child.pid!);
  step(`${JOBS} submissions, API-only`);
  const apiOnly = await submit(api, ref, JOBS, 'S');
  const rows = Array.from({ length: 250 }, (_, i) => `NF-B-${i},Ink,jersey,cotton jersey,180 gsm,tee,ink,src.jpg,,,front;back,,`);
  const brief = await api.briefs.upload({ name: 'bench', text: ['sku,colorway,category,fabric,fabric_weight,silhouette,swatch,source_images,channels,markets,views,model,notes', ...rows].join('\n') });
  const batchStarted = performance.now();
  const queued = await api.briefs.queueJobs(brief.id, { sources: { 'src.jpg': ref } });
  const batchSeconds = (performance.now() - batchStarted) / 1000;
  const jobId = queued.queued[0].jobId;
  const getUrl = `${server.url}/v1/jobs/${jobId}`;
  const auth = { authorization: `Bearer ${token}` };
  step('GET, API-only, idle');
  const oursIdle = await openLoop(getUrl, auth, RATE, SECONDS);

  // Streams: spread over 20 tokens (a per-token stream limit must not turn this into a 429 count).
  const tokens = await Promise.all(Array.from({ length: 20 }, async (_, i) => (await api.tokens.create({ name: `bench-stream-${i}`, role: 'designer' })).token));
  await new Promise((r) => setTimeout(r, 2000));
  const rssBeforeStreams = rssMb(server.child.pid!);
  step(`${STREAMS} event streams`);
  const streams = await openStreams(`${server.url}/v1/jobs/${jobId}/events`, STREAMS, (i) => ({ authorization: `Bearer ${tokens[i % tokens.length]}` }));
  await new Promise((r) => setTimeout(r, 3000));
  const rssWithStreams = rssMb(server.child.pid!);
  step(`GET with ${streams.open} streams open`);
  const withStreams = await openLoop(getUrl, auth, RATE, SECONDS);
  const rssAfterLoad = rssMb(server.child.pid!);
  await closeStreams(streams.sockets);
  await new Promise((r) => setTimeout(r, 3000));
  const rssAfterStreams = rssMb(server.child.pid!);
  // Keep 200 jobs queued for the workers to render during part 2; cancel the rest.
  await cancelQueued(api, 200);
  server.child.kill('SIGTERM');
  await server.exited;

  // 2. The same data folder with workers on (the default): GET latency and submissions while rendering.
  step('restart with workers');
  server = await spawnServer(bundle, env, dir);
  api = createBrandlockClient({ baseUrl: server.url, token, fetch: fetchRetryingReset });
  for (let i = 0; i < 100 && !(await api.jobs.list({ state: 'running', limit: 1 })).jobs.length; i++) await new Promise((r) => setTimeout(r, 100));
  const done0 = await succeeded(api);
  step('bare route and GET while rendering, then submissions while rendering');
  const bareRendering = await openLoop(`${bare.url}/v1/jobs/x`, {}, RATE, SECONDS);
  const done1 = await succeeded(api);
  // The restarted server listens on a port of its own.
  const oursRendering = await openLoop(`${server.url}/v1/jobs/${jobId}`, auth, RATE, SECONDS);
  const done2 = await succeeded(api);
  const whileRendering = await submit(api, ref, Math.round(JOBS / 2), 'R');
  const done3 = await succeeded(api);
  const stillOpen = (await api.jobs.list({ state: 'queued', limit: 1 })).jobs.length > 0;
  await cancelQueued(api);
  server.child.kill('SIGTERM');
  await server.exited;
  // 3. Idle: a plain restart on the existing data folder, nothing queued, after 2 s.
  server = await spawnServer(bundle, env, dir);
  await new Promise((r) => setTimeout(r, 2000));
  const idleRss = rssMb(server.child.pid!);
  server.child.kill('SIGTERM');
  await server.exited;
  server = null;

  const ratio = (a: Latency, b: Latency) => `${(a.p50 / b.p50).toFixed(1)}x at p50, ${(a.p99 / b.p99).toFixed(1)}x at p99`;
  console.log(`server bench on ${process.arch}, Node ${process.version}, PGlite in a fresh data folder, local provider, render processes at nice ${renderNice} (the default), ${SECONDS} s windows`);
  console.log(`load average (1, 5, 15 min): ${startLoad} at the start, ${load()} at the end`);
  console.log('');
  console.log('submissions (8 clients, POST /v1/jobs with an uploaded source)');
  console.log(`  API-only process: ${apiOnly.perSecond.toFixed(0)} jobs/s (${apiOnly.ok} in ${apiOnly.seconds.toFixed(2)} s, p50 ${apiOnly.p50.toFixed(1)} ms, p99 ${apiOnly.p99.toFixed(1)} ms, ${apiOnly.refused} refused)`);
  console.log(`  while rendering:  ${whileRendering.perSecond.toFixed(0)} jobs/s (${whileRendering.ok} in ${whileRendering.seconds.toFixed(2)} s, p50 ${whileRendering.p50.toFixed(1)} ms, p99 ${whileRendering.p99.toFixed(1)} ms, ${whileRendering.refused} refused)`);
  console.log(`  a brief's ${queued.queued.length} planned jobs in one POST /v1/briefs/:id/jobs: ${(queued.queued.length / batchSeconds).toFixed(0)} jobs/s`);
  console.log('');
  console.log(`GET at ${RATE} requests/s, open loop (ms)                               p50      p99      max   errors`);
  console.log(row('bare Hono route, idle', bareIdle));
  console.log(row('brandlock GET /v1/jobs/:id, API-only, idle', oursIdle));
  console.log(row('bare Hono route, while brandlock renders', bareRendering));
  console.log(row('brandlock GET /v1/jobs/:id, workers rendering', oursRendering));
  console.log(row(`brandlock GET /v1/jobs/:id, ${streams.open} streams open`, withStreams));
  console.log(`  rendering during the windows: ${done1 - done0} jobs finished during the bare route's, ${done2 - done1} during brandlock's, ${done3 - done2} during the submissions${stillOpen ? '; jobs were still queued at the end' : ' (the queue ran dry: raise --jobs)'}`);
  console.log(`  brandlock while rendering / bare route under the same load: ${ratio(oursRendering, bareRendering)}`);
  console.log(`  brandlock while rendering / bare route idle:                ${ratio(oursRendering, bareIdle)}`);
  console.log(`  brandlock idle / bare route idle:                           ${ratio(oursIdle, bareIdle)}`);
  console.log('');
  console.log(`${STREAMS} event streams on a queued job (spread over ${tokens.length} tokens): ${streams.open} open, ${streams.refused} refused${streams.failed ? `, ${streams.failed} failed` : ''}`);
  console.log(`  server RSS ${rssBeforeStreams.toFixed(0)} MB before, ${rssWithStreams.toFixed(0)} MB with them open (+${(rssWithStreams - rssBeforeStreams).toFixed(0)} MB), ${rssAfterLoad.toFixed(0)} MB after the GET window, ${rssAfterStreams.toFixed(0)} MB 3 s after they closed`);
  console.log(`  GET /v1/jobs/:id with them open / without: ${ratio(withStreams, oursIdle)}`);
  console.log('');
  console.log(`server RSS: idle ${idleRss.toFixed(0)} MB (a restart on an existing data folder, workers on, nothing queued); ${firstStartRss.toFixed(0)} MB after the very first start (PGlite initdb)`);
} catch (e) {
  if (server) process.stderr.write(`server's last output:\n${server.stderr().slice(-3000)}\n`);
  throw e;
} finally {
  bare.stop();
  if (server) server.child.kill('SIGKILL');
  remove();
  rmSync(dir, { recursive: true, force: true });
}
