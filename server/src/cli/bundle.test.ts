// The README's CLI as a user runs it: the esbuild bundle, started with node or through npx (the
// package's bin), on the sample files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const out = join(root, 'dist', `test-bundle-${process.pid}`);

function run(...args: string[]) {
  return spawnSync(process.execPath, [join(out, 'brandlock.mjs'), ...args], { cwd: root, encoding: 'utf8' });
}

describe('the bundled brandlock command', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['esbuild.config.mjs', 'server'], { cwd: root, encoding: 'utf8', env: { ...process.env, BRANDLOCK_DIST: out } });
    expect(build.status, build.stderr).toBe(0);
  });
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    // npx links the package it ran into its cache; drop the link to this temporary folder.
    const cache = join(homedir(), '.npm', '_npx');
    for (const entry of safeList(cache)) {
      const manifest = join(cache, entry, 'package.json');
      if (safeRead(manifest).includes(out)) rmSync(join(cache, entry), { recursive: true, force: true });
    }
  });

  it('checks the sample lock and plans the sample season', () => {
    const check = run('lock', 'check', 'samples/brand-lock.json');
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('samples/brand-lock.json: ok');
    const plan = run('plan', 'samples/brief.csv', '--lock', 'samples/brand-lock.json');
    expect(plan.status).toBe(0);
    expect(plan.stdout).toContain('24 SKUs planned');
  });

  it('uses exit codes 1 for invalid input and 2 for usage errors', () => {
    expect(run('plan', 'samples/brief-broken.csv', '--lock', 'samples/brand-lock.json').status).toBe(1);
    expect(run('plan').status).toBe(2);
  });

  it('runs as a command: a hashbang, executable, so `npx brandlock` works as the README says', () => {
    const bin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin;
    expect(bin).toEqual({ brandlock: 'dist/brandlock.mjs' });
    const hashbang = readFileSync(join(out, 'brandlock.mjs'), 'utf8').split('\n')[0];
    expect(hashbang).toBe('#!/usr/bin/env -S MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=1048576 GLIBC_TUNABLES=glibc.malloc.hugetlb=1 node');
    // Linux kernels before 5.1 read only the first 127 bytes of a hashbang line and cut the rest.
    expect(hashbang.length).toBeLessThan(128);
    expect(statSync(join(out, 'brandlock.mjs')).mode & 0o111).not.toBe(0);
    // A package whose bin is this build, as the root package's bin is dist/brandlock.mjs.
    writeFileSync(join(out, 'package.json'), JSON.stringify({ name: 'brandlock', version: '0.0.0', private: true, bin: { brandlock: 'brandlock.mjs' } }));
    const npx = spawnSync('npx', ['--offline', '--yes', 'brandlock', 'lock', 'check', join(root, 'samples', 'brand-lock.json')], { cwd: out, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    expect(npx.stderr).not.toMatch(/syntax error/i);
    expect(npx.status, npx.stderr).toBe(0);
    expect(npx.stdout).toContain('brand-lock.json: ok');
  }, 60_000);

  it('starts node with glibc malloc arenas capped at 2 and a fixed 1 MiB mmap threshold when run as a command (the peak memory of variants), and malloc on transparent huge pages (its page faults)', () => {
    // A `node` first on PATH that reports the variable, then runs the real node: what the hashbang started.
    const shim = join(out, 'shim');
    mkdirSync(shim, { recursive: true });
    writeFileSync(join(shim, 'node'), `#!/bin/sh\necho "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX MALLOC_MMAP_THRESHOLD_=$MALLOC_MMAP_THRESHOLD_ GLIBC_TUNABLES=$GLIBC_TUNABLES" >&2\nexec '${process.execPath}' "$@"\n`, { mode: 0o755 });
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${shim}:${process.env.PATH}` };
    delete env.MALLOC_ARENA_MAX;
    delete env.MALLOC_MMAP_THRESHOLD_;
    delete env.GLIBC_TUNABLES;
    const res = spawnSync(join(out, 'brandlock.mjs'), ['lock', 'check', 'samples/brand-lock.json'], { cwd: root, encoding: 'utf8', env });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr.split('\n')[0]).toBe('MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=1048576 GLIBC_TUNABLES=glibc.malloc.hugetlb=1');
    expect(res.stdout).toContain('samples/brand-lock.json: ok');
  });
});

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
