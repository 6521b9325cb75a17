/**
 * Benchmark: applying a 33-point .cube LUT to a 24 MP image, brandlock (core applyLut, tetrahedral,
 * one JS thread) against FFmpeg's lut3d=interp=tetrahedral (-threads 1 -filter_threads 1) on the same
 * pixels in the same run. Prints MP/s for both and the ratio, against FFmpeg's whole run and against
 * its filter time alone (its run minus the same run with a null filter). Also checks the outputs agree
 * and reports the 16-bit path.
 *   node scripts/run-ts.mjs scripts/bench/lut.ts [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { applyLut, parseCubeOrThrow, type Raster } from '@brandlock/core';

const WIDTH = 6000;
const HEIGHT = 4000;
const MP = (WIDTH * HEIGHT) / 1e6;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const root = new URL('../../', import.meta.url);
const lutPath = new URL('samples/luts/warm-studio.cube', root).pathname;
const photoPath = new URL('samples/photos/other/payload-tshirts-on-hangers-unsplash.jpg', root).pathname;
const dir = mkdtempSync(join(tmpdir(), 'brandlock-bench-lut-'));

function best(times: number[]): number {
  return Math.min(...times);
}

/** A photo-like 24 MP frame: a real product photo upscaled, plus ±2 codes of sensor-like noise. */
async function photoLike(): Promise<Uint8Array> {
  const rgba = new Uint8Array(await sharp(photoPath).resize(WIDTH, HEIGHT, { fit: 'fill', kernel: 'lanczos3' }).ensureAlpha().raw().toBuffer());
  let s = 12345;
  for (let i = 0; i < rgba.length; i++) {
    if ((i & 3) === 3) continue;
    s = (s * 1103515245 + 12345) >>> 0;
    const v = rgba[i] + ((s >>> 16) % 5) - 2;
    rgba[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return rgba;
}

function distinctColours(rgba: Uint8Array): number {
  const seen = new Uint8Array(1 << 24);
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const k = rgba[i] | (rgba[i + 1] << 8) | (rgba[i + 2] << 16);
    if (!seen[k]) {
      seen[k] = 1;
      n++;
    }
  }
  return n;
}

function ffmpegSeconds(input: string, pixFmt: string, filter: string, output: string): number {
  const args = ['-v', 'error', '-y', '-threads', '1', '-filter_threads', '1', '-f', 'rawvideo', '-pix_fmt', pixFmt, '-s', `${WIDTH}x${HEIGHT}`, '-i', input, '-vf', filter, '-f', 'rawvideo', '-pix_fmt', pixFmt, output];
  const started = performance.now();
  const res = spawnSync('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (res.status !== 0) throw new Error(`ffmpeg failed: ${res.stderr}`);
  return (performance.now() - started) / 1000;
}

function oursSeconds(source: Uint8Array | Uint16Array, depth: 8 | 16, colourMemo: 'auto' | 'never'): { seconds: number; out: Raster } {
  const lut = parseCubeOrThrow(readFileSync(lutPath, 'utf8'), lutPath);
  const raster: Raster = { width: WIDTH, height: HEIGHT, depth, data: source.slice() };
  const started = performance.now();
  applyLut(raster, lut, { interpolation: 'tetrahedral', colourMemo });
  return { seconds: (performance.now() - started) / 1000, out: raster };
}

function rgbOf(rgba: Uint8Array | Uint16Array): Uint8Array | Uint16Array {
  const out = rgba instanceof Uint16Array ? new Uint16Array((rgba.length / 4) * 3) : new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    out[j] = rgba[i];
    out[j + 1] = rgba[i + 1];
    out[j + 2] = rgba[i + 2];
  }
  return out;
}

function maxDiff(rgba: Raster['data'], rgb: Uint8Array | Uint16Array): number {
  let worst = 0;
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(rgba[i + c] - rgb[j + c]));
  return worst;
}

function line(label: string, seconds: number): string {
  return `  ${label.padEnd(44)} ${(seconds * 1000).toFixed(0).padStart(6)} ms  ${(MP / seconds).toFixed(1).padStart(6)} MP/s`;
}

