/**
 * Applies a .cube LUT to an RGBA raster, 8 or 16 bit, tetrahedral (default) or trilinear, honouring
 * the input domain and a 1D shaper; alpha untouched; in place or into another raster of the same size.
 * Prepare once with prepareLut and pass the result to apply a batch without redoing the set-up.
 * applyLutToPixels does the same on interleaved RGB (3 channels) as decoders hand it over, so an
 * opaque photo is graded in its decode buffer without adding and removing an alpha channel.
 */
import { assertRaster, type BitDepth, type Raster } from '../../raster/raster';
import { applyWithColourMemo, canMemoiseColours, COLOUR_MEMO_BYTES, type ColourMemo, type Kernel8 } from './private/colour-memo';
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
  /** 8-bit only: a table from createColourMemo kept across a batch graded with one prepared LUT. */
  memo?: ColourMemo;
}

/** Interleaved pixels: RGB (3 channels) or straight-alpha RGBA (4), row-major, no padding. */
export interface LutPixels {
  readonly depth: BitDepth;
  readonly channels: 3 | 4;
  /** 8-bit data is a Uint8Array (or Uint8ClampedArray), 16-bit data a Uint16Array. */
  readonly data: Uint8Array | Uint8ClampedArray | Uint16Array;
}

export { createColourMemo, COLOUR_MEMO_BYTES, type ColourMemo } from './private/colour-memo';

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
  applyToSamples({ depth: raster.depth, channels: 4, data: raster.data }, into.data, lut, options);
  return into;
}

/**
 * Grades interleaved RGB or RGBA samples in place (or into `into`, same length and type).
 * @example applyLutToPixels({ depth: 8, channels: 3, data: rgbFromDecoder }, prepared, { memo })
 */
export function applyLutToPixels(pixels: LutPixels, lut: CubeLut | PreparedLut, options: Omit<ApplyLutOptions, 'into'> & { into?: LutPixels['data'] } = {}): LutPixels {
  if (pixels.channels !== 3 && pixels.channels !== 4) throw new RangeError(`pixels need 3 or 4 channels, got ${pixels.channels}`);
  if (pixels.data.length % pixels.channels !== 0) throw new RangeError(`${pixels.data.length} samples are not whole ${pixels.channels}-channel pixels`);
  if ((pixels.depth === 16) !== pixels.data instanceof Uint16Array) throw new TypeError(`${pixels.depth}-bit pixels need a ${pixels.depth === 16 ? 'Uint16Array' : 'Uint8Array'}`);
  const into = options.into ?? pixels.data;
  if (into.length !== pixels.data.length || into instanceof Uint16Array !== pixels.data instanceof Uint16Array) throw new RangeError('the target buffer does not match the source pixels');
  applyToSamples(pixels, into, lut, options);
  return { ...pixels, data: into };
}

function applyToSamples({ depth, channels, data }: LutPixels, into: LutPixels['data'], lut: CubeLut | PreparedLut, options: Omit<ApplyLutOptions, 'into'>): void {
  const prepared = 'offsets' in lut ? lut : prepareLut(lut, depth, options.interpolation);
  if (prepared.depth !== depth) throw new RangeError(`the LUT was prepared for ${prepared.depth}-bit rasters, this one is ${depth}-bit`);
  const pixels = data.length / channels;
  if (prepared.curves) {
    applyCurves(data, into, prepared.curves, channels);
    return;
  }
  if (depth === 16) {
    KERNELS_16[prepared.interpolation](data as Uint16Array, into as Uint16Array, prepared, 0, pixels, channels);
    return;
  }
  const src = data as Uint8Array | Uint8ClampedArray;
  const dst = new Uint8ClampedArray(into.buffer, into.byteOffset, into.length);
  const kernel = KERNELS_8[prepared.interpolation];
  const memo = options.colourMemo ?? 'auto';
  const inPlace = into === data;
  const worthIt = memo === 'always' || (memo === 'auto' && (options.memo !== undefined || (inPlace && pixels * 4 >= COLOUR_MEMO_BYTES)));
  if (worthIt && canMemoiseColours(src, dst, channels)) applyWithColourMemo(src, dst, prepared, kernel, channels, options.memo);
  else kernel(src, dst, prepared, 0, pixels, channels);
}

function applyCurves(src: LutPixels['data'], dst: LutPixels['data'], [r, g, b]: [Uint16Array, Uint16Array, Uint16Array], channels: 3 | 4): void {
  for (let i = 0; i < src.length; i += channels) {
    dst[i] = r[src[i]];
    dst[i + 1] = g[src[i + 1]];
    dst[i + 2] = b[src[i + 2]];
    if (channels === 4) dst[i + 3] = src[i + 3];
  }
}
