// The children that decode outside files (render processes, QC workers, FFmpeg) get no credential in
// their environment: what a process taken over by a hostile file could read from /proc/self/environ.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBrandLock } from '@brandlock/core';
import { childEnv } from './child-env';
import { runTool } from '../pipeline/video/run-tool';
import { qcRunner } from '../pipeline/qc/qc-worker-pool';

const root = new URL('../../../', import.meta.url).pathname;

/** Secrets as an operator sets them for the server, which its children inherited whole before. */
const SECRETS: Record<string, string> = {
  FAL_KEY: 'fal-id-41c9:fal-secret-7d2e9b',
  REPLICATE_API_TOKEN: 'r8_replicate-token-5a1f',
  REPLICATE_WEBHOOK_SECRET: 'whsec_replicatewebhook77',
  RUNWAYML_API_SECRET: 'key_runway-secret-c0ffee',
  COMFYUI_TOKEN: 'comfy-proxy-token-b16b00',
  COMFYUI_URL: 'https://render:comfy-pass-9e9e@comfy.example.test:8188',
  DATABASE_URL: 'postgres://brandlock:db-pass-3f5a@db.example.test/brandlock',
};
const saved = new Map<string, string | undefined>();

function setSecrets(): void {
  for (const [name, value] of Object.entries(SECRETS)) {
    saved.set(name, process.env[name]);
    process.env[name] = value;
  }
}

afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  saved.clear();
});

function expectNoSecret(environ: string): void {
  for (const value of Object.values(SECRETS)) expect(environ).not.toContain(value);
  for (const part of ['fal-secret-7d2e9b', 'comfy-pass-9e9e', 'db-pass-3f5a']) expect(environ).not.toContain(part);
}

/** The pids of this process's children running `script`. */
function childrenRunning(script: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(script)) pids.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

describe('the environment of child processes that handle outside files', () => {
  it('keeps everything but credentials', () => {
    const env = childEnv({
      PATH: '/usr/bin',
      HOME: '/home/brandlock',
      BRANDLOCK_RENDER_NICE: '10',
      FAL_BASE_URL: 'https://queue.fal.run',
      KEYBOARD_LAYOUT: 'us',
      PGPASSWORD: 'pw',
      AWS_SECRET_ACCESS_KEY: 'aws',
      SSH_AUTH_SOCK: '/tmp/agent',
      npm_config__auth: 'dXNlcjpwYXNz',
      HTTPS_PROXY: 'http://me:proxy-pass@proxy:3128',
      ...SECRETS,
    });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/home/brandlock', BRANDLOCK_RENDER_NICE: '10', FAL_BASE_URL: 'https://queue.fal.run', KEYBOARD_LAYOUT: 'us' });
  });

  it("FFmpeg and ffprobe run without the server's provider keys or database password", async () => {
    setSecrets();
    // Any program shows what it was given: env prints its environment.
    const { stdout } = await runTool('ffmpeg', '/usr/bin/env', []);
    const environ = stdout.toString('utf8');
    expect(environ).toContain('PATH=');
    expectNoSecret(environ);
  });

  it('QC worker processes start without them', async () => {
    setSecrets();
    const lock = loadBrandLock(JSON.parse(readFileSync(join(root, 'samples/brand-lock.json'), 'utf8')));
    if (!lock.success) throw new Error('sample lock');
    const runner = qcRunner(lock.lock, 2, { thumbnails: false });
    try {
      expect(runner.threads).toBe(2);
      const pids = childrenRunning('qc-worker.mjs');
      expect(pids.length).toBe(2);
      for (const pid of pids) {
        const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
        expect(environ).toContain('MALLOC_ARENA_MAX=2');
        expectNoSecret(environ);
      }
    } finally {
      await runner.close();
    }
  }, 60_000);

  it("QC workers do not inherit the bin's 1 MiB mmap threshold, and their malloc uses huge pages", async () => {
    // What `brandlock qc` run as its bin passes on: its hashbang's malloc settings.
    for (const [name, value] of Object.entries({ MALLOC_MMAP_THRESHOLD_: '1048576', GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=268435456' })) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
    const lock = loadBrandLock(JSON.parse(readFileSync(join(root, 'samples/brand-lock.json'), 'utf8')));
    if (!lock.success) throw new Error('sample lock');
    const runner = qcRunner(lock.lock, 2, { thumbnails: false });
    try {
      const pids = childrenRunning('qc-worker.mjs');
      expect(pids.length).toBe(2);
      for (const pid of pids) {
        const raw = readFileSync(`/proc/${pid}/environ`, 'utf8');
        const environ = raw.split('\0');
        expect(environ.filter((v) => v.startsWith('MALLOC_MMAP_THRESHOLD_='))).toEqual([]);
        expect(environ).toContain('MALLOC_ARENA_MAX=2');
        // glibc ends each tunable it has read with a NUL in place, so /proc shows them split: both
        // were given, and glibc took the second (the process's own process.env still has the whole).
        expect(raw).toContain('\0GLIBC_TUNABLES=glibc.malloc.trim_threshold=268435456\0glibc.malloc.hugetlb=1\0');
      }
    } finally {
      await runner.close();
    }
  }, 60_000);
});
