/**
 * Benchmark: does the server keep answering while a designer adds photos to the asset library?
 * Describing a 24 MP photo is about a second of JavaScript. The server (the bundle, as `npm start`
 * runs it, API only) answers GET /v1/me at a fixed 100 requests/s, open loop (latency from each
 * request's scheduled time), first idle, then while one client adds 4000x6000 JPEGs to the library
 * back to back; beside the bare Hono route at the same rate in the same run.
 *   node scripts/run-ts.mjs scripts/bench/library-add.ts [--seconds 15]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createBrandlockClient } from '@brandlock/core/api';
import { buildServerBundle, spawnServer, type SpawnedServer } from '../../server/test-support/server/spawn-server';
import { fetchRetryingReset, openLoop, type Latency } from './support/bench-http';
import { startBareHono } from './support/bare-hono';

const i = process.argv.indexOf('--seconds');
const SECONDS = i > 0 ? Number(process.argv[i + 1]) : 15;
const RATE = 100;
const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'brandlock-bench-library-'));
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const step = (what: string) => process.stderr.write(`[library-add bench] ${what}\n`);
const f = (n: number) => n.toFixed(1).padStart(8);
const row = (label: string, l: Latency) => `  ${label.padEnd(52)} ${f(l.p50)} ${f(l.p99)} ${f(l.max)}   ${l.errors}/${l.n}`;

// Three camera-size masters (a packshot enlarged), so no add is answered from an earlier one.
const source = join(root, 'samples/photos/packshot/solidus-polo-red-navy-white-bg.jpg');
const photos = await Promise.all([0, 1, 2].map((k) => sharp(source).resize(4000, 6000, { fit: 'fill' }).modulate({ brightness: 1 - k * 0.02 }).jpeg({ quality: 92 }).toBuffer()));

const { bundle, remove } = buildServerBundle('bench-library');
let server: SpawnedServer | null = null;
const bare = await startBareHono();
const startLoad = load();
try {
  step('bare Hono route');
  const bareIdle = await openLoop(`${bare.url}/v1/jobs/x`, {}, RATE, SECONDS);
  server = await spawnServer(bundle, { BRANDLOCK_DATA: join(dir, 'data'), BRANDLOCK_WORKERS: '0' }, dir);
  const admin = createBrandlockClient({ baseUrl: server.url, token: server.adminToken!, fetch: fetchRetryingReset });
  await admin.locks.publish(JSON.parse(readFileSync(join(root, 'samples/brand-lock.json'), 'utf8')));
  const designer = (await admin.tokens.create({ name: 'bench designer', role: 'designer' })).token;
  const auth = { authorization: `Bearer ${designer}` };
  step('GET /v1/me, idle');
  const idle = await openLoop(`${server.url}/v1/me`, auth, RATE, SECONDS);
  step('GET /v1/me while photos are added');
  let adding = true;
  let added = 0;
  const adder = (async () => {
    // The GET load starts with 200 warm-up requests; the adds run for the whole measured window.
    for (let k = 0; adding; k++) {
      const res = await fetch(`${server!.url}/v1/library?path=bench-${k}.jpg`, { method: 'POST', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: photos[k % photos.length] });
      await res.arrayBuffer();
      if (res.status !== 201 && res.status !== 200) throw new Error(`library add: ${res.status}`);
      added++;
    }
  })();
  const started = performance.now();
  const during = await openLoop(`${server.url}/v1/me`, auth, RATE, SECONDS);
  const seconds = (performance.now() - started) / 1000;
  adding = false;
  await adder;
  console.log(`GET latency at ${RATE} requests/s for ${SECONDS} s, ms (load average ${startLoad} at the start, ${load()} at the end):`);
  console.log(`  ${''.padEnd(52)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}   errors`);
  console.log(row('bare Hono route', bareIdle));
  console.log(row('brandlock GET /v1/me, idle', idle));
  console.log(row(`brandlock GET /v1/me while 24 MP photos are added`, during));
  console.log(`photos added meanwhile: ${added} (${(added / seconds).toFixed(2)}/s)`);
  console.log(`while adding, p99 ${(during.p99 / bareIdle.p99).toFixed(1)}x the bare route's, max ${during.max.toFixed(0)} ms`);
} finally {
  server?.child.kill('SIGTERM');
  if (server) await server.exited;
  bare.stop();
  remove();
  rmSync(dir, { recursive: true, force: true });
}
