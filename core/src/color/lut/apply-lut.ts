/**
 * Applies a .cube LUT to an RGBA raster, 8 or 16 bit, tetrahedral (default) or trilinear, honouring
 * the input domain and a 1D shaper; alpha untouched; in place or into another raster of the same size.
 * Prepare once with prepareLut and pass the result to apply a batch without redoing the set-up.
 */
import { assertRaster, type Raster } from '../../raster/raster';
import { applyWithColourMemo, canMemoiseColours, COLOUR_MEMO_BYTES, type Kernel8 } from './private/colour-memo';
import type { CubeLut } from './cube-lut';
import { tetrahedral16, tetrahedral8 } from './private/kernel-tetrahedral';
import { trilinear16, trilinear8 } from './private/kernel-trilinear';
import type { LutInterpolation } from './lut-interpolation';
import { prepareLut, type PreparedLut } from './prepare-lut';

export interface ApplyLutOptions {
  /** tetrahedral (default) or trilinear; ignored when a PreparedLut is passed (it has its own). */
  interpolation?: LutInterpolation;
  /** Write here instead of in place; same size and depth as the source. */
  into?: Raster;
  /**
   * 8-bit only: compute each distinct colour once (a 64 MB table). 'auto' (default) does so when
   * working in place on an image whose own buffer is at least as large as the table, so the apply never
   * needs more than one extra image buffer of memory.
   */
  colourMemo?: 'auto' | 'always' | 'never';
}

const KERNELS_8: Record<LutInterpolation, Kernel8> = { tetrahedral: tetrahedral8, trilinear: trilinear8 };
const KERNELS_16 = { tetrahedral: tetrahedral16, trilinear: trilinear16 };

/**
 * Runs every pixel of a raster through a LUT and returns the raster written to.
 * @example applyLut(raster, parseCubeOrThrow(text), { interpolation: 'tetrahedral' })
 */
export function applyLut(raster: Raster, lut: CubeLut | PreparedLut, options: ApplyLutOptions = {}): Raster {
  assertRaster(raster);
  const into = options.into ?? raster;
  if (into !== raster) {
    assertRaster(into);
    if (into.width !== raster.width || into.height !== raster.height || into.depth !== raster.depth) {
      throw new RangeError(`target raster ${into.width}x${into.height} ${into.depth}-bit does not match the source ${raster.width}x${raster.height} ${raster.depth}-bit`);
    }
  }
  const prepared = 'offsets' in lut ? lut : prepareLut(lut, raster.depth, options.interpolation);
  if (prepared.depth !== raster.depth) throw new RangeError(`the LUT was prepared for ${prepared.depth}-bit rasters, this one is ${raster.depth}-bit`);
  const pixels = raster.width * raster.height;
  if (prepared.curves) {
    applyCurves(raster.data, into.data, prepared.curves);
    return into;
  }
  if (raster.depth === 16) {
    KERNELS_16[prepared.interpolation](raster.data as Uint16Array, into.data as Uint16Array, prepared, 0, pixels);
    return into;
  }
  const src = raster.data as Uint8Array | Uint8ClampedArray;
  const dst = new Uint8ClampedArray(into.data.buffer, into.data.byteOffset, into.data.length);
  const kernel = KERNELS_8[prepared.interpolation];
  const memo = options.colourMemo ?? 'auto';
  const worthIt = memo === 'always' || (memo === 'auto' && into === raster && pixels * 4 >= COLOUR_MEMO_BYTES);
  if (worthIt && canMemoiseColours(src, dst)) applyWithColourMemo(src, dst, prepared, kernel);
  else kernel(src, dst, prepared, 0, pixels);
  return into;
}

function applyCurves(src: Raster['data'], dst: Raster['data'], [r, g, b]: [Uint16Array, Uint16Array, Uint16Array]): void {
  for (let i = 0; i < src.length; i += 4) {
    dst[i] = r[src[i]];
    dst[i + 1] = g[src[i + 1]];
    dst[i + 2] = b[src[i + 2]];
    dst[i + 3] = src[i + 3];
  }
}
