/**
 * Frame-level QC of a video file: ffprobe for its facts, FFmpeg to decode every frame at the
 * analysis size (streamed, one core), core's clip analyser and rules for the verdict, plus a
 * filmstrip of evenly spaced frames (a JPEG) for the report and the garment's track (its box in
 * master pixels, frame by frame) for the channel cuts.
 */
import sharp from 'sharp';
import { createClipAnalyser, runVideoQc, videoAnalysisSize, type Box, type ClipAnalysis, type VideoFacts, type VideoQcContext, type VideoQcResult } from '@brandlock/core';
import { decodeFrames } from './decode-frames';
import { probeVideo } from './probe-video';
import type { VideoTools } from './video-tools';

export interface VideoQcInput extends Omit<VideoQcContext, 'facts'> {
  tools: VideoTools;
  path: string;
  signal?: AbortSignal;
  /** Frames in the filmstrip (0: none). Default 8. */
  filmstripFrames?: number;
}

export interface Filmstrip {
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** The frames shown, left to right, with their times. */
  frames: { index: number; time: number }[];
}

export interface VideoQcFileResult extends VideoQcResult {
  facts: VideoFacts;
  /** The garment's box in master pixels per frame (null where none was found). */
  track: (Box | null)[];
  filmstrip: Filmstrip | null;
  /** Milliseconds: probing and decoding, analysing (overlapped with decoding), in total. */
  ms: number;
}

/**
 * @example const qc = await qcVideoFile({ tools, path, still, thresholds, brief, cuts, offline: null });
 */
export async function qcVideoFile(input: VideoQcInput): Promise<VideoQcFileResult> {
  const started = performance.now();
  const facts = await probeVideo(input.tools, input.path, input.signal);
  const size = videoAnalysisSize(facts.width, facts.height);
  const analyser = createClipAnalyser({ fps: facts.fps || 24, swatch: input.still.swatch?.lab ?? null, matte: undefined });
  const wanted = input.filmstripFrames ?? 8;
  const picks = new Set(Array.from({ length: wanted }, (_, i) => Math.round(((facts.frames - 1) * i) / Math.max(1, wanted - 1))));
  const strip: { index: number; data: Uint8Array }[] = [];
  const decoded = await decodeFrames(input.tools, input.path, { ...size, signal: input.signal }, (raster, index) => {
    analyser.add(raster);
    if (picks.has(index)) strip.push({ index, data: raster.data as Uint8Array });
  });
  const clip = analyser.finish();
  const ctx: VideoQcContext = { still: input.still, thresholds: input.thresholds, brief: input.brief, cuts: input.cuts, facts: { ...facts, frames: decoded }, offline: input.offline };
  const result = runVideoQc(clip, ctx);
  const filmstrip = strip.length ? await renderFilmstrip(strip, size, clip) : null;
  return { ...result, facts: ctx.facts, track: trackOf(clip, facts), filmstrip, ms: Math.round(performance.now() - started) };
}

function trackOf(clip: ClipAnalysis, facts: VideoFacts): (Box | null)[] {
  const kx = facts.width / clip.width;
  const ky = facts.height / clip.height;
  return clip.frames.map((f) => (f.box ? { x: f.box.x * kx, y: f.box.y * ky, width: f.box.width * kx, height: f.box.height * ky } : null));
}

/** The picked frames side by side at the analysis height (at most 240 px high), as a JPEG. */
async function renderFilmstrip(strip: { index: number; data: Uint8Array }[], size: { width: number; height: number }, clip: ClipAnalysis): Promise<Filmstrip> {
  const scale = Math.min(1, 240 / size.height);
  const w = Math.max(1, Math.round(size.width * scale));
  const h = Math.max(1, Math.round(size.height * scale));
  const tiles = await Promise.all(strip.map((s) => sharp(s.data, { raw: { width: size.width, height: size.height, channels: 4 } }).resize(w, h).removeAlpha().png().toBuffer()));
  const jpeg = await sharp({ create: { width: w * strip.length, height: h, channels: 3, background: '#ffffff' } })
    .composite(tiles.map((input, i) => ({ input, left: i * w, top: 0 })))
    .jpeg({ quality: 80 })
    .toBuffer();
  return { jpeg: new Uint8Array(jpeg), width: w * strip.length, height: h, frames: strip.map((s) => ({ index: s.index, time: clip.frames[s.index]?.time ?? s.index / clip.fps })) };
}
