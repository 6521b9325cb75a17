/**
 * Builds a 3D LUT by sampling a colour function on a grid (for sample grades, tests, resampling and
 * composition), and the identity LUT.
 */
import { unitDomain, type CubeLut, type LutDomain, type Rgb } from './cube-lut';
import { LUT_3D_SIZE_RANGE } from './parse-cube';

export interface BuildLutOptions {
  title?: string | null;
  comments?: string[];
  /** Input domain the grid spans. Default 0..1. */
  domain?: LutDomain;
}

/**
 * A `size`³ LUT whose entry at grid point (r, g, b) is fn(r, g, b), inputs spread evenly over the domain.
 * `fn` may fill and return the `out` array it is given, to avoid allocating.
 * @example buildLut3d(33, (r, g, b) => [r, g * 0.5, b * 0.25])
 */
export function buildLut3d(size: number, fn: (r: number, g: number, b: number, out: Rgb) => Readonly<Rgb>, options: BuildLutOptions = {}): CubeLut {
  const [lo, hi] = LUT_3D_SIZE_RANGE;
  if (!Number.isInteger(size) || size < lo || size > hi) throw new RangeError(`3D LUT size ${size} is out of range; expected ${lo}..${hi}`);
  const domain = options.domain ?? unitDomain();
  const axis = (c: number, i: number) => domain.min[c] + ((domain.max[c] - domain.min[c]) * i) / (size - 1);
  const table = new Float64Array(size * size * size * 3);
  const out: Rgb = [0, 0, 0];
  let k = 0;
  for (let b = 0; b < size; b++)
    for (let g = 0; g < size; g++)
      for (let r = 0; r < size; r++) {
        const v = fn(axis(0, r), axis(1, g), axis(2, b), out);
        table[k++] = v[0];
        table[k++] = v[1];
        table[k++] = v[2];
      }
  return {
    title: options.title ?? null,
    comments: options.comments ?? [],
    lut1d: null,
    lut3d: { size, domain: { min: [...domain.min], max: [...domain.max] }, table },
    domainSyntax: 'domain',
  };
}

/**
 * The LUT that changes nothing.
 * @example identityLut(2).lut3d.table // [0,0,0, 1,0,0, 0,1,0, 1,1,0, 0,0,1, 1,0,1, 0,1,1, 1,1,1]
 */
export function identityLut(size = 33): CubeLut {
  return buildLut3d(size, (r, g, b, out) => {
    out[0] = r;
    out[1] = g;
    out[2] = b;
    return out;
  });
}
