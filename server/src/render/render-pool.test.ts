// The render processes the server hands image work to: same results as rendering in-process, errors
// that keep their meaning, a lower CPU priority than the server, and recovery when one dies.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { folderBlobStore } from '../assets/folder-blob-store';
import { createLogger } from '../log/logger';
import type { LocalRenderJob } from '../providers/local';
import { createRenderPool } from './render-pool';
import { inlineRenderer } from './renderer';

const dir = mkdtempSync(join(tmpdir(), 'brandlock-render-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const photo = readFileSync(new URL('../../../samples/photos/packshot/solidus-polo-red-navy-white-bg.jpg', import.meta.url));
const blobs = folderBlobStore(join(dir, 'blobs'));
const logs: string[] = [];
const options = { processes: 2, nice: 10, blobDir: join(dir, 'blobs'), maxPixels: 100_000_000, taskTimeoutMs: 60_000, log: createLogger({ sink: (l) => logs.push(l) }) };
const generate = (sourceSha256: string | null, size = { width: 600, height: 800 }): LocalRenderJob => ({ kind: 'generate', recipe: { ...size, seed: 7 }, count: 1, params: { background: '#f4f1ea' }, sourceSha256s: sourceSha256 ? [sourceSha256] : [] });
const stored = async (bytes: Uint8Array) => (await blobs.put(bytes)).sha256;
/** A 24 MP source: seconds of work for a render process. */
const bigSource = async () => stored(new Uint8Array(await sharp(photo).resize(6000, 4000).png({ compressionLevel: 0 }).toBuffer()));

/** The nice value of a process, from /proc/<pid>/stat (field 19). */
function niceOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

describe('render processes', () => {
  it('render what the server renders in its own thread, byte for byte, in processes at a lower priority', async () => {
    const pool = createRenderPool(options);
    try {
      const source = await stored(photo);
      const [inPool] = await pool.renderLocal(generate(source));
      const [inline] = await inlineRenderer({ blobs, maxPixels: options.maxPixels }).renderLocal(generate(source));
      expect(inPool.stored).toMatchObject({ contentType: 'image/png', width: 600, height: 800 });
      expect(inPool.stored).toEqual(inline.stored);
      expect(await blobs.has(inPool.stored!.sha256)).toBe(true);
      expect(inPool.bytes).toBeUndefined();
      expect(inPool.note).toBe(inline.note);
      const pids = pool.processIds();
      expect(pids.length).toBeGreaterThan(0);
      expect(pids).not.toContain(process.pid);
      for (const pid of pids) expect(niceOf(pid)).toBe(10);
    } finally {
      await pool.stop();
    }
  });

  it('hold no provider key or database password: they decode files from outside', async () => {
    const secrets = { FAL_KEY: 'fal-id-41c9:fal-secret-7d2e9b', REPLICATE_API_TOKEN: 'r8_replicate-token-5a1f', DATABASE_URL: 'postgres://brandlock:db-pass-3f5a@db.example.test/brandlock' };
    const saved = Object.fromEntries(Object.keys(secrets).map((k) => [k, process.env[k]]));
    Object.assign(process.env, secrets);
    const pool = createRenderPool(options);
    try {
      await pool.renderLocal(generate(await stored(photo)));
      const pids = pool.processIds();
      expect(pids.length).toBeGreaterThan(0);
      for (const pid of pids) {
        const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
        expect(environ).toContain('PATH=');
        for (const secret of ['fal-secret-7d2e9b', 'r8_replicate-token-5a1f', 'db-pass-3f5a']) expect(environ).not.toContain(secret);
      }
    } finally {
      await pool.stop();
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('keep errors as the step runner knows them: a provider refusal stays a ProviderCallError with its code', async () => {
    const pool = createRenderPool(options);
    try {
      const err = await pool.renderLocal({ ...generate(await stored(photo)), kind: 'unknown' as never }).catch((e) => e);
      expect(err.name).toBe('ProviderCallError');
      expect(err.error).toMatchObject({ code: 'unsupported_kind', retryable: false });
      const missing = await pool.renderLocal(generate(null)).catch((e) => e);
      expect(missing.error.code).toBe('source_required');
    } finally {
      await pool.stop();
    }
  });

  it('fail the task of a render process that dies, and carry on with a new process', async () => {
    const pool = createRenderPool({ ...options, processes: 1 });
    try {
      const dying = pool.renderLocal(generate(await bigSource(), { width: 4000, height: 6000 }));
      const [pid] = pool.processIds();
      process.kill(pid, 'SIGKILL');
      const err = await dying.catch((e) => e);
      expect(err.name).toBe('RenderProcessError');
      expect(err.message).toMatch(/the render process stopped \(SIGKILL\) while running renderLocal/);
      const [next] = await pool.renderLocal(generate(await stored(photo)));
      expect(next.stored?.width).toBe(600);
      expect(pool.processIds()).not.toContain(pid);
    } finally {
      await pool.stop();
    }
  });

  it('stop a task that overruns the step time limit', async () => {
    const pool = createRenderPool({ ...options, processes: 1, taskTimeoutMs: 50 });
    try {
      const err = await pool.renderLocal(generate(await bigSource(), { width: 4000, height: 6000 })).catch((e) => e);
      expect(err.message).toMatch(/took longer than 50 ms and was stopped/);
    } finally {
      await pool.stop();
    }
  });
});
