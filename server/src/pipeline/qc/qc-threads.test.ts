// `brandlock qc` from the bundle checks files on worker threads: the report is the same, file for
// file, as checking them one at a time on the main thread.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QcReport } from '@brandlock/core';

const root = new URL('../../../../', import.meta.url).pathname;
const out = join(root, 'dist', `test-qc-threads-${process.pid}`);

function qc(concurrency: number): QcReport {
  const res = spawnSync(process.execPath, [join(out, 'brandlock.mjs'), 'qc', 'samples/photos/packshot', 'samples/photos/flatlay', '--lock', 'samples/brand-lock.json', '--category', 'jersey', '--json', '--concurrency', String(concurrency)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(res.stderr).toBe('');
  return QcReport.parse(JSON.parse(res.stdout));
}

describe('brandlock qc on worker threads', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['esbuild.config.mjs', 'server'], { cwd: root, encoding: 'utf8', env: { ...process.env, BRANDLOCK_DIST: out } });
    expect(build.status, build.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('gives the same verdicts, findings and measurements with two threads as with one', () => {
    const one = qc(1);
    const two = qc(2);
    expect(two.images.length).toBe(21);
    const strip = (r: QcReport) => r.images.map(({ ms: _ms, ...rest }) => rest);
    expect(strip(two)).toEqual(strip(one));
    expect(two.summary).toEqual(one.summary);
  }, 300_000);
});
