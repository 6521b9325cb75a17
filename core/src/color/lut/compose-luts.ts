/**
 * Composes LUTs and resamples one to another grid size: both evaluate the source LUT(s) in floating
 * point at the new grid points, so a shaper, domains and any size combine into one plain 3D table.
 */
import { buildLut3d } from './build-lut';
import { lutInputDomain, type CubeLut, type Rgb } from './cube-lut';
import { evaluateLut } from './evaluate-lut';
import type { LutInterpolation } from './lut-interpolation';

export interface ResampleOptions {
  /** Grid size of the result. Default: the largest 3D size involved, or 33. */
  size?: number;
  interpolation?: LutInterpolation;
  title?: string | null;
}

/**
 * One 3D LUT doing `first` then `second`, over `first`'s input domain.
 * @example composeLuts(brandGrade, previewLook, { size: 33 })
 */
export function composeLuts(first: CubeLut, second: CubeLut, options: ResampleOptions = {}): CubeLut {
  const size = options.size ?? (Math.max(first.lut3d?.size ?? 0, second.lut3d?.size ?? 0) || 33);
  const interpolation = options.interpolation ?? 'tetrahedral';
  const mid: Rgb = [0, 0, 0];
  return buildLut3d(
    size,
    (r, g, b, out) => {
      evaluateLut(first, [r, g, b], interpolation, mid);
      return evaluateLut(second, mid, interpolation, out);
    },
    {
      domain: lutInputDomain(first),
      title: options.title ?? joinTitles(first.title, second.title),
      comments: [`Composed by brandlock: ${first.title ?? 'LUT 1'} then ${second.title ?? 'LUT 2'}`],
    },
  );
}

/**
 * The same LUT as a plain 3D table of another size (a 1D LUT or a shaper becomes part of the table).
 * @example resampleLut(lut65, { size: 33 })
 */
export function resampleLut(lut: CubeLut, options: ResampleOptions = {}): CubeLut {
  const size = options.size ?? lut.lut3d?.size ?? 33;
  const interpolation = options.interpolation ?? 'tetrahedral';
  return buildLut3d(size, (r, g, b, out) => evaluateLut(lut, [r, g, b], interpolation, out), {
    domain: lutInputDomain(lut),
    title: options.title === undefined ? lut.title : options.title,
    comments: [...lut.comments],
  });
}

function joinTitles(a: string | null, b: string | null): string | null {
  return a && b ? `${a} + ${b}` : (a ?? b);
}
