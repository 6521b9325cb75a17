/**
 * The in-memory form of a .cube LUT: an optional 1D table (the whole LUT, or a Resolve-style shaper in
 * front of a 3D table) and an optional 3D table, each with the input domain it covers. Tables hold
 * the file's numbers as written (Float64), red varying fastest, as in the file.
 */

export type Rgb = [number, number, number];

/** Input values mapped onto the first and last table entries, per channel. */
export interface LutDomain {
  min: Rgb;
  max: Rgb;
}

export interface Lut1d {
  size: number;
  domain: LutDomain;
  /** size entries of R, G, B. */
  table: Float64Array;
}

export interface Lut3d {
  size: number;
  domain: LutDomain;
  /** size³ entries of R, G, B; entry (r, g, b) is at 3 * (r + size * (g + size * b)). */
  table: Float64Array;
}

export interface CubeLut {
  title: string | null;
  comments: string[];
  /** The 1D table: the whole LUT when there is no 3D table, else a shaper applied before it. */
  lut1d: Lut1d | null;
  lut3d: Lut3d | null;
  /**
   * How the file stated domains: Adobe/Iridas `DOMAIN_MIN`/`DOMAIN_MAX` (per channel) or Resolve
   * `LUT_1D_INPUT_RANGE`/`LUT_3D_INPUT_RANGE` (one range for all channels). Serialising keeps it.
   */
  domainSyntax: 'domain' | 'input-range';
}

/**
 * The default domain, 0..1 on every channel.
 * @example unitDomain() // { min: [0, 0, 0], max: [1, 1, 1] }
 */
export function unitDomain(): LutDomain {
  return { min: [0, 0, 0], max: [1, 1, 1] };
}

/**
 * True when a domain is 0..1 on every channel.
 * @example isUnitDomain({ min: [0, 1, 0], max: [2, 2, 1] }) // false
 */
export function isUnitDomain(domain: LutDomain): boolean {
  return domain.min.every((v) => v === 0) && domain.max.every((v) => v === 1);
}

/**
 * The input domain of the whole LUT: the first table's.
 * @example lutInputDomain(parsedCube) // { min: [0, 0, 0], max: [1, 1, 1] }
 */
export function lutInputDomain(lut: CubeLut): LutDomain {
  const first = lut.lut1d ?? lut.lut3d;
  if (!first) throw new RangeError('a LUT needs a 1D or a 3D table');
  return first.domain;
}

/**
 * A short human description of the tables.
 * @example describeLutShape(resolveShaperLut) // "1D 6 shaper + 3D 3³"
 */
export function describeLutShape(lut: CubeLut): string {
  const parts: string[] = [];
  if (lut.lut1d) parts.push(`1D ${lut.lut1d.size}${lut.lut3d ? ' shaper' : ''}`);
  if (lut.lut3d) parts.push(`3D ${lut.lut3d.size}³`);
  return parts.join(' + ');
}
