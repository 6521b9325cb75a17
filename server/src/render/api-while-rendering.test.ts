// The server as `npm start` runs it (the bundle, PGlite, the local provider) post-producing and
// checking a 24 MP image: the image work's CPU is spent in render processes at a lower priority, not
// on the API's event loop, and the API answers while the render runs. (How fast it answers under
// load is measured by `npm run bench -- server`, not here: the machine is shared.)
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createBrandlockClient } from '@brandlock/core/api';
import { spawnServer, type SpawnedServer } from '../../test-support/server/spawn-server';

const root = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'brandlock-api-rendering-'));
let server: SpawnedServer | null = null;
afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  rmSync(dir, { recursive: true, force: true });
});

/** CPU seconds (user + system) of a process and its nice value, from /proc/<pid>/stat. */
function cpuOf(pid: number): { seconds: number; nice: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { seconds: (Number(fields[11]) + Number(fields[12])) / 100, nice: Number(fields[16]) };
}

function childrenOf(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
}

describe('rendering off the API', () => {
  it('post-produces and checks a 24 MP photo in render processes at nice 10 while the API keeps answering', async () => {
    server = await spawnServer(join(process.env.BRANDLOCK_WORKER_DIR!, 'server.mjs'), { BRANDLOCK_DATA: join(dir, 'data'), BRANDLOCK_RENDER_PROCESSES: '2', BRANDLOCK_RENDER_NICE: '10' }, dir);
    const api = createBrandlockClient({ baseUrl: server.url, token: server.adminToken! });
    await api.locks.publish(JSON.parse(readFileSync(join(root, 'samples/brand-lock.json'), 'utf8')));
    const big = await sharp(join(root, 'samples/photos/packshot/solidus-zip-hoodie-grey-white-bg.jpg')).resize(6000, 4000, { fit: 'fill' }).jpeg({ quality: 92 }).toBuffer();
    const { ref } = await api.uploads.put(new Uint8Array(big), 'image/jpeg');
    const pid = server.child.pid!;
    const before = cpuOf(pid).seconds;
    const job = await api.jobs.create({ kind: 'post', category: 'jersey', sources: [ref] });
    const renderers = new Set<number>();
    let answeredWhileRunning = 0;
    let state = job.state;
    while (state === 'queued' || state === 'running') {
      for (const child of childrenOf(pid)) renderers.add(child);
      const health = await fetch(`${server.url}/health`);
      const now = await api.jobs.get(job.id);
      if (health.ok && now.state === 'running') answeredWhileRunning++;
      state = now.state;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe('succeeded');
    const apiCpu = cpuOf(pid).seconds - before;
    const live = [...renderers].filter((p) => readdirSync('/proc').includes(String(p)));
    const renderCpu = live.reduce((n, p) => n + cpuOf(p).seconds, 0);
    expect(live.length).toBeGreaterThan(0);
    for (const p of live) expect(cpuOf(p).nice).toBe(10);
    // The image work (decode, grade, white balance, backdrop, encode, QC of 24 MP) is seconds of CPU;
    // the API's share is its requests and the database.
    expect(renderCpu).toBeGreaterThan(1);
    expect(renderCpu).toBeGreaterThan(apiCpu * 2);
    expect(answeredWhileRunning).toBeGreaterThan(0);
  }, 300_000);
});
