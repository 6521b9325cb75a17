/**
 * How a 3D LUT is read between its grid points. Tetrahedral is the default (the .cube spec's
 * preference, FFmpeg's and Photoshop's choice); trilinear is what ImageMagick's hald-clut does.
 * Each has a sampler for single colours and a raster kernel, in its own file.
 */

export const LUT_INTERPOLATIONS = ['tetrahedral', 'trilinear'] as const;
export type LutInterpolation = (typeof LUT_INTERPOLATIONS)[number];

/**
 * Samples a red-fastest RGB grid of `size`³ entries at grid coordinates (each 0..size-1) into out[at..at+2].
 * A LutSampler is pure: it reads `table` and writes `out`, nothing else.
 */
export type LutSampler = (table: ArrayLike<number>, size: number, x: number, y: number, z: number, out: number[] | Float64Array, at: number) => void;

/**
 * True when a string names an interpolation.
 * @example isLutInterpolation('cubic') // false
 */
export function isLutInterpolation(value: unknown): value is LutInterpolation {
  return (LUT_INTERPOLATIONS as readonly unknown[]).includes(value);
}

/**
 * Splits a grid coordinate into the lower cell index (0..size-2) and the fraction inside the cell.
 * @example gridCell(32, 33) // [31, 1]
 */
export function gridCell(coord: number, size: number): [number, number] {
  const c = coord < 0 ? 0 : coord > size - 1 ? size - 1 : coord;
  const i = Math.min(Math.floor(c), size - 2);
  return [i, c - i];
}
