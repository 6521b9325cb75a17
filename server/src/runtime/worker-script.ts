/**
 * Finds the script a worker thread or child process runs. Built bundles sit together in dist/, so
 * the script is beside the module asking for it. Running from TypeScript sources (vitest), there is
 * no such file and BRANDLOCK_WORKER_DIR names a folder the bundles were built into.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The names of the worker entry points esbuild.config.mjs builds. */
export type WorkerScriptName = 'lut-grade-worker' | 'render-host' | 'qc-worker' | 'measure-worker';

/** @example new Worker(workerScript('lut-grade-worker'), { workerData }) */
export function workerScript(name: WorkerScriptName): URL {
  const beside = new URL(`./${name}.mjs`, import.meta.url);
  if (beside.protocol === 'file:' && existsSync(beside)) return beside;
  const dir = process.env.BRANDLOCK_WORKER_DIR;
  if (dir && existsSync(join(dir, `${name}.mjs`))) return pathToFileURL(join(dir, `${name}.mjs`));
  const here = fileURLToPath(new URL('.', import.meta.url));
  throw new Error(`cannot find ${name}.mjs beside ${here}${dir ? ` or in BRANDLOCK_WORKER_DIR (${dir})` : ''}; build it with "npm run build" (from sources, set BRANDLOCK_WORKER_DIR to the built folder)`);
}
