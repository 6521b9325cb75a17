/**
 * Whole-process QC throughput on a folder of 50 real photos (issue 18: at least 2x the images per
 * second of the QC this work started from). The folder is made from samples/photos (the 24 photos,
 * then the same photos mirrored), named by the lock's template so every file is matched and
 * analysed. Two `brandlock qc <folder> --json` commands run on it, alternating, in the same run:
 * the CLI built from this checkout, and the CLI built from BASELINE (git archive of that commit,
 * with its own sample lock), so "today" is measured on the same machine and files, not quoted. Each is
 * built and started as its own `npm run build` left it for a user: this checkout by its esbuild.config.mjs
 * and run as `dist/brandlock.mjs` (its hashbang sets the malloc variables; shared chunks, workers
 * beside it); the baseline's esbuild.config.mjs made one ESM file with no hashbang, which bundle()
 * below reproduces (the same options), run as `node brandlock.mjs`.
 * Prints wall time, images/s and peak RSS of each (medians of paired runs) and the ratio. The peak RSS
 * is /usr/bin/time's: the largest single process. QC now runs in three (the CLI and two QC worker
 * processes), so it understates this checkout's memory; sum the tree's PSS to compare (README).
 * Usage: npm run bench -- qc-folder   (or node scripts/run-ts.mjs scripts/bench/qc-folder.ts [--runs 5])
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import sharp from 'sharp';

/** The commit issue 12 and 18 measured QC on: the reference this bench compares with. */
const BASELINE = '866477a';
const ROOT = resolve(process.argv[1], '../../..');
const OUT = join(ROOT, 'bench-out', 'qc-folder');
const PHOTOS = join(OUT, 'photos');
const FILES = 50;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

/** The palette swatch each sample photo's garment is closest to (its colorway in the file name). */
const COLORWAY: Record<string, string> = {
  'cd-blazer-cream-white-sheet': 'oat',
  'cd-denim-shorts-quilted-cover': 'mid-wash',
  'cd-dress-black-grey-blanket': 'black',
  'cd-skirt-wood-floor-warm-cast': 'sand',
  'cd-tshirt-black-grey-blanket': 'black',
  'cd-tshirt-print-patterned-sheet': 'chalk',
  'solidus-longsleeve-black-white-bg': 'black',
  'solidus-tee-black-angled-cutout': 'black',
  'solidus-tee-blue-white-bg': 'cobalt',
  'solidus-tee-white-on-white': 'optic',
  'solidus-womens-tee-white-on-white': 'optic',
  'solidus-hoodie-red-onmodel-cutout': 'poppy',
  'solidus-tote-onmodel-black-outfit-cutout': 'poppy',
  'payload-tshirts-on-hangers-unsplash': 'sage',
  'payload-cap-black-cutout': 'black',
  'payload-tshirt-black-cutout': 'black',
  'payload-tshirt-white-cutout': 'optic',
  'solidus-beanie-black-cutout': 'black',
  'solidus-hoodie-black-cutout': 'black',
  'solidus-hoodie-blue-white-bg': 'cobalt',
  'solidus-hoodie-red-cutout': 'poppy',
  'solidus-longsleeve-red-cutout': 'poppy',
  'solidus-polo-red-navy-white-bg': 'poppy',
  'solidus-zip-hoodie-grey-white-bg': 'heather',
};

function samplePhotos(): string[] {
  const dir = join(ROOT, 'samples/photos');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(dir, d.name)).filter((f) => /\.(jpe?g|png)$/i.test(f)).map((f) => join(dir, d.name, f)))
    .sort();
}

