// Benchmark: the sample lock's full channel set from one 24 MP JPEG master, `brandlock variants` as a
// user runs it (a whole process: Node start-up, module load, lock, decode, subject, every channel
// written) against ImageMagick producing the same crops, sizes and formats from the same master with
// one `convert` (one decode, one clone per channel), as paired runs in alternating order in one run.
// Prints medians, both ratios (wall and CPU) and each whole process's peak RSS (GNU time). brandlock
// runs as its bin, dist/brandlock.mjs executed as a command (its hashbang sets glibc's malloc
// settings), not `node dist/brandlock.mjs`.
// Targets (issue 18): at least 10x ImageMagick's wall time, at most 300 MB peak.
// Usage: npm run build && node scripts/run-ts.mjs scripts/bench/variants.ts [--runs 5] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { planVariants, VariantProvenance, backgroundRgba, type BrandLock, type VariantPlan } from '@brandlock/core';
import { readLockFile } from '../../server/src/io/read-lock-file';

const ROOT = resolve(process.argv[1], '../../..');
const LOCK = join(ROOT, 'samples/brand-lock.json');
const CLI = join(ROOT, 'dist/brandlock.mjs');
const provenance = VariantProvenance.parse({ jobId: 'bench', provider: 'local', model: 'none', seed: 1, qc: 'pass' });
const request = { sku: 'NF-1001', colorway: 'black', view: 'front', provenance };

interface Run {
  ms: number;
  /** CPU time (user + system) of the whole process: what a busy machine cannot hide. */
  cpuMs: number;
  rssMb: number;
}

interface CliReport {
  subject: { box: { x: number; y: number; width: number; height: number }; confidence: number };
  entries: { channel: string; file: string; bytes: number; width: number; height: number; format: string; quality: number | null }[];
  failures: unknown[];
}

async function loadLock(): Promise<{ lock: BrandLock; hash: string }> {
  const res = await readLockFile(LOCK);
  if (!res.success) throw new Error('the sample lock does not load');
  return { lock: res.lock, hash: res.hash };
}

