/**
 * Benchmark: how soon the Photoshop panel's bundle calls `entrypoints.setup()` after UXP starts
 * evaluating it (Adobe's known issue PS-57605: more than ~20 ms risks an uncatchable load error).
 * Three bundles, each in fresh V8 contexts without code generation, as UXP runs them: the shipped one
 * (setup first, the panel loaded lazily), the same panel loaded eagerly before setup (how it shipped
 * before), and the reference: a bare bundle that only calls setup. Prints medians and the ratios to
 * the reference. Times include compiling and evaluating the script, as in Photoshop.
 *   node scripts/run-ts.mjs scripts/bench/panel-start.ts [--runs 15]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { performance } from 'node:perf_hooks';
import { bundles } from '../../plugins/photoshop/build.mjs';

// esbuild cannot be bundled into this script by run-ts, so it is loaded from node_modules at run time.
const esbuildModule = 'esbuild';
const { build } = (await import(esbuildModule)) as typeof import('esbuild');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'brandlock-bench-start-'));

async function bundle(name: string, entry: string | null): Promise<string> {
  const [options] = bundles(root, { outDir: join(dir, name) });
  if (entry) {
    const file = join(root, 'plugins/photoshop/src', `.bench-${name}.tsx`);
    writeFileSync(file, entry);
    try {
      await build({ ...options, absWorkingDir: root, entryPoints: { index: file }, logLevel: 'silent', plugins: [] });
    } finally {
      rmSync(file, { force: true });
    }
  } else {
    await build({ ...options, absWorkingDir: root, logLevel: 'silent', plugins: [] });
  }
  return readFileSync(join(dir, name, 'index.js'), 'utf8');
}

/** Milliseconds from starting to evaluate the script to its setup() call, in a fresh context. */
function timeToSetup(code: string): number {
  let at = -1;
  const uxp = { entrypoints: { setup: () => (at = performance.now()) }, storage: { secureStorage: {}, localFileSystem: {}, formats: {} }, host: { name: 'Photoshop', version: '26.0.0' } };
  const photoshop = { app: { version: '26.0.0', documents: [] }, core: {}, action: {}, imaging: {}, constants: { ResampleMethod: {}, Intent: {}, BitsPerChannelType: {}, DialogModes: {} } };
  const context = vm.createContext(
    { require: (n: string) => ({ uxp, photoshop })[n as 'uxp'], window: { localStorage: { getItem: () => null } }, console, setTimeout, clearTimeout, TextEncoder, TextDecoder, URL, queueMicrotask },
    { codeGeneration: { strings: false, wasm: false } },
  );
  const start = performance.now();
  new vm.Script(code).runInContext(context);
  if (at < 0) throw new Error('the bundle never called entrypoints.setup()');
  return at - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const shipped = await bundle('shipped', null);
const eager = await bundle('eager', `import './panel-main';\nimport './index';\n`);
const bare = await bundle('bare', `import { uxp } from './host/uxp-api';\nuxp.entrypoints.setup({ panels: {}, commands: {} });\n`);
rmSync(dir, { recursive: true, force: true });

const results = Object.entries({ shipped, eager, bare }).map(([name, code]) => {
  timeToSetup(code);
  const times = Array.from({ length: RUNS }, () => timeToSetup(code));
  return { name, kb: Math.round(code.length / 1024), ms: median(times) };
});
const ref = results.find((r) => r.name === 'bare')!.ms;
for (const r of results) {
  console.log(`${r.name.padEnd(8)} ${String(r.kb).padStart(4)} KB  setup() after ${r.ms.toFixed(2)} ms (median of ${RUNS})  ${(r.ms / ref).toFixed(1)}x the bare bundle`);
}
const [s, e] = [results[0].ms, results[1].ms];
console.log(`shipped calls setup() ${(e / s).toFixed(1)}x sooner than the eager bundle; Adobe's limit is about 20 ms (${s < 20 ? 'within it' : 'OVER IT'} here)`);
