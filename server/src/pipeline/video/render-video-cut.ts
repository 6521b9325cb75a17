/**
 * Renders one planned video cut with FFmpeg: crop around the garment's track, Lanczos scale, trim and
 * pad to the channel's exact size, the planned frame rate and length (a loop played again where the
 * channel needs more), H.264 at the channel's CRF under its peak bitrate, silent, faststart. A file
 * over the channel's byte cap is encoded again at the average bitrate that fits; one under its
 * minimum bitrate (TikTok's 516 kbps) at that bitrate. The XMP provenance goes into a `uuid` box,
 * the result is probed and checked against the spec, and published under its planned name (never
 * overwriting) with a poster frame: the cut's first frame as a JPEG with the same XMP.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { backgroundRgba, withMp4Xmp, type VideoCutPlan, type VideoFacts } from '@brandlock/core';
import { publishFile } from '../variants/publish-file';
import { VariantError } from '../variants/variant-error';
import { probeVideo } from './probe-video';
import { posterFrame } from './poster-frame';
import { runTool } from './run-tool';
import type { VideoTools } from './video-tools';

export interface RenderedCut {
  channel: string;
  file: { name: string; path: string; sha256: string; bytes: number; facts: VideoFacts };
  poster: { name: string; path: string; sha256: string; bytes: number; width: number; height: number };
  /** How the encode was settled (CRF, or the bitrate a cap forced) and what the crop compromised on. */
  notes: string[];
  /** The FFmpeg encode commands it ran, in order (the benchmark runs the same ones directly). */
  commands: string[][];
}

/** The FFmpeg filter chain that turns master frames into the channel's frames. */
export function cutFilter(plan: VideoCutPlan): string {
  const { crop, resize, trim, pad, output } = plan.crop;
  const { r, g, b } = backgroundRgba(plan.background);
  const color = `0x${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  return [
    `crop=${crop.width}:${crop.height}:${crop.left}:${crop.top}`,
    `scale=${resize.width}:${resize.height}:flags=lanczos`,
    `crop=${trim.width}:${trim.height}:${trim.left}:${trim.top}`,
    `pad=${output.width}:${output.height}:${pad.left}:${pad.top}:color=${color}`,
    'setsar=1',
    `fps=${plan.fps}`,
    'format=yuv420p',
  ].join(',');
}

/** The FFmpeg arguments of one encode attempt. */
export function cutArgs(masterPath: string, plan: VideoCutPlan, out: string, rate: { crf: number } | { kbps: number }): string[] {
  const s = plan.channel;
  const peak = 'kbps' in rate ? Math.min(s.maxBitrateKbps, Math.max(rate.kbps, 1)) : s.maxBitrateKbps;
  return [
    '-v', 'error', '-nostdin', '-y',
    ...(plan.plays > 1 ? ['-stream_loop', String(plan.plays - 1)] : []),
    '-i', masterPath, '-map', '0:v:0', '-an', '-sn', '-dn',
    '-vf', cutFilter(plan), '-t', plan.durationSeconds.toFixed(3),
    '-c:v', 'libx264', '-profile:v', s.profile, '-preset', 'medium', '-pix_fmt', 'yuv420p',
    ...('crf' in rate ? ['-crf', String(rate.crf)] : ['-b:v', `${Math.round(rate.kbps)}k`]),
    '-maxrate', `${Math.round(peak)}k`, '-bufsize', `${Math.round(peak * 2)}k`,
    '-movflags', '+faststart', '-map_metadata', '-1', '-metadata', `comment=brandlock ${s.id}`,
    out,
  ];
}

export async function renderVideoCut(tools: VideoTools, masterPath: string, plan: VideoCutPlan, dirs: { out: string; tmp: string }, signal?: AbortSignal): Promise<RenderedCut> {
  const s = plan.channel;
  const tmp = join(dirs.tmp, `${s.id}.mp4`);
  const notes = [...plan.notes];
  let facts: VideoFacts | null = null;
  let rate: { crf: number } | { kbps: number } = { crf: s.crf };
  const commands: string[][] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    commands.push(cutArgs(masterPath, plan, tmp, rate));
    await runTool('ffmpeg', tools.ffmpeg, commands[commands.length - 1], { signal });
    facts = await probeVideo(tools, tmp, signal);
    const kbps = (facts.bytes * 8) / 1000 / Math.max(facts.durationSeconds, 0.001);
    if (facts.bytes > s.maxBytes) rate = { kbps: Math.floor((s.maxBytes * 8 * 0.9) / 1000 / plan.durationSeconds) };
    else if (kbps < s.minBitrateKbps) rate = { kbps: Math.ceil(s.minBitrateKbps * 1.25) };
    else break;
    notes.push(`re-encoded at ${rate.kbps} kbps: ${facts.bytes > s.maxBytes ? `${facts.bytes} bytes is over the channel's ${s.maxBytes}` : `${Math.round(kbps)} kbps is under the channel's ${s.minBitrateKbps}`}`);
  }
  if (!facts) throw new VariantError('encode', `${s.id}: nothing was encoded`);
  notes.unshift('crf' in rate ? `H.264 ${s.profile}, CRF ${rate.crf} under ${s.maxBitrateKbps} kbps` : `H.264 ${s.profile}, ${rate.kbps} kbps average`);
  const problems = checkCut(facts, plan);
  if (problems.length) throw new VariantError(facts.bytes > s.maxBytes ? 'max_bytes' : 'encode', `${s.id}: the cut does not meet the channel spec: ${problems.join('; ')}`);
  const bytes = withMp4Xmp(new Uint8Array(await readFile(tmp)), plan.xmp);
  const path = await publishFile(dirs.out, plan.fileName, bytes);
  const { jpeg } = await posterFrame(tools, tmp, { quality: s.poster.quality, xmp: plan.xmp, signal });
  const posterPath = await publishFile(dirs.out, plan.posterName, jpeg);
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  return {
    channel: s.id,
    file: { name: plan.fileName, path, sha256: sha(bytes), bytes: bytes.byteLength, facts: { ...facts, bytes: bytes.byteLength } },
    poster: { name: plan.posterName, path: posterPath, sha256: sha(jpeg), bytes: jpeg.byteLength, width: plan.crop.output.width, height: plan.crop.output.height },
    notes,
    commands,
  };
}

/** What a cut must be, checked on the encoded file (not on what was asked for). */
export function checkCut(f: VideoFacts, plan: VideoCutPlan): string[] {
  const s = plan.channel;
  const out: string[] = [];
  const kbps = (f.bytes * 8) / 1000 / Math.max(f.durationSeconds, 0.001);
  if (f.width !== s.width || f.height !== s.height) out.push(`${f.width}x${f.height}, expected ${s.width}x${s.height}`);
  if (f.codec !== s.codec) out.push(`codec ${f.codec}, expected ${s.codec}`);
  if (f.fps < s.minFps - 0.01 || f.fps > s.maxFps + 0.01) out.push(`${f.fps.toFixed(3)} fps, expected ${s.minFps}-${s.maxFps}`);
  if (f.durationSeconds < s.minSeconds - 0.05 || f.durationSeconds > s.maxSeconds + 0.05) out.push(`${f.durationSeconds.toFixed(2)} s, expected ${s.minSeconds}-${s.maxSeconds} s`);
  if (f.bytes > s.maxBytes) out.push(`${f.bytes} bytes, over ${s.maxBytes}`);
  if (kbps < s.minBitrateKbps) out.push(`${Math.round(kbps)} kbps average, under ${s.minBitrateKbps}`);
  if (f.hasAudio) out.push('has an audio track, expected silence');
  return out;
}
