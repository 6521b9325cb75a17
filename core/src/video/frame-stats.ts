/**
 * Whole-frame statistics for flicker and motion: the mean colour in linear light (as Lab, and its
 * luminance in EV), and how much one frame differs from another (mean absolute difference of the
 * 8-bit RGB values, overall and in the busiest tile of an 8 x 8 grid, so a small moving garment on a
 * still backdrop still registers as motion).
 */
import type { Raster } from '../raster/raster';
import type { Lab } from '../color/lab';
import { linearRgbToLab, srgbToLinear } from '../color/lab';

const LINEAR = new Float64Array(256).map((_, i) => srgbToLinear(i / 255));

export interface FrameLight {
  /** Mean colour of the frame, averaged in linear light. */
  lab: Lab;
  /** log2 of the mean relative luminance: +1 is twice as bright. */
  ev: number;
}

/**
 * @example frameLight(raster).ev // -1.2 for a mid-grey frame
 */
export function frameLight(raster: Raster): FrameLight {
  const d = raster.data;
  let r = 0;
  let g = 0;
  let b = 0;
  const n = raster.width * raster.height;
  for (let i = 0; i < d.length; i += 4) {
    r += LINEAR[d[i]];
    g += LINEAR[d[i + 1]];
    b += LINEAR[d[i + 2]];
  }
  r /= n;
  g /= n;
  b /= n;
  const y = 0.21263900587151024 * r + 0.715168678767756 * g + 0.07219231536073371 * b;
  return { lab: linearRgbToLab(r, g, b), ev: Math.log2(Math.max(y, 1e-6)) };
}

export interface FrameDifference {
  /** Mean absolute difference over all RGB samples, 8-bit levels. */
  mean: number;
  /** The same in the tile (of an 8 x 8 grid) that changed most. */
  maxTile: number;
}

const GRID = 8;

/**
 * @example frameDifference(a, a) // { mean: 0, maxTile: 0 }
 */
export function frameDifference(a: Raster, b: Raster): FrameDifference {
  if (a.width !== b.width || a.height !== b.height) throw new RangeError(`frame sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  const { width, height } = a;
  const tiles = new Float64Array(GRID * GRID);
  const columns = new Uint8Array(width);
  for (let x = 0; x < width; x++) columns[x] = Math.min(GRID - 1, Math.floor((x * GRID) / width));
  const p = a.data;
  const q = b.data;
  let total = 0;
  for (let y = 0; y < height; y++) {
    const ty = Math.min(GRID - 1, Math.floor((y * GRID) / height)) * GRID;
    let i = y * width * 4;
    for (let x = 0; x < width; x++, i += 4) {
      const d = Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]);
      tiles[ty + columns[x]] += d;
      total += d;
    }
  }
  const rowsIn = new Float64Array(GRID);
  const colsIn = new Float64Array(GRID);
  for (let y = 0; y < height; y++) rowsIn[Math.min(GRID - 1, Math.floor((y * GRID) / height))]++;
  for (let x = 0; x < width; x++) colsIn[columns[x]]++;
  let maxTile = 0;
  for (let t = 0; t < tiles.length; t++) {
    const n = rowsIn[(t / GRID) | 0] * colsIn[t % GRID] * 3;
    if (n) maxTile = Math.max(maxTile, tiles[t] / n);
  }
  return { mean: total / (width * height * 3), maxTile };
}

/** Pixels per side of the blocks `motionThumbnail` averages. */
export const MOTION_BLOCK = 4;

/** A frame averaged over blocks: RGB floats, row-major. */
export interface MotionThumbnail {
  width: number;
  height: number;
  data: Float32Array;
}

/**
 * A frame averaged over 4 x 4 blocks. Codec noise (which differs from frame to frame even on a
 * repeated picture) averages out in the blocks while motion does not, so differences of these
 * thumbnails tell a repeated frame from a slowly moving one.
 * @example thumbnailDifference(motionThumbnail(a), motionThumbnail(b)).mean
 */
export function motionThumbnail(raster: Raster): MotionThumbnail {
  const k = MOTION_BLOCK;
  const w = Math.max(1, Math.floor(raster.width / k));
  const h = Math.max(1, Math.floor(raster.height / k));
  const out = new Float32Array(w * h * 3);
  const d = raster.data;
  const row = raster.width * 4;
  const n = k * k;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < k; dy++) {
        let i = (y * k + dy) * row + x * k * 4;
        for (let dx = 0; dx < k; dx++, i += 4) {
          r += d[i];
          g += d[i + 1];
          b += d[i + 2];
        }
      }
      const o = (y * w + x) * 3;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Mean absolute difference of two thumbnails (8-bit levels), overall and in the busiest tile of an 8 x 8 grid.
 * @example thumbnailDifference(t, t) // { mean: 0, maxTile: 0 }
 */
export function thumbnailDifference(a: MotionThumbnail, b: MotionThumbnail): FrameDifference {
  if (a.width !== b.width || a.height !== b.height) throw new RangeError(`thumbnail sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  const { width, height } = a;
  const tiles = new Float64Array(GRID * GRID);
  const rowsIn = new Float64Array(GRID);
  const colsIn = new Float64Array(GRID);
  const columns = new Uint8Array(width);
  for (let x = 0; x < width; x++) colsIn[(columns[x] = Math.min(GRID - 1, Math.floor((x * GRID) / width)))]++;
  let total = 0;
  for (let y = 0; y < height; y++) {
    const ty = Math.min(GRID - 1, Math.floor((y * GRID) / height));
    rowsIn[ty]++;
    let i = y * width * 3;
    for (let x = 0; x < width; x++, i += 3) {
      const d = Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]);
      tiles[ty * GRID + columns[x]] += d;
      total += d;
    }
  }
  let maxTile = 0;
  for (let t = 0; t < tiles.length; t++) {
    const n = rowsIn[(t / GRID) | 0] * colsIn[t % GRID] * 3;
    if (n) maxTile = Math.max(maxTile, tiles[t] / n);
  }
  return { mean: total / (width * height * 3), maxTile };
}
