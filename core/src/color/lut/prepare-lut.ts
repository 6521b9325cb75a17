/**
 * Precomputes what applying a LUT to integer pixels needs, once per LUT and bit depth: for every input
 * code value of each channel, where it lands on the 3D grid (the cell offset and the fraction), with
 * the input domain, the 1D shaper and the 3D domain folded in, since all three act per channel.
 * Fractions are integers (24 fractional bits) so the kernels can pick a tetrahedron with integer sign
 * tricks instead of branches. The 3D grid is kept as Float32 already scaled to output code values.
 * A 1D-only LUT becomes three curves.
 */
import { maxValue, type BitDepth } from '../../raster/raster';
import type { CubeLut } from './cube-lut';
import { evaluate1d, gridCoordinate } from './evaluate-lut';
import type { LutInterpolation } from './lut-interpolation';

/** 1.0 in the fixed-point fractions. */
export const ONE = 1 << 24;

export interface PreparedLut {
  depth: BitDepth;
  interpolation: LutInterpolation;
  /** 3D grid size, or 0 for a 1D-only LUT. */
  size: number;
  /** The 3D table scaled to output codes (red fastest), or null for a 1D-only LUT. */
  grid: Float32Array | null;
  /** Per input code: offset of the cell's lower corner along red, green, blue (stride included). */
  offsets: [Int32Array, Int32Array, Int32Array];
  /** Per input code: fraction inside the cell along red, green, blue, in fixed point with 24 fractional bits (ONE = 1). */
  fractions: [Int32Array, Int32Array, Int32Array];
  /** 1D-only LUTs: the output code for each input code, per channel. */
  curves: [Uint16Array, Uint16Array, Uint16Array] | null;
}

/**
 * Prepares a LUT for rasters of one bit depth; reuse the result for every image of a batch.
 * @example const prepared = prepareLut(lut, 8); for (const r of rasters) applyLut(r, prepared);
 */
export function prepareLut(lut: CubeLut, depth: BitDepth, interpolation: LutInterpolation = 'tetrahedral'): PreparedLut {
  const max = maxValue(depth);
  const codes = max + 1;
  const { lut1d, lut3d } = lut;
  if (!lut1d && !lut3d) throw new RangeError('a LUT needs a 1D or a 3D table');
  const before = (channel: number, code: number) => (lut1d ? evaluate1d(lut1d, channel, code / max) : code / max);
  if (!lut3d) {
    const curves = [0, 1, 2].map((c) => {
      const curve = new Uint16Array(codes);
      for (let v = 0; v < codes; v++) curve[v] = toCode(before(c, v), max);
      return curve;
    }) as [Uint16Array, Uint16Array, Uint16Array];
    const empty = new Int32Array(0);
    return { depth, interpolation, size: 0, grid: null, offsets: [empty, empty, empty], fractions: [empty, empty, empty], curves };
  }
  const { size } = lut3d;
  const strides = [3, 3 * size, 3 * size * size];
  const offsets = strides.map(() => new Int32Array(codes)) as [Int32Array, Int32Array, Int32Array];
  const fractions = strides.map(() => new Int32Array(codes)) as [Int32Array, Int32Array, Int32Array];
  for (let c = 0; c < 3; c++) {
    for (let v = 0; v < codes; v++) {
      const coord = gridCoordinate(before(c, v), lut3d.domain, c, size);
      const cell = Math.min(Math.floor(coord), size - 2);
      offsets[c][v] = cell * strides[c];
      fractions[c][v] = Math.round((coord - cell) * ONE);
    }
  }
  const grid = new Float32Array(lut3d.table.length);
  for (let i = 0; i < grid.length; i++) grid[i] = lut3d.table[i] * max;
  return { depth, interpolation, size, grid, offsets, fractions, curves: null };
}

function toCode(value: number, max: number): number {
  const v = Math.round(value * max);
  return v < 0 ? 0 : v > max ? max : v;
}
