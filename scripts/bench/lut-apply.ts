/**
 * Benchmark: `brandlock lut apply` as a user runs it (a whole process: Node start-up, module load,
 * decode, grade, encode, metadata, write), against the FFmpeg command a user would run instead, on the
 * same files in the same run, as paired runs in alternating order; medians and peak RSS of each whole
 * process (GNU time). Cases:
 *  - one 24 MP JPEG (q92 in, q92 4:4:4 out; FFmpeg -q:v 2, also 4:4:4), one uncompressed 24 MP TIFF
 *    (written uncompressed by both), one 16-bit 24 MP PNG (16-bit out, zlib level 6, no filter, both);
 *  - a folder of 50 different 24 MP JPEGs: `lut apply <lut> <folder> --out <dir>` against a shell loop
 *    of FFmpeg, one file after another, and against GNU parallel running two FFmpeg at once.
 * The images are photo-like (sample photos upscaled to 24 MP with sensor-like noise, so a q92 JPEG is
 * the size a camera writes); they are made once and kept in node_modules/.cache/brandlock-bench.
 *   npm run build && node scripts/run-ts.mjs scripts/bench/lut-apply.ts [--runs 5] [--folder-runs 3] [--files 50]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 5);
const FOLDER_RUNS = arg('folder-runs', 3);
const FILES = arg('files', 50);
const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'dist/brandlock.mjs');
const lut = join(root, 'samples/luts/warm-studio.cube');
const cache = join(root, 'node_modules/.cache/brandlock-bench/lut-apply-v1');
const work = join(cache, 'out');
const PHOTOS = ['other/payload-tshirts-on-hangers-unsplash.jpg', 'packshot/solidus-hoodie-blue-white-bg.jpg', 'flatlay/cd-tshirt-print-patterned-sheet.jpg', 'packshot/solidus-zip-hoodie-grey-white-bg.jpg', 'flatlay/solidus-tee-blue-white-bg.jpg'];
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const step = (what: string) => process.stderr.write(`[lut-apply bench] ${what}\n`);

/** A 6000x4000 photo-like RGB frame: a sample photo upscaled, shifted per index, with ±6 codes of noise. */
async function frame(index: number): Promise<{ data: Uint8Array; width: number; height: number }> {
  const width = 6000;
  const height = 4000;
  const photo = join(root, 'samples/photos', PHOTOS[index % PHOTOS.length]);
  const data = new Uint8Array(await sharp(photo).resize(width, height, { fit: 'cover', position: ['centre', 'top', 'bottom', 'left', 'right'][Math.floor(index / PHOTOS.length) % 5] as 'centre' }).removeAlpha().raw().toBuffer());
  let s = 12345 + index * 7919;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const v = data[i] + ((s >>> 16) % 13) - 6;
    data[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return { data, width, height };
}

async function makeInputs(): Promise<void> {
  mkdirSync(join(cache, 'folder'), { recursive: true });
  const raw = (f: { data: Uint8Array; width: number; height: number }) => sharp(f.data, { raw: { width: f.width, height: f.height, channels: 3 } });
  if (!existsSync(join(cache, 'single.jpg'))) {
    step('making the 24 MP test images (once)');
    const f = await frame(0);
    await raw(f).withIccProfile('srgb').jpeg({ quality: 92 }).toFile(join(cache, 'single.jpg'));
    await raw(f).withIccProfile('srgb').tiff({ compression: 'none' }).toFile(join(cache, 'single.tif'));
    const sixteen = Uint16Array.from(f.data, (v, i) => v * 257 + ((i * 7919) % 257));
    await sharp(sixteen, { raw: { width: f.width, height: f.height, channels: 3 } }).toColourspace('rgb16').withIccProfile('srgb').png({ compressionLevel: 6 }).toFile(join(cache, 'single-16bit.png'));
  }
  for (let i = 0; i < FILES; i++) {
    const file = join(cache, 'folder', `shot-${String(i + 1).padStart(3, '0')}.jpg`);
    if (existsSync(file)) continue;
    if (i % 10 === 0) step(`making folder image ${i + 1} of ${FILES} (once)`);
    await raw(await frame(i + 1)).withIccProfile('srgb').jpeg({ quality: 92 }).toFile(file);
  }
}

interface Timed {
  seconds: number;
  peakMb: number;
}

/** Runs a command under GNU time: wall seconds and the largest peak RSS among its processes. */
function timed(command: string, args: string[]): Timed {
  const started = performance.now();
  const res = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${res.status}): ${res.stderr.slice(-2000)}`);
  const kb = Number(res.stderr.trim().split('\n').pop());
  return { seconds, peakMb: kb / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Case {
  label: string;
  ours: () => Timed;
  theirs: { label: string; run: () => Timed }[];
  output?: () => number;
}

/** Paired runs: each repetition runs every command once, in an order that rotates between repetitions. */
function measure(c: Case, runs: number): { label: string; times: Map<string, Timed[]> } {
  const commands = [{ label: 'brandlock', run: c.ours }, ...c.theirs];
  const times = new Map(commands.map((x) => [x.label, [] as Timed[]]));
  for (let r = 0; r < runs; r++) {
    const order = r % 2 ? [...commands].reverse() : commands;
    for (const x of order) times.get(x.label)!.push(x.run());
  }
  return { label: c.label, times };
}

function report(result: { label: string; times: Map<string, Timed[]> }, outputs: Record<string, number>): void {
  const ours = result.times.get('brandlock')!;
  const oursMedian = median(ours.map((t) => t.seconds));
  console.log(`\n${result.label} (medians of ${ours.length} paired runs)`);
  for (const [label, ts] of result.times) {
    const m = median(ts.map((t) => t.seconds));
    const peak = Math.max(...ts.map((t) => t.peakMb));
    const ratio = label === 'brandlock' ? '' : `  brandlock is ${(m / oursMedian).toFixed(2)}x faster`;
    console.log(`  ${label.padEnd(34)} ${m.toFixed(2).padStart(7)} s  (runs ${ts.map((t) => t.seconds.toFixed(2)).join(', ')})  peak ${peak.toFixed(0)} MB${outputs[label] ? `  output ${(outputs[label] / 1e6).toFixed(1)} MB` : ''}${ratio}`);
  }
}

const ffLut = `lut3d=file=${lut}:interp=tetrahedral`;
const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);
const folderSize = (dir: string) => (existsSync(dir) ? readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) : 0);

try {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" first`);
  if (spawnSync('ffmpeg', ['-version']).status !== 0) throw new Error('ffmpeg is not installed (apt-get install ffmpeg)');
  const hasParallel = spawnSync('parallel', ['--version']).status === 0;
  await makeInputs();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const startLoad = load();
  const version = execFileSync('ffmpeg', ['-version'], { encoding: 'utf8' }).split('\n')[0];
  const input = (name: string) => join(cache, name);
  const out = (name: string) => join(work, name);
  const results: { label: string; times: Map<string, Timed[]> }[] = [];
  const outputs: Record<string, Record<string, number>> = {};

  const singles: [string, string, string, string[]][] = [
    ['one 24 MP JPEG (q92 in; q92 4:4:4 out / FFmpeg -q:v 2)', 'single.jpg', 'jpg', ['-q:v', '2']],
    ['one 24 MP uncompressed 8-bit TIFF (uncompressed out)', 'single.tif', 'tif', ['-pix_fmt', 'rgb24', '-compression_algo', 'raw']],
    ['one 24 MP 16-bit PNG (16-bit out, zlib level 6, no filter)', 'single-16bit.png', 'png', ['-pix_fmt', 'rgb48be', '-compression_level', '6', '-pred', 'none']],
  ];
  for (const [label, file, ext, ffArgs] of singles) {
    step(label);
    const ours = out(`ours.${ext}`);
    const theirs = out(`ffmpeg.${ext}`);
    results.push(
      measure({ label, ours: () => timed(process.execPath, [cli, 'lut', 'apply', lut, input(file), ours]), theirs: [{ label: 'ffmpeg lut3d tetrahedral', run: () => timed('ffmpeg', ['-v', 'error', '-y', '-i', input(file), '-vf', ffLut, ...ffArgs, theirs]) }] }, RUNS),
    );
    outputs[label] = { brandlock: sizeOf(ours), 'ffmpeg lut3d tetrahedral': sizeOf(theirs) };
  }

  // --folder-runs 0 times the single files only.
  if (FOLDER_RUNS > 0) {
    const folder = join(cache, 'folder');
    const files = readdirSync(folder).filter((f) => f.endsWith('.jpg')).sort().slice(0, FILES);
    const folderLabel = `a folder of ${files.length} different 24 MP JPEGs (q92)`;
    step(folderLabel);
    const oursDir = out('folder-ours');
    const loopDir = out('folder-loop');
    const parDir = out('folder-parallel');
    for (const d of [loopDir, parDir]) mkdirSync(d, { recursive: true });
    const theirs = [
      { label: 'shell loop of ffmpeg, one by one', run: () => timed('bash', ['-c', `for f in "$0"/*.jpg; do ffmpeg -v error -y -i "$f" -vf "$1" -q:v 2 "$2/$(basename "$f")" || exit 1; done`, folder, ffLut, loopDir]) },
      ...(hasParallel ? [{ label: 'GNU parallel -j2 ffmpeg', run: () => timed('parallel', ['-j2', '--halt', 'now,fail=1', 'ffmpeg', '-v', 'error', '-y', '-i', '{}', '-vf', ffLut, '-q:v', '2', `${parDir}/{/}`, ':::', ...files.map((f) => join(folder, f))]) }] : []),
    ];
    results.push(measure({ label: folderLabel, ours: () => (rmSync(oursDir, { recursive: true, force: true }), timed(process.execPath, [cli, 'lut', 'apply', lut, folder, '--out', oursDir])), theirs }, FOLDER_RUNS));
    outputs[folderLabel] = { brandlock: folderSize(oursDir), 'shell loop of ffmpeg, one by one': folderSize(loopDir), 'GNU parallel -j2 ffmpeg': folderSize(parDir) };
  }

  console.log(`lut apply, whole processes: brandlock (node ${process.version}, dist/brandlock.mjs) against ${version}; 33-point LUT ${lut.split('/').pop()}`);
  console.log(`load average (1, 5, 15 min): ${startLoad} at the start, ${load()} at the end; peak = the largest resident set of any one process (GNU time)`);
  for (const r of results) report(r, outputs[r.label]);
  if (!hasParallel) console.log('\n(GNU parallel is not installed: the parallel FFmpeg comparison was skipped)');
} finally {
  rmSync(work, { recursive: true, force: true });
}
