/**
 * Benchmark: the brandlock server as `npm start` runs it (the bundle, PGlite in a fresh data folder,
 * the local provider), in its own process, driven over loopback HTTP:
 *  1. job submission: POST /v1/jobs one by one from 8 concurrent clients on an API-only process
 *     (BRANDLOCK_WORKERS=0, so rendering does not compete), and a brief's plan queued in one
 *     POST /v1/briefs/:id/jobs; jobs/s;
 *  2. GET /v1/jobs/:id at a fixed 200 requests/s (open loop: latency counts from each request's
 *     scheduled start, so a stall is not hidden), against a bare Hono route that does nothing, run the
 *     same way in its own process in the same run: p50/p99 and the ratio;
 *  3. the server's idle RSS.
 * The submitted jobs are cancelled before workers start: rendering is what scripts/bench/produce.ts measures.
 * wrk is not installed on this machine, so the load generator is the small Node one below (undici fetch).
 *   node scripts/run-ts.mjs scripts/bench/server.ts [--seconds 10] [--jobs 500]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createBrandlockClient } from '@brandlock/core/api';
import { buildServerBundle, spawnServer } from '../../server/test-support/server/spawn-server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 10);
const JOBS = arg('jobs', 500);
const RATE = 200;
const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'brandlock-bench-server-'));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** Open-loop load: one request every 1000/RATE ms for SECONDS; latency from the scheduled start. */
async function openLoop(url: string, headers: Record<string, string>): Promise<{ p50: number; p99: number; max: number; errors: number; n: number }> {
  for (let i = 0; i < 200; i++) await (await fetch(url, { headers })).arrayBuffer();
  const interval = 1000 / RATE;
  const total = Math.round(SECONDS * RATE);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now() + 20;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      fetch(url, { headers }).then(
        async (res) => {
          await res.arrayBuffer();
          if (!res.ok) errors++;
          latencies.push(performance.now() - due);
        },
        () => void errors++,
      ),
    );
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max: latencies[latencies.length - 1], errors, n: latencies.length };
}