/** Runs a command under GNU time: wall, CPU and peak RSS of the whole process. */
function timed(command: string, args: string[]): Run & { stdout: string } {
  const t0 = performance.now();
  const res = spawnSync('/usr/bin/time', ['-f', '%U %S %M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (res.status !== 0) throw new Error(`${command} failed (${res.status}): ${res.stderr.slice(-2000)}`);
  const [user, sys, rss] = res.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { ms, cpuMs: (user + sys) * 1000, rssMb: rss / 1024, stdout: res.stdout };
}

function ours(master: string, out: string): Run & { report: CliReport } {
  // The bin itself, as `npx brandlock` or an installed `brandlock` starts it: its hashbang sets glibc's malloc settings.
  const run = timed(CLI, ['variants', master, '--lock', LOCK, '--sku', request.sku, '--colorway', request.colorway, '--view', request.view, '--out', out, '--job', 'bench', '--provider', 'local', '--model', 'none', '--seed', '1', '--qc', 'pass', '--json']);
  return { ...run, report: JSON.parse(run.stdout) as CliReport };
}

/** A 24 MP (4000x6000) studio master: a real cut-out garment on a warm sweep with falloff and sensor noise. */
async function makeMaster(path: string): Promise<void> {
  const W = 4000;
  const H = 6000;
  const garment = await sharp(join(ROOT, 'samples/photos/packshot/payload-tshirt-black-cutout.png')).resize(3000).png().toBuffer();
  const sweep = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><radialGradient id="g" cx="50%" cy="45%" r="75%"><stop offset="0" stop-color="#f6f3ee"/><stop offset="1" stop-color="#d9d4cc"/></radialGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`);
  const noise = await sharp({ create: { width: W, height: H, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 24 } } }).png({ compressionLevel: 0 }).toBuffer();
  const base = await sharp(sweep).composite([{ input: garment, left: 500, top: 1300 }]).png({ compressionLevel: 0 }).toBuffer();
  await sharp(base).composite([{ input: noise, blend: 'soft-light' }]).jpeg({ quality: 92 }).toFile(path);
}

/** One ImageMagick `convert` that decodes the master once and writes every variant from clones. */
function imageMagickArgs(master: string, plans: VariantPlan[], ours: CliReport, outDir: string, icc: string): string[] {
  const args = [master, '-filter', 'Lanczos'];
  for (const p of plans) {
    const { crop, resize, trim, pad, output } = p.crop;
    const spec = p.channel;
    const bg = backgroundRgba(spec.background);
    const used = ours.entries.find((f) => f.channel === spec.id);
    const searched = used?.quality !== null && used?.quality !== undefined && used.quality < spec.quality;
    const format: string[] =
      spec.format === 'jpeg' ? (searched ? ['-define', `jpeg:extent=${spec.maxBytes}`] : ['-quality', String(spec.quality)])
      : spec.format === 'webp' ? ['-quality', String(spec.quality), '-define', 'webp:method=4', ...(searched ? ['-define', `webp:target-size=${spec.maxBytes}`] : [])]
      : spec.format === 'png' ? ['-define', 'png:compression-level=6']
      : ['-compress', 'LZW', '-define', 'tiff:predictor=2'];
    args.push(
      '(', '-clone', '0',
      '-crop', `${crop.width}x${crop.height}+${crop.left}+${crop.top}`, '+repage',
      '-resize', `${resize.width}x${resize.height}!`,
      '-crop', `${trim.width}x${trim.height}+${trim.left}+${trim.top}`, '+repage',
      '-background', `rgb(${bg.r},${bg.g},${bg.b})`, '-gravity', 'NorthWest', '-extent', `${output.width}x${output.height}-${pad.left}-${pad.top}`,
      '-depth', '8', '-profile', icc, ...format,
      '-write', `${spec.format === 'jpeg' ? 'jpg' : spec.format}:${join(outDir, p.fileName)}`, '+delete', ')',
    );
  }
  return [...args, 'null:'];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
  const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' ');
  const dir = await mkdtemp(join(tmpdir(), 'brandlock-bench-variants-'));
  const master = join(dir, 'master-24mp.jpg');
  await makeMaster(master);
  const meta = await sharp(master).metadata();
  console.log(`master: ${meta.width}x${meta.height} JPEG (${((meta.width! * meta.height!) / 1e6).toFixed(1)} MP, ${((await readFile(master)).length / 1e6).toFixed(1)} MB), ${availableParallelism()} cores`);

  // The first run tells ImageMagick which subject box and which searched JPEG/WebP qualities to use.
  const first = ours(master, join(dir, 'ours-first'));
  if (first.report.failures.length) throw new Error(`brandlock failed some variants: ${JSON.stringify(first.report.failures)}`);
  const { lock, hash } = await loadLock();
  const subject = first.report.subject.confidence >= 0.75 ? first.report.subject.box : null;
  const { plans } = planVariants({ lock, lockHash: hash, master: { width: meta.width!, height: meta.height! }, subject, ...request, channels: lock.channels });
  const icc = join(dir, 'srgb.icc');
  await writeFile(icc, (await sharp(join(dir, 'ours-first', first.report.entries[0].file)).metadata()).icc!);
  const imOut = join(dir, 'imagemagick');
  const imArgs = imageMagickArgs(master, plans, first.report, imOut, icc);

  const oursRuns: Run[] = [];
  const imRuns: Run[] = [];
  /** The 1-minute load average before each pair: another process's load slows both sides, ImageMagick's OpenMP threads more. */
  const pairLoad: number[] = [];
  for (let i = 0; i < runs; i++) {
    pairLoad.push(loadavg()[0]);
    const one = async () => {
      const out = join(dir, `ours-${i}`);
      await rm(out, { recursive: true, force: true });
      oursRuns.push(ours(master, out));
    };
    const im = async () => {
      await rm(imOut, { recursive: true, force: true });
      await mkdir(imOut);
      imRuns.push(timed('convert', imArgs));
    };
    if (i % 2) {
      await im();
      await one();
    } else {
      await one();
      await im();
    }
  }

  console.log(`\n${'channel'.padEnd(12)} ${'size'.padEnd(10)} ${'format'.padEnd(6)} ${'brandlock'.padStart(10)} ${'ImageMagick'.padStart(12)}`);
  for (const f of first.report.entries) {
    const theirs = await sharp(join(imOut, f.file)).metadata();
    const same = theirs.width === f.width && theirs.height === f.height && theirs.format === f.format;
    console.log(`${f.channel.padEnd(12)} ${`${f.width}x${f.height}`.padEnd(10)} ${f.format.padEnd(6)} ${`${(f.bytes / 1e3).toFixed(0)} KB`.padStart(10)} ${`${((await readFile(join(imOut, f.file))).length / 1e3).toFixed(0)} KB`.padStart(12)}${same ? '' : `  MISMATCH: ImageMagick wrote ${theirs.width}x${theirs.height} ${theirs.format}`}`);
  }
  const oursMs = median(oursRuns.map((r) => r.ms));
  const imMs = median(imRuns.map((r) => r.ms));
  const oursCpu = median(oursRuns.map((r) => r.cpuMs));
  const imCpu = median(imRuns.map((r) => r.cpuMs));
  const peak = Math.max(...oursRuns.map((r) => r.rssMb));
  console.log(`\nvariants: ${first.report.entries.length} (${(await readdir(join(dir, 'ours-first'))).length} files); medians of ${runs} paired runs, whole processes`);
  console.log(`load average (1, 5, 15 min): ${loadBefore} at the start, ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
  console.log(`brandlock run as its bin: ${(await readFile(CLI, 'utf8')).slice(0, 200).split('\n')[0]} (dist/brandlock.mjs as a command)`);
  console.log(`brandlock variants: wall ${oursMs.toFixed(0)} ms (runs ${oursRuns.map((r) => r.ms.toFixed(0)).join(', ')}), CPU ${oursCpu.toFixed(0)} ms, peak RSS ${peak.toFixed(0)} MB`);
  console.log(`ImageMagick convert: wall ${imMs.toFixed(0)} ms (runs ${imRuns.map((r) => r.ms.toFixed(0)).join(', ')}), CPU ${imCpu.toFixed(0)} ms, peak RSS ${Math.max(...imRuns.map((r) => r.rssMb)).toFixed(0)} MB (one decode, ${lock.channels.length} clones; policy memory limit ${spawnSync('convert', ['-list', 'resource'], { encoding: 'utf8' }).stdout.match(/Memory: (\S+)/)?.[1] ?? '?'})`);
  console.log(`pairs (ImageMagick / brandlock wall, 1-min load before): ${imRuns.map((r, i) => `${(r.ms / oursRuns[i].ms).toFixed(1)}x @${pairLoad[i].toFixed(1)}`).join(', ')}`);
  console.log(`ratio: brandlock is ${(imMs / oursMs).toFixed(1)}x faster in wall time (target >= 10x: ${imMs / oursMs >= 10 ? 'met' : 'NOT met'}), ${(imCpu / oursCpu).toFixed(1)}x in CPU time`);
  console.log(`peak RSS: ${peak.toFixed(0)} MB (target <= 300 MB: ${peak <= 300 ? 'met' : 'NOT met'})`);
  if (process.argv.includes('--keep')) console.log(`outputs kept in ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}

await main();
