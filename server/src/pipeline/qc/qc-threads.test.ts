// `brandlock qc` from the bundle checks files in worker processes (dist/qc-worker.mjs): the report is
// the same, file for file, as checking them one at a time on the main thread.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QcReport, imageTargetMatcher, loadBrandLock, parseBrief, planBrief } from '@brandlock/core';
import { qcRunner } from './qc-worker-pool';
import { qcImageFile } from './qc-image-file';

const root = new URL('../../../../', import.meta.url).pathname;
const out = join(root, 'dist', `test-qc-threads-${process.pid}`);

function qc(concurrency: number): QcReport {
  const res = spawnSync(process.execPath, [join(out, 'brandlock.mjs'), 'qc', 'samples/photos', '--lock', 'samples/brand-lock.json', '--brief', 'samples/brief.csv', '--json', '--concurrency', String(concurrency)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(res.stderr).toBe('');
  return QcReport.parse(JSON.parse(res.stdout));
}

describe('brandlock qc in worker processes', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['esbuild.config.mjs', 'server'], { cwd: root, encoding: 'utf8', env: { ...process.env, BRANDLOCK_DIST: out } });
    expect(build.status, build.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('runs files in two worker processes and gets back what the main thread computes', async () => {
    const lock = loadBrandLock(JSON.parse(readFileSync(join(root, 'samples/brand-lock.json'), 'utf8')));
    if (!lock.success) throw new Error('sample lock');
    const jobs = planBrief(parseBrief(readFileSync(join(root, 'samples/brief.csv'), 'utf8')).brief, lock.lock).jobs;
    const place = imageTargetMatcher(lock.lock, { jobs, jobsForSource: (key) => jobs.filter((j) => j.sources.some((s) => join(root, 'samples', s) === key)) });
    const files = ['packshot/solidus-polo-red-navy-white-bg.jpg', 'packshot/solidus-hoodie-red-cutout.png', 'flatlay/solidus-tee-white-on-white.jpg'].map((f) => join(root, 'samples/photos', f));
    const inputs = files.map((path) => {
      const placed = place(path.split('/').pop()!, path);
      if (!placed.success) throw new Error(placed.message);
      return { path, display: path, targets: placed.targets };
    });
    process.env.BRANDLOCK_WORKER_DIR = out;
    const runner = qcRunner(lock.lock, 2, { thumbnails: true });
    try {
      expect(runner.threads).toBe(2);
      const threaded = await Promise.all(inputs.map((i) => runner.run(i)));
      for (const [k, input] of inputs.entries()) {
        const local = await qcImageFile(input, lock.lock, { thumbnails: true });
        expect(threaded[k].records.map(({ ms: _ms, ...r }) => r)).toEqual(local.records.map(({ ms: _ms, ...r }) => r));
        expect(threaded[k].thumbnail?.outline).toEqual(local.thumbnail?.outline);
      }
    } finally {
      await runner.close();
      delete process.env.BRANDLOCK_WORKER_DIR;
    }
  }, 300_000);

  it('gives the same verdicts, findings and measurements with two threads as with one', () => {
    const one = qc(1);
    const two = qc(2);
    // Every photo the sample brief lists is analysed (a row per SKU it stands for).
    expect(two.images.filter((r) => r.verdict !== 'error').length).toBeGreaterThanOrEqual(20);
    const strip = (r: QcReport) => r.images.map(({ ms: _ms, ...rest }) => rest);
    expect(strip(two)).toEqual(strip(one));
    expect(two.summary).toEqual(one.summary);
  }, 300_000);
});
