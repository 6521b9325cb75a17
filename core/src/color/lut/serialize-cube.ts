/**
 * Writes a CubeLut back to .cube text that parseCube reads to the same tables: title, comments, sizes,
 * domains in the syntax the LUT came with (DOMAIN_MIN/MAX or LUT_xD_INPUT_RANGE), then the tables with
 * red varying fastest. Numbers are written in the shortest form that reads back to the same value,
 * or with a fixed number of decimals when asked.
 */
import { isUnitDomain, type CubeLut, type LutDomain } from './cube-lut';

export interface SerializeCubeOptions {
  /** Fixed decimals for table values (e.g. 6). Default: the shortest exact form of each value. */
  decimals?: number;
  /** Line ending. Default "\n". */
  newline?: '\n' | '\r\n';
}

/**
 * .cube text for a LUT.
 * @example serializeCube(buildLut3d(2, (r, g, b) => [r, g, b])) // 'LUT_3D_SIZE 2\n\n0 0 0\n1 0 0\n...'
 */
export function serializeCube(lut: CubeLut, options: SerializeCubeOptions = {}): string {
  const { lut1d, lut3d } = lut;
  if (!lut1d && !lut3d) throw new RangeError('a LUT needs a 1D or a 3D table');
  const num = options.decimals === undefined ? shortest : (v: number) => fixed(v, options.decimals!);
  const out: string[] = [];
  if (lut.title !== null) out.push(`TITLE "${lut.title.replace(/["\r\n]/g, "'")}"`);
  for (const comment of lut.comments) out.push(`# ${comment.replace(/[\r\n]+/g, ' ')}`);
  const both = Boolean(lut1d && lut3d);
  const rangeSyntax = both || (lut.domainSyntax === 'input-range' && isScalarDomain((lut1d ?? lut3d)!.domain));
  if (lut1d) {
    out.push(`LUT_1D_SIZE ${lut1d.size}`);
    if (rangeSyntax) out.push(...rangeLine('LUT_1D_INPUT_RANGE', lut1d.domain, num));
  }
  if (lut3d) {
    out.push(`LUT_3D_SIZE ${lut3d.size}`);
    if (rangeSyntax) out.push(...rangeLine('LUT_3D_INPUT_RANGE', lut3d.domain, num));
  }
  if (!rangeSyntax) {
    const domain = (lut1d ?? lut3d)!.domain;
    if (!isUnitDomain(domain)) out.push(`DOMAIN_MIN ${domain.min.map(num).join(' ')}`, `DOMAIN_MAX ${domain.max.map(num).join(' ')}`);
  }
  for (const table of [lut1d?.table, lut3d?.table]) {
    if (!table) continue;
    out.push('');
    for (let i = 0; i < table.length; i += 3) out.push(`${num(table[i])} ${num(table[i + 1])} ${num(table[i + 2])}`);
  }
  const newline = options.newline ?? '\n';
  return out.join(newline) + newline;
}

function rangeLine(keyword: string, domain: LutDomain, num: (v: number) => string): string[] {
  if (!isScalarDomain(domain)) throw new RangeError(`${keyword} cannot hold a per-channel domain (${domain.min.join(',')} .. ${domain.max.join(',')})`);
  return isUnitDomain(domain) ? [] : [`${keyword} ${num(domain.min[0])} ${num(domain.max[0])}`];
}

function isScalarDomain(domain: LutDomain): boolean {
  return domain.min.every((v) => v === domain.min[0]) && domain.max.every((v) => v === domain.max[0]);
}

/** The shortest decimal (at most 17 significant digits) that parses back to exactly `v`, never in exponent form. */
function shortest(v: number): string {
  if (v === 0) return '0';
  const s = String(v);
  if (!/e/i.test(s)) return s;
  const digits = Math.min(100, Math.max(0, -Math.floor(Math.log10(Math.abs(v))) + 17));
  return trimZeros(v.toFixed(digits));
}

function fixed(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
