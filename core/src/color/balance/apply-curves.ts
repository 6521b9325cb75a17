/**
 * Applies per-channel curves to a raster, in place or into another raster of the same size and depth.
 * Alpha is copied untouched. One table lookup per sample, no allocation per pixel.
 */
import { assertRaster, type Raster } from '../../raster/raster';
import type { BalanceCorrection } from './balance-correction';
import { correctionCurves, type ChannelCurves } from './correction-curves';

/**
 * Runs each colour sample through its channel's curve.
 * @example applyCurves(raster, correctionCurves({ gains: [0.95, 1, 1.08] }, raster.depth))
 */
export function applyCurves(raster: Raster, curves: ChannelCurves, into: Raster = raster): Raster {
  assertRaster(raster);
  if (curves.depth !== raster.depth) throw new RangeError(`curves are ${curves.depth}-bit, the raster is ${raster.depth}-bit`);
  if (into !== raster) {
    assertRaster(into);
    if (into.width !== raster.width || into.height !== raster.height || into.depth !== raster.depth) {
      throw new RangeError(`target raster ${into.width}x${into.height} ${into.depth}-bit does not match ${raster.width}x${raster.height} ${raster.depth}-bit`);
    }
  }
  const src = raster.data;
  const dst = into.data;
  const { r, g, b } = curves;
  for (let i = 0; i < src.length; i += 4) {
    dst[i] = r[src[i]];
    dst[i + 1] = g[src[i + 1]];
    dst[i + 2] = b[src[i + 2]];
    dst[i + 3] = src[i + 3];
  }
  return into;
}

/**
 * Applies a balance correction (cast and/or exposure gains) to a raster.
 * @example applyBalance(raster, combineCorrections(castCorrection(cast), exposureCorrection(exposure)))
 */
export function applyBalance(raster: Raster, correction: BalanceCorrection, into: Raster = raster): Raster {
  return applyCurves(raster, correctionCurves(correction, raster.depth), into);
}
