/**
 * The local provider's video: the approved still with the motion brief's camera move rendered on the
 * CPU (core's camera-move maths, bilinear, sub-pixel smooth) and encoded to an H.264 MP4 master at the
 * still's size and 24 fps. Nothing in it moves but the camera; the note says so.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { cameraWindow, createRaster, describeCameraMove, renderCameraFrame, type Box, type CameraPath, type Raster } from '@brandlock/core';
import { encodeFrames } from './encode-frames';
import type { VideoTools } from './video-tools';

export const OFFLINE_FPS = 24;
/** Longest side of the offline master: enough for every 1080-wide cut. */
const MAX_SIDE = 1920;

export interface OfflineLoopInput {
  still: Uint8Array;
  camera: { path: CameraPath; amount: number };
  durationSeconds: number;
  loop: boolean;
  /** The garment's box in still pixels, where a push-in heads. */
  subject: Box | null;
  tools: VideoTools;
  signal?: AbortSignal;
}

export async function renderOfflineLoop(input: OfflineLoopInput): Promise<{ bytes: Uint8Array; width: number; height: number; fps: number; frames: number; description: string }> {
  const meta = await sharp(input.still).metadata();
  const k = Math.min(1, MAX_SIDE / Math.max(meta.width ?? 1, meta.height ?? 1));
  const even = (n: number) => Math.max(16, 2 * Math.floor((n * k) / 2));
  const width = even(meta.width ?? 16);
  const height = even(meta.height ?? 16);
  const { data } = await sharp(input.still).rotate().resize(width, height, { fit: 'fill' }).toColourspace('srgb').removeAlpha().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const still: Raster = { width, height, depth: 8, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  const subject = input.subject && meta.width ? { x: input.subject.x * k, y: input.subject.y * k, width: input.subject.width * k, height: input.subject.height * k } : null;
  const frames = Math.max(2, Math.round(input.durationSeconds * OFFLINE_FPS));
  function* render(): Generator<Uint8Array> {
    for (let i = 0; i < frames; i++) {
      const out = createRaster(width, height, 8);
      renderCameraFrame(still, out, cameraWindow(input.camera.path, input.camera.amount, i / frames, input.loop, still, subject));
      yield out.data as Uint8Array;
    }
  }
  const description = describeCameraMove(input.camera.path, input.camera.amount, input.loop);
  const dir = await mkdtemp(join(tmpdir(), 'brandlock-offline-loop-'));
  try {
    const path = join(dir, 'loop.mp4');
    await encodeFrames(input.tools, path, { width, height, fps: OFFLINE_FPS, crf: 17, preset: 'fast', comment: `brandlock local provider: ${description} over the approved still; no generative model`, signal: input.signal }, render());
    return { bytes: new Uint8Array(await readFile(path)), width, height, fps: OFFLINE_FPS, frames, description };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
