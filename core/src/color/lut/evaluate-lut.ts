/**
 * Evaluates a whole .cube LUT on one colour in floating point: input domain, the 1D table (linear
 * interpolation, clamped at its ends), then the 3D table's domain and the 3D interpolation. This is
 * the reference the raster kernels, composition, resampling and the ICC DeviceLink are built on.
 */
import type { CubeLut, Lut1d, LutDomain, Rgb } from './cube-lut';
import type { LutInterpolation, LutSampler } from './lut-interpolation';
import { sampleTetrahedral } from './sample-tetrahedral';
import { sampleTrilinear } from './sample-trilinear';

const SAMPLERS: Record<LutInterpolation, LutSampler> = { tetrahedral: sampleTetrahedral, trilinear: sampleTrilinear };

/**
 * The sampler for an interpolation.
 * @example lutSampler('trilinear')(table, 33, 16, 16, 16, out, 0)
 */
export function lutSampler(interpolation: LutInterpolation): LutSampler {
  return SAMPLERS[interpolation];
}

/**
 * The LUT's output for an input colour (values in the LUT's own units, often 0..1).
 * @example evaluateLut(gainLut, [1, 1, 1]) // [1, 0.5, 0.25]
 */
export function evaluateLut(lut: CubeLut, rgb: Readonly<Rgb>, interpolation: LutInterpolation = 'tetrahedral', out: Rgb = [0, 0, 0]): Rgb {
  out[0] = rgb[0];
  out[1] = rgb[1];
  out[2] = rgb[2];
  if (lut.lut1d) for (let c = 0; c < 3; c++) out[c] = evaluate1d(lut.lut1d, c, out[c]);
  if (lut.lut3d) {
    const { size, domain, table } = lut.lut3d;
    const x = gridCoordinate(out[0], domain, 0, size);
    const y = gridCoordinate(out[1], domain, 1, size);
    const z = gridCoordinate(out[2], domain, 2, size);
    SAMPLERS[interpolation](table, size, x, y, z, out, 0);
  }
  return out;
}

/**
 * One channel of a 1D table at an input value: linear between entries, clamped at the ends.
 * @example evaluate1d(shaper, 0, 0.5) // the red curve at mid-grey
 */
export function evaluate1d(lut: Lut1d, channel: number, value: number): number {
  const x = gridCoordinate(value, lut.domain, channel, lut.size);
  const i = Math.min(Math.floor(x), lut.size - 2);
  const f = x - i;
  const a = lut.table[i * 3 + channel];
  return a + f * (lut.table[(i + 1) * 3 + channel] - a);
}

/**
 * Where an input value falls on a table's grid, 0..size-1, clamped (NaN reads as the domain minimum).
 * @example gridCoordinate(1.5, { min: [0, 1, 0], max: [2, 2, 1] }, 1, 33) // 16
 */
export function gridCoordinate(value: number, domain: LutDomain, channel: number, size: number): number {
  const t = ((value - domain.min[channel]) / (domain.max[channel] - domain.min[channel])) * (size - 1);
  return t > 0 ? (t < size - 1 ? t : size - 1) : 0;
}
