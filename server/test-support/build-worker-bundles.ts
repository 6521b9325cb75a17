/**
 * vitest global set-up: builds the server bundles once per test run, so code under test that starts a
 * worker thread or child process (`lut apply` on many files, the server's render processes) finds
 * the worker scripts, as dist/ provides them to users. BRANDLOCK_WORKER_DIR tells it where they are.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export default function buildWorkerBundles(): () => void {
  const root = new URL('../../', import.meta.url).pathname;
  // Under dist/, beside node_modules, so the bundles' external packages (sharp, pglite) resolve.
  const dir = join(root, 'dist', `test-workers-${process.pid}`);
  const build = spawnSync(process.execPath, ['esbuild.config.mjs', 'server'], { cwd: root, encoding: 'utf8', env: { ...process.env, BRANDLOCK_DIST: dir } });
  if (build.status !== 0) throw new Error(`building the worker bundles failed: ${build.stderr}`);
  process.env.BRANDLOCK_WORKER_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
