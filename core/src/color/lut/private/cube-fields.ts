/**
 * The pieces of .cube parsing that read one keyword's values (sizes, domains, ranges, numbers) and
 * the internal stop that carries the first problem out of the parse loop with its line.
 */
import type { CubeIssue, CubeIssueCode } from '../cube-issue';
import type { LutDomain, Rgb } from '../cube-lut';

export const LUT_1D_SIZE_RANGE = [2, 65536] as const;
export const LUT_3D_SIZE_RANGE = [2, 256] as const;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A keyword line as read: where it was and the words after the keyword. */
export interface KeywordEntry {
  line: number;
  values: string[];
}

/** Thrown inside the parser to stop at the first problem; parseCube turns it into a result. */
export class CubeStop {
  constructor(readonly issue: CubeIssue) {}
}

export const fail = (line: number, code: CubeIssueCode, message: string) => new CubeStop({ line, code, message });

export function readDomains(seen: Map<string, KeywordEntry>, has1: boolean, has3: boolean, warnings: CubeIssue[]) {
  let domain1 = unit();
  let domain3 = unit();
  const min = seen.get('DOMAIN_MIN');
  const max = seen.get('DOMAIN_MAX');
  const range1 = seen.get('LUT_1D_INPUT_RANGE');
  const range3 = seen.get('LUT_3D_INPUT_RANGE');
  if (min || max) {
    const at = (min ?? max)!.line;
    if (has1 && has3) throw fail(at, 'ambiguous_domain', 'DOMAIN_MIN/DOMAIN_MAX with both a 1D shaper and a 3D table is ambiguous; use LUT_1D_INPUT_RANGE and LUT_3D_INPUT_RANGE');
    const other = range1 ?? range3;
    if (other) throw fail(other.line, 'duplicate_keyword', `both DOMAIN_MIN/DOMAIN_MAX (line ${at}) and an INPUT_RANGE give the domain; use one`);
    const domain: LutDomain = { min: min ? readTriple(min, 'DOMAIN_MIN') : [0, 0, 0], max: max ? readTriple(max, 'DOMAIN_MAX') : [1, 1, 1] };
    checkDomain(domain, at);
    if (has1) domain1 = domain;
    else domain3 = domain;
  }
  if (range1) {
    const domain = readRange(range1, 'LUT_1D_INPUT_RANGE');
    if (has1) domain1 = domain;
    else if (!range3) {
      domain3 = domain;
      warnings.push({ line: range1.line, code: 'ambiguous_domain', message: 'LUT_1D_INPUT_RANGE in a file without a 1D table; applied to the 3D table' });
    } else throw fail(range1.line, 'ambiguous_domain', 'LUT_1D_INPUT_RANGE in a file without a 1D table');
  }
  if (range3) {
    const domain = readRange(range3, 'LUT_3D_INPUT_RANGE');
    if (has3) domain3 = domain;
    else if (!range1) {
      domain1 = domain;
      warnings.push({ line: range3.line, code: 'ambiguous_domain', message: 'LUT_3D_INPUT_RANGE in a file without a 3D table; applied to the 1D table' });
    } else throw fail(range3.line, 'ambiguous_domain', 'LUT_3D_INPUT_RANGE in a file without a 3D table');
  }
  return { domain1, domain3 };
}

export function readSize(entry: KeywordEntry, kind: '1D' | '3D'): number {
  const [lo, hi] = kind === '1D' ? LUT_1D_SIZE_RANGE : LUT_3D_SIZE_RANGE;
  const keyword = `LUT_${kind}_SIZE`;
  if (entry.values.length !== 1 || !/^\d+$/.test(entry.values[0])) {
    throw fail(entry.line, 'bad_keyword_value', `${keyword} needs one whole number, found "${clip(entry.values.join(' '))}"`);
  }
  const size = Number(entry.values[0]);
  if (size < lo || size > hi) throw fail(entry.line, 'size_out_of_range', `${keyword} ${size} is out of range; expected ${lo}..${hi}`);
  return size;
}

export function readTriple(entry: KeywordEntry, keyword: string): Rgb {
  if (entry.values.length !== 3) throw fail(entry.line, 'bad_keyword_value', `${keyword} needs 3 numbers (R G B), found ${entry.values.length}`);
  return entry.values.map((v, c) => readNumber(v, entry.line, `${keyword} ${'RGB'[c]}`)) as Rgb;
}

export function readRange(entry: KeywordEntry, keyword: string): LutDomain {
  if (entry.values.length !== 2) throw fail(entry.line, 'bad_keyword_value', `${keyword} needs 2 numbers (min max), found ${entry.values.length}`);
  const [lo, hi] = entry.values.map((v, i) => readNumber(v, entry.line, `${keyword} ${i ? 'max' : 'min'}`));
  const domain: LutDomain = { min: [lo, lo, lo], max: [hi, hi, hi] };
  checkDomain(domain, entry.line);
  return domain;
}

export function checkDomain(domain: LutDomain, line: number): void {
  for (let c = 0; c < 3; c++) {
    if (!(domain.max[c] > domain.min[c])) throw fail(line, 'bad_domain', `the ${'RGB'[c]} domain ${domain.min[c]}..${domain.max[c]} is empty; the maximum must be above the minimum`);
  }
}

export function readNumber(token: string, line: number, what: string): number {
  const value = NUMBER.test(token) ? Number(token) : NaN;
  if (!Number.isFinite(value)) throw fail(line, 'bad_number', `${what} is "${clip(token)}", expected a number like 0.25 or -1.5e-3`);
  return value;
}

export function readTitle(entry: { values: string[] } | undefined): string | null {
  if (!entry) return null;
  const raw = entry.values[0];
  return raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
}

export function shapeText(size1: number, size3: number): string {
  const parts: string[] = [];
  if (size1) parts.push(`LUT_1D_SIZE ${size1}`);
  if (size3) parts.push(`LUT_3D_SIZE ${size3} (${size3}³ = ${size3 ** 3})`);
  return parts.join(' + ');
}

function unit(): LutDomain {
  return { min: [0, 0, 0], max: [1, 1, 1] };
}

export function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