try {
  if (spawnSync('ffmpeg', ['-version']).status !== 0) throw new Error('ffmpeg is not installed (apt-get install ffmpeg)');
  const version = spawnSync('ffmpeg', ['-version']).stdout.toString().split('\n')[0];
  console.log(`LUT apply benchmark: ${WIDTH}x${HEIGHT} (${MP} MP), 33-point LUT ${lutPath.split('/').pop()}, best of ${RUNS}, single thread`);
  console.log(`reference: ${version}`);

  const rgba = await photoLike();
  console.log(`image: ${photoPath.split('/').pop()} upscaled to 24 MP plus ±2 codes of noise, ${distinctColours(rgba)} distinct colours\n`);
  const rawIn = join(dir, 'in.rgb');
  const rawOut = join(dir, 'out.rgb');
  writeFileSync(rawIn, rgbOf(rgba));

  const filter = `lut3d=file=${lutPath}:interp=tetrahedral`;
  const ffLut = best(Array.from({ length: RUNS }, () => ffmpegSeconds(rawIn, 'rgb24', filter, rawOut)));
  const ffNull = best(Array.from({ length: RUNS }, () => ffmpegSeconds(rawIn, 'rgb24', 'null', join(dir, 'null.rgb'))));
  const ffFilter = Math.max(1e-3, ffLut - ffNull);
  const ffOut = new Uint8Array(readFileSync(rawOut));
  const first = oursSeconds(rgba, 8, 'auto');
  const diff8 = maxDiff(first.out.data, ffOut);
  const oursBest = best([first.seconds, ...Array.from({ length: RUNS - 1 }, () => oursSeconds(rgba, 8, 'auto').seconds)]);
  const direct = best(Array.from({ length: RUNS }, () => oursSeconds(rgba, 8, 'never').seconds));

  console.log('8-bit:');
  console.log(line('ffmpeg lut3d tetrahedral, whole run', ffLut));
  console.log(line('ffmpeg same run with -vf null (I/O only)', ffNull));
  console.log(line('ffmpeg lut3d filter alone (difference)', ffFilter));
  console.log(line('brandlock applyLut (default, colour memo)', oursBest));
  console.log(line('brandlock applyLut (memo off: plain kernel)', direct));
  console.log(`  ratio vs ffmpeg whole run:   ${(ffLut / oursBest).toFixed(2)}x`);
  console.log(`  ratio vs ffmpeg filter time: ${(ffFilter / oursBest).toFixed(2)}x   (plain kernel: ${(ffFilter / direct).toFixed(2)}x)`);
  console.log(`  max difference from ffmpeg's output: ${diff8} code${diff8 === 1 ? '' : 's'} (ffmpeg truncates, brandlock rounds)`);
  console.log(`  extra memory: colour table 64 MB, applied in place on the ${(rgba.length / 1048576).toFixed(0)} MB image buffer\n`);

  const noise = new Uint8Array(rgba.length);
  for (let i = 0; i < noise.length; i += 65536) crypto.getRandomValues(noise.subarray(i, i + 65536));
  writeFileSync(rawIn, rgbOf(noise));
  const ffNoise = best(Array.from({ length: RUNS }, () => ffmpegSeconds(rawIn, 'rgb24', filter, rawOut)));
  const ffNoiseFilter = Math.max(1e-3, ffNoise - best(Array.from({ length: RUNS }, () => ffmpegSeconds(rawIn, 'rgb24', 'null', join(dir, 'null.rgb')))));
  const worstCase = best(Array.from({ length: RUNS }, () => oursSeconds(noise, 8, 'auto').seconds));
  const worstDirect = best(Array.from({ length: RUNS }, () => oursSeconds(noise, 8, 'never').seconds));
  console.log('8-bit worst case (uniform random noise: almost every pixel a new colour), both tools on the noise:');
  console.log(line('ffmpeg lut3d filter alone (difference)', ffNoiseFilter));
  console.log(line('brandlock applyLut (default, memo gives way)', worstCase));
  console.log(line('brandlock applyLut (memo off: plain kernel)', worstDirect));
  console.log(`  ratio vs ffmpeg filter time: ${(ffNoiseFilter / worstCase).toFixed(2)}x\n`);

  const rgba16 = Uint16Array.from(rgba, (v, i) => ((i & 3) === 3 ? 65535 : v * 257 + ((i * 7919) % 257)));
  const raw16 = join(dir, 'in.rgb48');
  writeFileSync(raw16, rgbOf(rgba16));
  const ff16 = best(Array.from({ length: RUNS }, () => ffmpegSeconds(raw16, 'rgb48le', filter, rawOut)));
  const ff16Null = best(Array.from({ length: RUNS }, () => ffmpegSeconds(raw16, 'rgb48le', 'null', join(dir, 'null.rgb'))));
  const ff16Out = new Uint16Array(readFileSync(rawOut).buffer.slice(0));
  const first16 = oursSeconds(rgba16, 16, 'auto');
  const diff16 = maxDiff(first16.out.data, ff16Out);
  const ours16Best = best([first16.seconds, ...Array.from({ length: RUNS - 1 }, () => oursSeconds(rgba16, 16, 'auto').seconds)]);
  console.log('16-bit:');
  console.log(line('ffmpeg lut3d tetrahedral, whole run', ff16));
  console.log(line('ffmpeg lut3d filter alone (difference)', Math.max(1e-3, ff16 - ff16Null)));
  console.log(line('brandlock applyLut', ours16Best));
  console.log(`  ratio vs ffmpeg filter time: ${(Math.max(1e-3, ff16 - ff16Null) / ours16Best).toFixed(2)}x`);
  console.log(`  max difference from ffmpeg's output: ${diff16} code${diff16 === 1 ? '' : 's'} of 65535`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
