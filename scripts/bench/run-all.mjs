// `npm run bench`: runs every benchmark in scripts/bench/ (each compares us with a reference tool on
// the same input in the same run and prints the ratio). `npm run bench -- lut qc` runs only those;
// options after the names go to each of them (`npm run bench -- lut-apply --runs 3 --folder-runs 2`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('--'));
const wanted = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => !wanted.length || wanted.includes(name))
  .sort();
if (!benches.length) {
  console.error(wanted.length ? `no benchmark named ${wanted.join(', ')}` : 'no benchmarks in scripts/bench/');
  process.exit(2);
}
// The lut-apply, variants and produce benchmarks run the bundled CLI, as a user does: build it first,
// so they never time a dist/ older than the source.
if (benches.some((name) => ['lut-apply', 'variants', 'produce'].includes(name))) {
  const built = spawnSync(process.execPath, [join(root, 'esbuild.config.mjs')], { stdio: 'inherit', cwd: root });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench: ${name} ===`);
  const res = spawnSync(process.execPath, [join(root, 'scripts/run-ts.mjs'), join(here, `${name}.ts`), ...options], { stdio: 'inherit', cwd: root });
  if (res.status !== 0) {
    failed++;
    console.error(`bench ${name} exited with ${res.status}`);
  }
}
process.exit(failed ? 1 : 0);
