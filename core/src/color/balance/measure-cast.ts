/**
 * Measures a colour cast on a raster: grey-world over the usable pixels (skipping clipped, saturated
 * and transparent ones), or the plain mean of a given neutral region (a grey card, the backdrop).
 * The mean is taken in linear light, then expressed as ΔE00 from the expected neutral at the same L*,
 * a direction in words, and the linear RGB gains that would neutralise it.
 */
import type { Raster } from '../../raster/raster';
import { regionOf, type RasterRegion } from '../../raster/raster-region';
import { deltaE2000 } from '../delta-e-2000';
import { labToLinearRgb, linearRgbToLab, type Lab } from '../lab';
import { srgbDecodeTable } from '../private/srgb-decode-table';
import { castDirection, castHue, type CastDirection } from './cast-direction';
import { clipLimits, isTransparent } from './pixel-limits';

export type CastMethod = 'grey-world' | 'neutral-region';

export interface CastOptions {
  /** grey-world (default): mean of unsaturated pixels; neutral-region: mean of every usable pixel given. */
  method?: CastMethod;
  /** width*height bytes, non-zero = include the pixel. */
  mask?: Uint8Array;
  region?: RasterRegion;
  /** What the neutral should look like, e.g. the lighting preset's backdrop; only its a* b* count. Default neutral grey. */
  reference?: Lab;
  /** grey-world: skip pixels whose (max-min)/max exceeds this. Default 0.5. */
  maxSaturation?: number;
  /** Fewer usable pixels than this is no measurement. Default 64. */
  minPixels?: number;
}

export interface ColorCast {
  method: CastMethod;
  pixelsUsed: number;
  /** Pixels looked at but left out, by reason. */
  skipped: { clipped: number; saturated: number; transparent: number };
  /** Mean linear-light RGB of the used pixels. */
  meanLinear: [number, number, number];
  /** Lab D65 of that mean. */
  lab: Lab;
  /** The expected neutral at the measured L*. */
  neutral: Lab;
  /** ΔE00 between the mean and the expected neutral at the same L*. */
  deltaE: number;
  direction: CastDirection;
  /** Hue angle of the cast vector in a*b*, degrees (0 = magenta, 90 = yellow, 180 = green, 270 = blue). */
  hue: number;
  /** Linear-light gains that move the mean onto the neutral while keeping its luminance. */
  gains: [number, number, number];
}

export type CastResult = { success: true; cast: ColorCast } | { success: false; code: 'too_few_pixels'; message: string };

/**
 * Measures the colour cast of a raster (8 or 16 bit, sRGB-encoded).
 * @example measureCast(raster, { method: 'neutral-region', region: { x: 0, y: 0, width: 64, height: 64 } })
 */
export function measureCast(raster: Raster, options: CastOptions = {}): CastResult {
  const method = options.method ?? 'grey-world';
  const { mask } = options;
  const area = regionOf(raster, options.region, mask);
  const maxSaturation = method === 'grey-world' ? (options.maxSaturation ?? 0.5) : Infinity;
  const { low, high } = clipLimits(raster.depth);
  const decode = srgbDecodeTable(raster.depth);
  const data = raster.data;
  let sr = 0, sg = 0, sb = 0, used = 0, clipped = 0, saturated = 0, transparent = 0;
  for (let y = area.y; y < area.y + area.height; y++) {
    for (let x = area.x, p = y * raster.width + x; x < area.x + area.width; x++, p++) {
      if (mask && mask[p] === 0) continue;
      const i = p * 4;
      if (isTransparent(data[i + 3], raster.depth)) { transparent++; continue; }
      const r = data[i], g = data[i + 1], b = data[i + 2];
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      if (max >= high || min <= low) { clipped++; continue; }
      if ((max - min) / max > maxSaturation) { saturated++; continue; }
      sr += decode[r]; sg += decode[g]; sb += decode[b];
      used++;
    }
  }
  const minPixels = options.minPixels ?? 64;
  if (used < minPixels) {
    return {
      success: false,
      code: 'too_few_pixels',
      message: `only ${used} usable pixels (need ${minPixels}); skipped ${clipped} clipped, ${saturated} saturated, ${transparent} transparent`,
    };
  }
  const meanLinear: [number, number, number] = [sr / used, sg / used, sb / used];
  return { success: true, cast: describeMean(meanLinear, method, used, { clipped, saturated, transparent }, options.reference) };
}

function describeMean(mean: [number, number, number], method: CastMethod, used: number, skipped: ColorCast['skipped'], reference?: Lab): ColorCast {
  const lab = linearRgbToLab(mean[0], mean[1], mean[2]);
  const neutral: Lab = { l: lab.l, a: reference?.a ?? 0, b: reference?.b ?? 0 };
  const deltaE = deltaE2000(lab, neutral);
  const da = lab.a - neutral.a;
  const db = lab.b - neutral.b;
  return { method, pixelsUsed: used, skipped, meanLinear: mean, lab, neutral, deltaE, direction: castDirection(da, db, deltaE), hue: castHue(da, db), gains: neutralisingGains(mean, neutral) };
}

/** Gains g with g*mean having the chromaticity of `target` and the luminance of `mean`. */
function neutralisingGains(mean: [number, number, number], target: Lab): [number, number, number] {
  const t = labToLinearRgb(target);
  const yMean = luminance(mean);
  const yTarget = luminance(t);
  return [0, 1, 2].map((c) => (mean[c] > 0 && yTarget > 0 ? (t[c] / yTarget) * (yMean / mean[c]) : 1)) as [number, number, number];
}

function luminance(rgb: readonly number[]): number {
  return 0.21263900587151024 * rgb[0] + 0.715168678767756 * rgb[1] + 0.07219231536073371 * rgb[2];
}
