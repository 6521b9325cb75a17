// The README's CLI as a user runs it: the esbuild bundle, started with node, on the sample files.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
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
  afterAll(() => rmSync(out, { recursive: true, force: true }));

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
});