/** 50 files: every sample photo as it is, then mirrored copies (a mirrored photo is still a real one). */
async function makeFolder(): Promise<void> {
  if (existsSync(PHOTOS) && readdirSync(PHOTOS).length === FILES) return;
  rmSync(PHOTOS, { recursive: true, force: true });
  mkdirSync(PHOTOS, { recursive: true });
  const photos = samplePhotos();
  for (let i = 0; i < FILES; i++) {
    const src = photos[i % photos.length];
    const stem = basename(src).replace(/\.[^.]+$/, '');
    const ext = src.toLowerCase().endsWith('.png') ? 'png' : 'jpg';
    const colorway = COLORWAY[stem];
    if (!colorway) throw new Error(`no colorway for ${stem}`);
    const meta = await sharp(src).metadata();
    const name = `northfold_bench-${String(i + 1).padStart(2, '0')}_${colorway}_front_master_${meta.width}x${meta.height}.${ext}`;
    if (i < photos.length) {
      copyFileSync(src, join(PHOTOS, name));
      continue;
    }
    const img = i >= photos.length * 2 ? sharp(src).keepIccProfile().flip() : sharp(src).keepIccProfile().flop();
    await (ext === 'png' ? img.png() : img.jpeg({ quality: 92 })).toFile(join(PHOTOS, name));
  }
}

function run(cmd: string, args: string[], cwd = ROOT): string {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.status}): ${res.stderr}`);
  return res.stdout;
}

// Spelled in pieces: scripts/run-ts.mjs rewrites that expression wherever it appears in this file.
const META_URL = ['import', 'meta', 'url'].join('.');

/**
 * Bundles an archived checkout's CLI into dir/brandlock.mjs as its esbuild.config.mjs did (one ESM
 * file, Node 20, the same externals and require banner), resolving @brandlock/core to that checkout's
 * core/src, with the QC worker beside it when the checkout has one (the baseline has none: it checks
 * every file on its main thread).
 */
function bundle(entry: string, core: string, dir: string): string {
  const out = join(dir, 'brandlock.mjs');
  const worker = join(dirname(entry), 'pipeline/qc/qc-worker.ts');
  const entryPoints = [{ in: entry, out: 'brandlock' }, ...(existsSync(worker) ? [{ in: worker, out: 'qc-worker' }] : [])];
  const script = `
    import * as esbuild from 'esbuild';
    const core = ${JSON.stringify(core)};
    const corePlugin = { name: 'core', setup(b) { b.onResolve({ filter: /^@brandlock\\/core(\\/.*)?$/ }, (a) => ({ path: a.path === '@brandlock/core' ? core + '/index.ts' : core + a.path.slice('@brandlock/core'.length) + '/index.ts' })); } };
    await esbuild.build({ entryPoints: ${JSON.stringify(entryPoints)}, outdir: ${JSON.stringify(dir)}, outExtension: { '.js': '.mjs' }, bundle: true, platform: 'node', target: 'node20', format: 'esm',
      external: ['sharp', '@electric-sql/pglite', 'pg-boss', 'pg', 'pg-native', 'playwright-core'], plugins: [corePlugin], logLevel: 'error',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(${META_URL});" } });`;
  run(process.execPath, ['--input-type=module', '-e', script]);
  return out;
}

/**
 * This checkout's CLI as `npm run build` makes it (esbuild.config.mjs, into dir instead of dist/):
 * the command a user runs, dist/brandlock.mjs with its hashbang.
 */
function build(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  const res = spawnSync(process.execPath, [join(ROOT, 'esbuild.config.mjs'), 'server'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BRANDLOCK_DIST: dir } });
  if (res.status !== 0) throw new Error(`esbuild.config.mjs server failed (${res.status}): ${res.stderr}`);
  return join(dir, 'brandlock.mjs');
}

interface Cli {
  name: string;
  /** The command and its first arguments: [node, brandlock.mjs] or [dist/brandlock.mjs]. */
  command: string[];
  lock: string;
}

