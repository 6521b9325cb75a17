/**
 * Benchmark: product video on a 1080p clip (1080x1920, 9:16, 5 s at 24 fps: the offline loop of a
 * sample photo). Frame-level QC (FFmpeg decoding with one thread, piped into the analysis on one JS
 * thread) in seconds of CPU and of wall clock per second of clip, against FFmpeg's own per-frame
 * analysis filters (signalstats + freezedetect, -threads 1) on the same file; and the four sample
 * video channel cuts made by brandlock (probe, XMP, poster frame, spec check, publish included)
 * against the same FFmpeg encode commands run directly. Frame QC runs once cold (printed on its
 * own), then --runs times for the figures.
 *   node scripts/run-ts.mjs scripts/bench/video.ts [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { buildQcContext, loadBrandLock, planVideoCuts, type BrandLock } from '@brandlock/core';
import { qcVideoFile } from '../../server/src/pipeline/video/qc-video-file';
import { renderOfflineLoop } from '../../server/src/pipeline/video/render-offline-loop';
import { renderVideoCut } from '../../server/src/pipeline/video/render-video-cut';
import { videoToolsFromEnv } from '../../server/src/pipeline/video/video-tools';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const root = new URL('../../', import.meta.url);
const tools = videoToolsFromEnv(process.env);
const dir = mkdtempSync(join(tmpdir(), 'brandlock-bench-video-'));

/** CPU seconds of this process and of its finished children (ffmpeg), from /proc/self/stat. */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const ticks = 100; // USER_HZ on Linux
  return (own.user + own.system) / 1e6 + (Number(fields[13]) + Number(fields[14])) / ticks;
}

async function timed<T>(run: () => Promise<T>): Promise<{ wall: number; cpu: number; value: T }> {
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  const value = await run();
  return { wall: (performance.now() - t0) / 1000, cpu: cpuSeconds() - cpu0, value };
}