async function startBareHono(): Promise<{ url: string; stop: () => void }> {
  const cache = join(root, 'node_modules', '.cache', 'brandlock-bench');
  mkdirSync(cache, { recursive: true });
  const file = join(cache, `bare-hono-${process.pid}.mjs`);
  writeFileSync(
    file,
    `import { Hono } from 'hono';\nimport { serve } from '@hono/node-server';\nconst app = new Hono();\napp.get('/v1/jobs/:id', (c) => c.json({ ok: true }));\n` +
      `const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (i) => console.log('listening on http://127.0.0.1:' + i.port));\n`,
  );
  const child = spawn(process.execPath, [file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  while (!/listening on (\S+)/.test(out)) await new Promise((r) => setTimeout(r, 20));
  return { url: /listening on (\S+)/.exec(out)![1], stop: () => void (child.kill('SIGTERM'), rmSync(file, { force: true })) };
}

const { bundle, remove } = buildServerBundle('bench-server');
const env = { BRANDLOCK_DATA: join(dir, 'data'), BRANDLOCK_CONCURRENCY_LOCAL: '2' };
try {
  // 1. Submission on an API-only process; then the same data folder with workers to drain the queue.
  let server = await spawnServer(bundle, { ...env, BRANDLOCK_WORKERS: '0' }, dir);
  const token = server.adminToken!;
  let api = createBrandlockClient({ baseUrl: server.url, token });
  await api.locks.publish(JSON.parse(readFileSync(join(root, 'samples/brand-lock.json'), 'utf8')));
  const source = await sharp({ create: { width: 120, height: 160, channels: 4, background: { r: 40, g: 60, b: 90, alpha: 0.5 } } }).png().toBuffer();
  const { ref } = await api.uploads.put(new Uint8Array(source), 'image/png');
  const rows = Array.from({ length: JOBS / 2 }, (_, i) => `NF-B-${i},Ink,jersey,cotton jersey,180 gsm,tee,ink,src.png,,,front;back,,`);
  const brief = await api.briefs.upload({ name: 'bench', text: ['sku,colorway,category,fabric,fabric_weight,silhouette,swatch,source_images,channels,markets,views,model,notes', ...rows].join('\n') });
  const firstStartRss = rssMb(server.child.pid!);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < JOBS; i = next++) {
        await api.jobs.create({ kind: 'generate', item: { sku: `NF-S-${i}`, colorway: 'Ink', category: 'jersey', fabric: 'cotton jersey', silhouette: 'tee', swatch: 'ink' }, sources: [ref] });
      }
    }),
  );
  const submitSeconds = (performance.now() - started) / 1000;
  const batchStarted = performance.now();
  const queued = await api.briefs.queueJobs(brief.id, { sources: { 'src.png': ref } });
  const batchSeconds = (performance.now() - batchStarted) / 1000;
  const jobId = queued.queued[0].jobId;
  // Rendering is not what this measures (scripts/bench/produce.ts does): cancel the queued jobs on the
  // API-only process, so the restart with workers finds nothing to render.
  for (;;) {
    const { jobs } = await api.jobs.list({ state: 'queued', limit: 200 });
    if (!jobs.length) break;
    let at = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let i = at++; i < jobs.length; i = at++) await api.jobs.cancel(jobs[i].id);
    }));
  }
  server.child.kill('SIGTERM');
  await server.exited;
  server = await spawnServer(bundle, env, dir);
  api = createBrandlockClient({ baseUrl: server.url, token });
  // Let the queue drain so GET latency is measured on an idle server.
  for (;;) {
    const open = (await api.jobs.list({ state: 'queued', limit: 1 })).jobs.length + (await api.jobs.list({ state: 'running', limit: 1 })).jobs.length;
    if (!open) break;
    await new Promise((r) => setTimeout(r, 500));
  }

  // 2. GET /v1/jobs/:id at 200 req/s, against a bare Hono route.
  const bare = await startBareHono();
  const bareResult = await openLoop(`${bare.url}/v1/jobs/${jobId}`, {});
  const ours = await openLoop(`${server.url}/v1/jobs/${jobId}`, { authorization: `Bearer ${token}` });
  bare.stop();
  const loadedRss = rssMb(server.child.pid!);
  server.child.kill('SIGTERM');
  await server.exited;
  // 3. Idle: a plain restart on the existing data folder, nothing queued, after 2 s.
  server = await spawnServer(bundle, env, dir);
  await new Promise((r) => setTimeout(r, 2000));
  const idleRss = rssMb(server.child.pid!);
  server.child.kill('SIGTERM');
  await server.exited;

  const f = (n: number) => n.toFixed(2);
  console.log(`server bench on ${process.arch}, Node ${process.version}, PGlite in a fresh data folder, local provider`);
  console.log(`job submission  POST /v1/jobs x${JOBS} (8 clients, API-only process): ${(JOBS / submitSeconds).toFixed(0)} jobs/s (${f(submitSeconds)} s)`);
  console.log(`brief batch     POST /v1/briefs/:id/jobs, ${queued.queued.length} jobs in one request: ${(queued.queued.length / batchSeconds).toFixed(0)} jobs/s (${f(batchSeconds)} s)`);
  console.log(`GET latency at ${RATE} req/s for ${SECONDS} s (open loop, ms)     p50      p99      max   errors`);
  console.log(`  bare Hono route (reference)                          ${f(bareResult.p50).padStart(7)}  ${f(bareResult.p99).padStart(7)}  ${f(bareResult.max).padStart(7)}  ${bareResult.errors}/${bareResult.n}`);
  console.log(`  brandlock GET /v1/jobs/:id (auth + 2 queries)        ${f(ours.p50).padStart(7)}  ${f(ours.p99).padStart(7)}  ${f(ours.max).padStart(7)}  ${ours.errors}/${ours.n}`);
  console.log(`  ratio brandlock / bare                               ${(ours.p50 / bareResult.p50).toFixed(1).padStart(6)}x  ${(ours.p99 / bareResult.p99).toFixed(1).padStart(6)}x`);
  console.log(`server RSS: idle ${idleRss.toFixed(0)} MB (a restart on an existing data folder, workers on, nothing queued)`);
  console.log(`            ${firstStartRss.toFixed(0)} MB after the very first start (PGlite initdb of a new data folder), ${loadedRss.toFixed(0)} MB after ${JOBS * 2} jobs (submitted, then cancelled) and the GET run`);
} finally {
  remove();
  rmSync(dir, { recursive: true, force: true });
}
