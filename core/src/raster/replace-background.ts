/**
 * Puts the subject on a solid backdrop: each pixel becomes subject colour over the backdrop colour,
 * weighted by its coverage (0 = backdrop, 255 = subject) and its own alpha. Blending happens in
 * linear light so soft edges do not darken into a grey fringe. The result is opaque.
 */
import { maxValue, type Raster } from './raster';
import { linearToSrgb, srgbToLinear } from '../color/lab';

/**
 * @example replaceBackground(raster, coverage, [244, 241, 236]) // backdrop colour in 8-bit sRGB
 */
export function replaceBackground(raster: Raster, coverage: Uint8Array, backdrop: readonly [number, number, number]): Raster {
  const { data, depth } = raster;
  const max = maxValue(depth);
  const n = raster.width * raster.height;
  if (coverage.length !== n) throw new RangeError(`coverage has ${coverage.length} values for ${n} pixels`);
  const toLinear = new Float32Array(max + 1);
  for (let v = 0; v <= max; v++) toLinear[v] = srgbToLinear(v / max);
  const bg = backdrop.map((c) => srgbToLinear(c / 255));
  const bgCode = backdrop.map((c) => Math.round((c / 255) * max));
  for (let p = 0, i = 0; p < n; p++, i += 4) {
    const w = (coverage[p] / 255) * (data[i + 3] / max);
    if (w >= 0.999) {
      data[i + 3] = max;
      continue;
    }
    if (w <= 0.001) {
      data[i] = bgCode[0];
      data[i + 1] = bgCode[1];
      data[i + 2] = bgCode[2];
      data[i + 3] = max;
      continue;
    }
    for (let c = 0; c < 3; c++) {
      const lin = toLinear[data[i + c]] * w + bg[c] * (1 - w);
      data[i + c] = Math.round(Math.min(1, Math.max(0, linearToSrgb(lin))) * max);
    }
    data[i + 3] = max;
  }
  return raster;
}
