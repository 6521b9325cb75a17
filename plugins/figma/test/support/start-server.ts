/**
 * Runs the real brandlock server as `npm start` does (server/src/main.ts, embedded PGlite, local
 * provider) in a child process on a free loopback port, reads the URL and first admin token it
 * prints, publishes the sample Brand Lock and makes a designer token, as an admin would. Nothing here
 * imitates the server: the plugin talks to the same code over real HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBrandlockClient, type Job } from '@brandlock/core/api';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

export interface TestServer {
  url: string;
  /** A designer's token (what a designer pastes into the plugin). */
  token: string;
  /**
   * A finished product loop, as production makes one: the sample brief's video SKU (NF-JR-3005, front)
   * generated from its packshot, the still approved when QC did not pass it alone, then its loop made
   * by the local provider and frame-checked. Returns the video job and an art director's token (frame
   * QC is in the audit trail, which art directors read and designers do not).
   */
  makeVideoJob(): Promise<{ job: Job; directorToken: string }>;
  /** Uploads a .cube file as an admin does (`PUT /v1/luts`). */
  uploadLut(text: string): Promise<void>;
  /** Uploads the sample lock's model reference images as an admin does (`PUT /v1/locks/current/files`). */
  uploadReferences(): Promise<void>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Changes the sample lock before it is published (smaller stills and clips for video tests). */
  editLock?: (lock: { categories: { id: string; recipe?: Record<string, unknown>; video?: Record<string, unknown> | null }[] }) => void;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'brandlock-figma-server-'));
  const child = spawn(process.execPath, [join(root, 'scripts/run-ts.mjs'), join(root, 'server/src/main.ts')], {
    cwd: dir,
    env: { ...process.env, BRANDLOCK_DATA: dir, HOST: '127.0.0.1', PORT: '0', BRANDLOCK_POLL_MIN_MS: '100', BRANDLOCK_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { url, adminToken } = await readBanner(child);
  const admin = createBrandlockClient({ baseUrl: url, token: adminToken });
  const lock = JSON.parse(readFileSync(join(root, 'samples/brand-lock.json'), 'utf8'));
  options.editLock?.(lock);
  await admin.locks.publish(lock);
  const designer = await admin.tokens.create({ name: 'Figma plugin test', role: 'designer' });
  return {
    url,
    token: designer.token,
    async uploadReferences() {
      const lock = JSON.parse(readFileSync(join(root, 'samples/brand-lock.json'), 'utf8')) as { models: { referenceImages: string[] }[] };
      for (const path of lock.models.flatMap((m) => m.referenceImages)) {
        await admin.lockFiles.put('current', path, new Uint8Array(readFileSync(join(root, 'samples', path))), 'image/png');
      }
    },
    async makeVideoJob() {
      const brief = await admin.briefs.upload({ name: 'SS27 core range', text: readFileSync(join(root, 'samples/brief.csv'), 'utf8') });
      const photo = new Uint8Array(readFileSync(join(root, 'samples/photos/packshot/solidus-zip-hoodie-grey-white-bg.jpg')));
      const { ref } = await admin.uploads.put(photo, 'image/jpeg');
      // The sample ships approved recipes (samples/northfold.approvals.jsonl); a new server learns them
      // from an art director, and refuses to generate for a category until then.
      for (const r of (await admin.recipes.list()).recipes) if (!r.approval) await admin.recipes.decide(r.category, { recipeHash: r.recipeHash, note: 'the sample ships approvals' });
      const still = await admin.jobs.watch((await admin.jobs.create({ kind: 'generate', brief: brief.id, sku: 'NF-JR-3005', view: 'front', sources: [ref] })).id);
      if (still.state !== 'succeeded') throw new Error(`the still failed: ${still.error?.message}`);
      if (!['ready', 'approved'].includes(still.outputs[0].reviewStatus)) await admin.review.decide(still.outputs[0].assetId, { decision: 'approve', reason: 'colour and zip right' });
      const video = await admin.jobs.watch((await admin.jobs.create({ kind: 'video', brief: brief.id, sku: 'NF-JR-3005', view: 'front' })).id);
      if (video.state !== 'succeeded') throw new Error(`the video job failed: ${video.error?.message}`);
      return { job: video, directorToken: (await admin.tokens.create({ name: 'Figma plugin test AD', role: 'art-director' })).token };
    },
    async uploadLut(text) {
      await admin.luts.put(text);
    },
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readBanner(child: ChildProcess): Promise<{ url: string; adminToken: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s:\n${out}\n${err}`)), 60_000);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      const token = /keep it somewhere safe:\s*\n\s*(\S+)/.exec(out)?.[1];
      if (url && token) {
        clearTimeout(timer);
        resolve({ url, adminToken: token });
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${out}\n${err}`)));
  });
}
