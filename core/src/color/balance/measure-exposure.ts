/**
 * Measures exposure on a raster against a lighting preset's target: the mean L* (D65) of the subject
 * pixels, its distance from the target in photographic stops (EV, + is over-exposed), and how much of
 * the subject is clipped. EV compares luminance: ev = log2(Y(mean L*) / Y(target L*)).
 */
import type { Raster } from '../../raster/raster';
import { regionOf, type RasterRegion } from '../../raster/raster-region';
import { srgbDecodeTable } from '../private/srgb-decode-table';
import { clipLimits, isTransparent } from './pixel-limits';

export interface ExposureOptions {
  /** Target mean L* of the subject, the lighting preset's `exposure.targetL`. */
  targetL: number;
  /** Allowed deviation in EV (the preset's `exposure.toleranceEv`); decides `verdict`. Default 0.33. */
  toleranceEv?: number;
  /** width*height bytes, non-zero = subject pixel. */
  mask?: Uint8Array;
  region?: RasterRegion;
}

export interface ExposureMeasure {
  pixelsUsed: number;
  meanL: number;
  targetL: number;
  /** Stops away from the target: +1 is twice the target luminance, -1 half. */
  ev: number;
  verdict: 'under' | 'on-target' | 'over';
  /** Fraction 0..1 of the used pixels with two or more channels at 254+ (8-bit scale). */
  highlightClip: number;
  /** Fraction 0..1 of the used pixels with two or more channels at 1 or below. */
  shadowClip: number;
}

export type ExposureResult = { success: true; exposure: ExposureMeasure } | { success: false; code: 'no_pixels'; message: string };

const EPS = 216 / 24389;
const KAPPA = 24389 / 27;

/**
 * L* (0..100) of a relative luminance Y (0..1).
 * @example lightnessOfLuminance(0.18) // 49.5 (photographic mid-grey)
 */
export function lightnessOfLuminance(y: number): number {
  return y > EPS ? 116 * Math.cbrt(y) - 16 : KAPPA * y;
}

/**
 * Relative luminance Y (0..1) of an L* (0..100).
 * @example luminanceOfLightness(50) // 0.184
 */
export function luminanceOfLightness(l: number): number {
  return l > KAPPA * EPS ? Math.pow((l + 16) / 116, 3) : l / KAPPA;
}

/**
 * Mean subject L*, EV against the target, and clipping.
 * @example measureExposure(raster, { targetL: 62, mask }) // { success: true, exposure: { ev: -0.4, verdict: 'under', ... } }
 */
export function measureExposure(raster: Raster, options: ExposureOptions): ExposureResult {
  const { mask, targetL } = options;
  const area = regionOf(raster, options.region, mask);
  const decode = srgbDecodeTable(raster.depth);
  const { low, high } = clipLimits(raster.depth);
  const data = raster.data;
  let sumL = 0, used = 0, hi = 0, lo = 0;
  for (let y = area.y; y < area.y + area.height; y++) {
    for (let x = area.x, p = y * raster.width + x; x < area.x + area.width; x++, p++) {
      if (mask && mask[p] === 0) continue;
      const i = p * 4;
      if (isTransparent(data[i + 3], raster.depth)) continue;
      const r = data[i], g = data[i + 1], b = data[i + 2];
      // Clipped means detail lost: two or more channels at the limit. A saturated red has R at 255
      // and is not blown; a white that reads 255/255/250 is.
      if ((r >= high ? 1 : 0) + (g >= high ? 1 : 0) + (b >= high ? 1 : 0) >= 2) hi++;
      if ((r <= low ? 1 : 0) + (g <= low ? 1 : 0) + (b <= low ? 1 : 0) >= 2) lo++;
      const lum = 0.21263900587151024 * decode[r] + 0.715168678767756 * decode[g] + 0.07219231536073371 * decode[b];
      sumL += lum > EPS ? 116 * Math.cbrt(lum) - 16 : KAPPA * lum;
      used++;
    }
  }
  if (used === 0) return { success: false, code: 'no_pixels', message: 'no opaque pixels inside the mask/region to measure exposure on' };
  const meanL = sumL / used;
  const ev = Math.log2(Math.max(luminanceOfLightness(meanL), 1e-6) / luminanceOfLightness(targetL));
  const tolerance = options.toleranceEv ?? 0.33;
  const verdict = ev > tolerance ? 'over' : ev < -tolerance ? 'under' : 'on-target';
  return { success: true, exposure: { pixelsUsed: used, meanL, targetL, ev, verdict, highlightClip: hi / used, shadowClip: lo / used } };
}