function ffmpeg(args: string[]): { wall: number; cpu: number } {
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  const res = spawnSync(tools.ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (res.status !== 0) throw new Error(`ffmpeg failed: ${res.stderr}`);
  return { wall: (performance.now() - t0) / 1000, cpu: cpuSeconds() - cpu0 };
}

const best = <T extends { wall: number }>(xs: T[]) => xs.reduce((a, b) => (b.wall < a.wall ? b : a));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const f = (s: number) => `${s.toFixed(2)} s`;

async function main(): Promise<void> {
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const doc = JSON.parse(readFileSync(new URL('samples/brand-lock.json', root), 'utf8'));
  const res = loadBrandLock(doc);
  if (!res.success) throw new Error('sample lock does not load');
  const lock: BrandLock = res.lock;
  const photo = new URL('samples/photos/packshot/solidus-zip-hoodie-grey-white-bg.jpg', root).pathname;
  const still = await sharp(photo).resize(1080, 1080).extend({ top: 420, bottom: 420, background: '#ffffff' }).jpeg({ quality: 92 }).toBuffer();
  const made = await renderOfflineLoop({ still: new Uint8Array(still), camera: { path: 'push-in', amount: 0.08 }, durationSeconds: 5, loop: true, subject: null, tools });
  const clip = join(dir, 'clip.mp4');
  writeFileSync(clip, made.bytes);
  console.log(`machine load average at the start: ${load}`);
  console.log(`clip: ${made.width}x${made.height}, 5.00 s at ${made.fps} fps, ${made.frames} frames, ${(made.bytes.length / 1e6).toFixed(1)} MB (the offline loop of samples/photos/packshot/solidus-zip-hoodie-grey-white-bg.jpg)`);

  const jersey = lock.categories.find((c) => c.id === 'jersey')!;
  const ctx = buildQcContext(lock, { category: jersey, channel: null, swatch: null, file: { format: 'mp4', width: 0, height: 0, space: 'srgb', bitsPerSample: 8, hasAlpha: false, iccDescription: null, bytes: 0 } });
  const cuts = lock.videoChannels.map((c) => ({ id: c.id, width: c.width, height: c.height }));
  const runQc = () => timed(() => qcVideoFile({ tools, path: clip, still: ctx, thresholds: jersey.video!.qc, brief: { durationSeconds: 5, loop: true }, cuts, offline: null }));
  // The first run in a process also pays for JIT compilation and for collecting what the clip's
  // rendering left on the heap; a server worker runs QC warm, a one-off `produce` cold. The cold run
  // is printed on its own, and the figures are over the runs after it.
  const cold = await runQc();
  const qcRuns = [];
  for (let i = 0; i < RUNS; i++) qcRuns.push(await runQc());
  const qc = best(qcRuns);
  const refRuns = Array.from({ length: RUNS }, () => ffmpeg(['-v', 'error', '-nostdin', '-threads', '1', '-filter_threads', '1', '-i', clip, '-vf', 'signalstats,freezedetect', '-f', 'null', '-']));
  const decodeRuns = Array.from({ length: RUNS }, () => ffmpeg(['-v', 'error', '-nostdin', '-threads', '1', '-i', clip, '-f', 'null', '-']));
  const ref = best(refRuns);
  const perSecondCpu = median(qcRuns.map((r) => r.cpu)) / 5;
  console.log(`QC verdict ${qc.value.verdict}, ${qc.value.facts.frames} frames analysed at ${qc.value.track.length ? 'about 40,000 pixels' : '?'} each`);
  console.log(`frame QC, first run in the process (cold; not in the figures below): ${f(cold.cpu)} CPU (${(cold.cpu / 5).toFixed(2)} s per second of clip), ${f(cold.wall)} wall`);
  console.log(`frame QC: best ${f(qc.wall)} wall, median ${f(median(qcRuns.map((r) => r.wall)))}; CPU median ${f(median(qcRuns.map((r) => r.cpu)))} (JS analysis + FFmpeg decode)`);
  console.log(`frame QC per second of 1080p clip: ${perSecondCpu.toFixed(2)} s CPU (${perSecondCpu < 1 ? 'faster' : 'slower'} than real time on one core), ${(median(qcRuns.map((r) => r.wall)) / 5).toFixed(2)} s wall`);
  console.log(`reference: ffmpeg signalstats+freezedetect -threads 1: best ${f(ref.wall)} (${f(ref.cpu)} CPU); decode alone ${f(best(decodeRuns).wall)}; brandlock QC / reference = ${(qc.wall / ref.wall).toFixed(2)}x wall, ${(median(qcRuns.map((r) => r.cpu)) / median(refRuns.map((r) => r.cpu))).toFixed(2)}x CPU`);

  const planned = planVideoCuts({
    lock, lockHash: res.hash, backdrop: '#ffffff', master: { width: made.width, height: made.height, fps: made.fps, durationSeconds: 5 },
    track: qc.value.track, loop: true, sku: 'NF-JR-3005', colorway: 'Heather grey', view: 'front', category: 'jersey', channels: lock.videoChannels,
    provenance: { digitalSourceType: 'digitalCapture', provider: 'local' },
  });
  const ours: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = join(dir, `run-${i}`);
    const commands: string[][] = [];
    const t = await timed(async () => {
      for (const plan of planned.plans) {
        mkdirSync(join(out, plan.channel.id), { recursive: true });
        commands.push(...(await renderVideoCut(tools, clip, plan, { out: join(out, plan.channel.id), tmp: out })).commands);
      }
    });
    ours.push(t.wall);
    let sum = 0;
    for (const args of commands) sum += ffmpeg(args).wall;
    direct.push(sum);
    if (i === 0) console.log(`  ${commands.length} encodes for ${planned.plans.length} channels (a cut re-encodes when a byte cap or minimum bitrate needs it)`);
  }
  console.log(`channel cuts (${planned.plans.map((p) => `${p.channel.id} ${p.channel.width}x${p.channel.height}`).join(', ')}):`);
  console.log(`  brandlock ${f(median(ours))} median (best ${f(Math.min(...ours))}); the same ffmpeg commands run directly ${f(median(direct))} median (best ${f(Math.min(...direct))}); ratio ${(median(ours) / median(direct)).toFixed(2)}x`);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