function baselineCli(): Cli | null {
  const dir = join(OUT, 'baseline');
  const src = join(dir, 'src');
  if (!existsSync(join(src, 'server/src/cli.ts'))) {
    const verify = spawnSync('git', ['cat-file', '-e', `${BASELINE}^{commit}`], { cwd: ROOT });
    if (verify.status !== 0) return null;
    mkdirSync(src, { recursive: true });
    const tar = spawnSync('git', ['archive', '--format=tar', BASELINE, 'core', 'server', 'samples/brand-lock.json', 'samples/luts'], { cwd: ROOT, maxBuffer: 1 << 30 });
    if (tar.status !== 0) return null;
    const x = spawnSync('tar', ['-x', '-C', src], { input: tar.stdout });
    if (x.status !== 0) return null;
  }
  return { name: `baseline ${BASELINE}`, command: [process.execPath, bundle(join(src, 'server/src/cli.ts'), join(src, 'core/src'), dir)], lock: join(src, 'samples/brand-lock.json') };
}

interface Timing {
  ms: number;
  rssMb: number;
  /** User + system CPU seconds of the whole process (every thread): what a busy machine cannot hide. */
  cpuS: number;
  summary: { pass: number; flag: number; reject: number; error: number };
}

function timeQc(cli: Cli): Timing {
  const t = performance.now();
  const res = spawnSync('/usr/bin/time', ['-f', '%M %U %S', ...cli.command, 'qc', PHOTOS, '--lock', cli.lock, '--category', 'jersey', '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  if (res.status !== 0 && res.status !== 1) throw new Error(`${cli.name}: qc exited ${res.status}: ${res.stderr.slice(-2000)}`);
  const report = JSON.parse(res.stdout) as { summary: Timing['summary']; images: unknown[] };
  if (report.images.length !== FILES) throw new Error(`${cli.name}: ${report.images.length} records for ${FILES} files`);
  const [rssKb, user, system] = res.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { ms, rssMb: rssKb / 1024, cpuS: user + system, summary: report.summary };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

await makeFolder();
const current: Cli = { name: 'this checkout', command: [build(join(OUT, 'current'))], lock: join(ROOT, 'samples/brand-lock.json') };
const baseline = baselineCli();
const clis = baseline ? [baseline, current] : [current];
console.log(`QC of a folder of ${FILES} real photos (samples/photos and mirrored copies, 0.3 to 3.7 MP), whole process: brandlock qc <folder> --lock <lock> --category jersey --json, each commit as its build left it (this checkout: dist/brandlock.mjs; the baseline: node brandlock.mjs)`);
console.log(`machine: ${cpus().length} cores, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
if (!baseline) console.log(`baseline ${BASELINE} is not in this clone's history (shallow clone?): only this checkout is timed`);
for (const cli of clis) timeQc(cli);
const results = new Map<string, Timing[]>(clis.map((c) => [c.name, []]));
for (let r = 0; r < RUNS; r++) {
  const order = r % 2 ? [...clis].reverse() : clis;
  for (const cli of order) results.get(cli.name)!.push(timeQc(cli));
}
const rate = new Map<string, number>();
for (const cli of clis) {
  const runs = results.get(cli.name)!;
  const ms = median(runs.map((t) => t.ms));
  const s = runs[0].summary;
  rate.set(cli.name, (FILES / ms) * 1000);
  console.log(`  ${cli.name.padEnd(18)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${((FILES / ms) * 1000).toFixed(2).padStart(6)} images/s  largest process's peak RSS ${median(runs.map((t) => t.rssMb)).toFixed(0)} MB  CPU ${median(runs.map((t) => t.cpuS)).toFixed(2)} s  (runs ${runs.map((t) => (t.ms / 1000).toFixed(2)).join(' ')} s; verdicts ${s.pass} pass, ${s.flag} flag, ${s.reject} reject, ${s.error} error)`);
}
if (baseline) {
  const ratio = rate.get(current.name)! / rate.get(baseline.name)!;
  console.log(`  ratio: this checkout ${ratio.toFixed(2)}x the baseline's images per second (target >= 2x): ${ratio >= 2 ? 'met' : 'NOT met'}`);
}
