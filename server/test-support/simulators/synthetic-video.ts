/**
 * Real MP4s for the provider simulators, made the way an image-to-video model makes them: the first
 * frame is the input image (fitted to the output size), and the garment sways over the backdrop.
 * With a last frame (Kling's tail_image_url) or a loop request the sway returns to the start; without
 * one (Runway gen4_turbo takes only a first frame) it drifts one way, so the seam does not close.
 * Defects a provider really produces can be switched on, each at a known place: colour drift (over
 * the whole clip, or wandering off and back in its middle, as a loop that must end on its first frame
 * does), a re-tint that lasts only a few frames, an exposure flicker, a shape jump, a vanishing
 * garment, frozen and stuttering frames, a static clip.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { encodeFrames } from '../../src/pipeline/video/encode-frames';
import { videoToolsFromEnv } from '../../src/pipeline/video/video-tools';

export type VideoDefect = 'drift' | 'wander' | 'tint' | 'flicker' | 'shape-jump' | 'vanish' | 'frozen' | 'stutter' | 'static';

export interface SimulatedVideoSpec {
  /** The input image (first frame); without one, a garment of `colour` on white. */
  still?: Uint8Array;
  colour?: [number, number, number];
  width: number;
  height: number;
  fps: number;
  durationSeconds: number;
  /** The clip ends where it starts (a last frame was given). */
  loop: boolean;
  defects?: readonly VideoDefect[];
}

/** Where each defect is, as fractions of the clip (tests assert the QC finding points there). */
export const DEFECT_AT = { flickerEvery: 6, shapeJumpFrom: 0.5, vanish: [0.4, 0.5], frozen: [0.3, 0.6], stutterEvery: 4, wander: [0.3, 0.7], tint: [0.52, 0.58] } as const;

/**
 * How far the garment is re-tinted at clip position t (0..1): 'drift' grows over the whole clip,
 * 'wander' rises from nothing to 0.6 and back within its span, 'tint' is 0.4 for the few frames of its
 * span (three at 24 fps over 2 s: shorter than the gap between the frames QC samples colour on).
 */
function tintAt(defects: ReadonlySet<VideoDefect>, t: number): number {
  if (defects.has('drift')) return t;
  if (defects.has('wander') && t > DEFECT_AT.wander[0] && t < DEFECT_AT.wander[1]) {
    const mid = (DEFECT_AT.wander[0] + DEFECT_AT.wander[1]) / 2;
    return 0.6 * (1 - Math.abs(t - mid) / (mid - DEFECT_AT.wander[0]));
  }
  if (defects.has('tint') && t >= DEFECT_AT.tint[0] && t < DEFECT_AT.tint[1]) return 0.4;
  return 0;
}

async function firstFrame(spec: SimulatedVideoSpec): Promise<Uint8Array> {
  if (spec.still) {
    const { data } = await sharp(spec.still).resize(spec.width, spec.height, { fit: 'cover' }).removeAlpha().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return new Uint8Array(data);
  }
  const [r, g, b] = spec.colour ?? [180, 40, 40];
  const out = new Uint8Array(spec.width * spec.height * 4).fill(255);
  for (let y = Math.round(spec.height * 0.2); y < spec.height * 0.85; y++) {
    for (let x = Math.round(spec.width * 0.3); x < spec.width * 0.7; x++) out.set([r, g, b, 255], (y * spec.width + x) * 4);
  }
  return out;
}

/** The median border colour: the backdrop the garment sways over. */
function backdropOf(frame: Uint8Array, width: number, height: number): [number, number, number] {
  const samples: number[][] = [[], [], []];
  for (let x = 0; x < width; x++) for (const y of [0, height - 1]) for (let c = 0; c < 3; c++) samples[c].push(frame[(y * width + x) * 4 + c]);
  for (let y = 0; y < height; y++) for (const x of [0, width - 1]) for (let c = 0; c < 3; c++) samples[c].push(frame[(y * width + x) * 4 + c]);
  return samples.map((s) => s.sort((a, b) => a - b)[s.length >> 1]) as [number, number, number];
}

export async function renderSimulatedVideo(spec: SimulatedVideoSpec): Promise<Uint8Array> {
  const { width, height, fps } = spec;
  const n = Math.max(2, Math.round(spec.durationSeconds * fps));
  const defects = new Set(spec.defects ?? []);
  const base = await firstFrame(spec);
  const bg = backdropOf(base, width, height);
  const isSubject = (f: Uint8Array, i: number) => Math.abs(f[i] - bg[0]) + Math.abs(f[i + 1] - bg[1]) + Math.abs(f[i + 2] - bg[2]) > 30;
  const amplitude = width * 0.03;

  function frameAt(k: number): Uint8Array {
    const t = k / n;
    const sway = defects.has('static') ? 0 : spec.loop ? Math.sin(2 * Math.PI * t) : t;
    const out = new Uint8Array(base.length);
    const squeeze = defects.has('shape-jump') && t >= DEFECT_AT.shapeJumpFrom ? 0.75 : 1;
    const cx = width / 2;
    for (let y = 0; y < height; y++) {
      // More sway toward the hem, like fabric hanging from the shoulders.
      const dx = amplitude * sway * (0.3 + 0.7 * (y / height));
      for (let x = 0; x < width; x++) {
        const sx = (x - cx) / squeeze + cx - dx;
        const x0 = Math.floor(sx);
        const fx = sx - x0;
        const o = (y * width + x) * 4;
        for (let c = 0; c < 3; c++) {
          const a = x0 >= 0 && x0 < width ? base[(y * width + x0) * 4 + c] : bg[c];
          const b = x0 + 1 >= 0 && x0 + 1 < width ? base[(y * width + x0 + 1) * 4 + c] : bg[c];
          out[o + c] = Math.round(a * (1 - fx) + b * fx);
        }
        out[o + 3] = 255;
      }
    }
    const vanish = defects.has('vanish') && t >= DEFECT_AT.vanish[0] && t < DEFECT_AT.vanish[1];
    const tint = tintAt(defects, t);
    for (let i = 0; i < out.length; i += 4) {
      if (!isSubject(out, i)) continue;
      if (vanish) out.set(bg, i);
      else if (tint > 0) {
        out[i] = Math.min(255, Math.round(out[i] * (1 + 0.3 * tint) + 12 * tint));
        out[i + 2] = Math.max(0, Math.round(out[i + 2] * (1 - 0.3 * tint)));
      }
    }
    if (defects.has('flicker') && k % DEFECT_AT.flickerEvery === 3) for (let i = 0; i < out.length; i += 4) for (let c = 0; c < 3; c++) out[i + c] = Math.min(255, Math.round(out[i + c] * 1.18));
    return out;
  }

  function* frames(): Generator<Uint8Array> {
    let previous: Uint8Array | null = null;
    const [f0, f1] = DEFECT_AT.frozen.map((x) => Math.round(x * n));
    for (let k = 0; k < n; k++) {
      const frozen = defects.has('frozen') && k > f0 && k < f1;
      const stutter = defects.has('stutter') && k % DEFECT_AT.stutterEvery === 0 && k > 0;
      const frame: Uint8Array = (frozen || stutter) && previous ? previous : frameAt(k);
      previous = frame;
      yield frame;
    }
  }

  const dir = await mkdtemp(join(tmpdir(), 'brandlock-sim-video-'));
  try {
    const path = join(dir, 'clip.mp4');
    await encodeFrames(videoToolsFromEnv(process.env), path, { width, height, fps, crf: 16, preset: 'ultrafast' }, frames());
    return new Uint8Array(await readFile(path));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The bytes of a `data:image/...;base64,` URI (what the adapters send inline), or null for anything else. */
export function bytesOfDataUri(uri: unknown): Uint8Array | null {
  const m = typeof uri === 'string' ? /^data:image\/[\w.+-]+;base64,(.*)$/s.exec(uri) : null;
  return m ? new Uint8Array(Buffer.from(m[1], 'base64')) : null;
}

/** An even size scaled down by `scale` (tests render small clips; providers render the full size). */
export function scaledEven(width: number, height: number, scale = 1): { width: number; height: number } {
  const even = (n: number) => Math.max(16, 2 * Math.round((n * scale) / 2));
  return { width: even(width), height: even(height) };
}
