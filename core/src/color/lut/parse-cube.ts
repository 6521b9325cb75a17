/**
 * Parses .cube LUT text as real files use it: Adobe/Iridas (`TITLE`, `LUT_1D_SIZE` 2..65536 or
 * `LUT_3D_SIZE` 2..256, per-channel `DOMAIN_MIN`/`DOMAIN_MAX`) and Resolve (`LUT_1D_INPUT_RANGE`,
 * `LUT_3D_INPUT_RANGE`, a 1D shaper before a 3D table in one file). Comments and blank lines anywhere,
 * CRLF or LF, keywords in any case, values outside 0..1. Red varies fastest. Written from the grammar
 * restated by OpenColorIO's and colour-science's readers; the first problem comes back with its line.
 */
import type { CubeIssue, CubeIssueCode } from './cube-issue';
import type { CubeLut, Lut1d, Lut3d, LutDomain, Rgb } from './cube-lut';

export type CubeParseResult = { success: true; lut: CubeLut; warnings: CubeIssue[] } | { success: false; issue: CubeIssue };

export const LUT_1D_SIZE_RANGE = [2, 65536] as const;
export const LUT_3D_SIZE_RANGE = [2, 256] as const;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const KEYWORDS = ['TITLE', 'LUT_1D_SIZE', 'LUT_3D_SIZE', 'DOMAIN_MIN', 'DOMAIN_MAX', 'LUT_1D_INPUT_RANGE', 'LUT_3D_INPUT_RANGE'] as const;
type Keyword = (typeof KEYWORDS)[number];

class Stop {
  constructor(readonly issue: CubeIssue) {}
}
const fail = (line: number, code: CubeIssueCode, message: string) => new Stop({ line, code, message });

/**
 * Parses the text of a .cube file.
 * @example parseCube('LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n1 1 1\n') // { success: true, lut: { lut3d: { size: 2, ... } } }
 */
export function parseCube(text: string): CubeParseResult {
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof Stop) return { success: false, issue: e.issue };
    throw e;
  }
}

function parse(text: string): CubeParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const seen = new Map<Keyword, { line: number; values: string[] }>();
  const comments: string[] = [];
  let expected = -1;
  let size1 = 0;
  let size3 = 0;
  let table1: Float64Array | null = null;
  let table3: Float64Array | null = null;
  let count = 0;
  let firstDataLine = 0;
  let lastDataLine = 0;

  for (let n = 1; n <= lines.length; n++) {
    const line = lines[n - 1].trim();
    if (line === '') continue;
    if (line[0] === '#') {
      comments.push(line.slice(1).trim());
      continue;
    }
    const tokens = line.split(/\s+/);
    if (!/^[A-Za-z]/.test(tokens[0])) {
      if (expected < 0) {
        if (!seen.has('LUT_1D_SIZE') && !seen.has('LUT_3D_SIZE')) throw fail(n, 'missing_size', 'table data before any LUT_1D_SIZE or LUT_3D_SIZE line; the size must come first');
        size1 = seen.has('LUT_1D_SIZE') ? readSize(seen.get('LUT_1D_SIZE')!, '1D') : 0;
        size3 = seen.has('LUT_3D_SIZE') ? readSize(seen.get('LUT_3D_SIZE')!, '3D') : 0;
        expected = size1 + size3 * size3 * size3;
        table1 = size1 ? new Float64Array(size1 * 3) : null;
        table3 = size3 ? new Float64Array(size3 * size3 * size3 * 3) : null;
        firstDataLine = n;
      }
      if (tokens.length !== 3) throw fail(n, 'bad_number', `expected 3 numbers (R G B), found ${tokens.length}: "${clip(line)}"`);
      if (count >= expected) throw fail(n, 'wrong_entry_count', `one entry too many: ${shapeText(size1, size3)} means ${expected} entries`);
      for (let c = 0; c < 3; c++) {
        const value = readNumber(tokens[c], n, `the ${'RGB'[c]} value of entry ${count + 1}`);
        if (count < size1) table1![count * 3 + c] = value;
        else table3![(count - size1) * 3 + c] = value;
      }
      count++;
      lastDataLine = n;
      continue;
    }
    const keyword = tokens[0].toUpperCase() as Keyword;
    if (!KEYWORDS.includes(keyword) && expected >= 0) throw fail(n, 'bad_number', `expected a table entry of 3 numbers (R G B), found "${clip(line)}"`);
    if (!KEYWORDS.includes(keyword)) throw fail(n, 'unknown_keyword', `unknown keyword "${clip(tokens[0])}"; expected one of ${KEYWORDS.join(', ')}, a comment (#) or table data`);
    if (expected >= 0) throw fail(n, 'keyword_after_data', `${keyword} after the table data began on line ${firstDataLine}; keywords belong before the table`);
    const before = seen.get(keyword);
    if (before) throw fail(n, 'duplicate_keyword', `${keyword} given twice (first on line ${before.line})`);
    const values = keyword === 'TITLE' ? [line.slice(tokens[0].length).trim()] : tokens.slice(1);
    seen.set(keyword, { line: n, values });
  }

  if (expected < 0) {
    if (!seen.has('LUT_1D_SIZE') && !seen.has('LUT_3D_SIZE')) throw fail(Math.max(1, lines.length), 'missing_size', 'no LUT_1D_SIZE or LUT_3D_SIZE line: this is not a .cube LUT');
    size1 = seen.has('LUT_1D_SIZE') ? readSize(seen.get('LUT_1D_SIZE')!, '1D') : 0;
    size3 = seen.has('LUT_3D_SIZE') ? readSize(seen.get('LUT_3D_SIZE')!, '3D') : 0;
    expected = size1 + size3 ** 3;
  }
  if (count < expected) {
    const where = lastDataLine || lines.length;
    throw fail(where, 'wrong_entry_count', `found ${count} table entries, expected ${expected} for ${shapeText(size1, size3)}; the table is truncated`);
  }

  const warnings: CubeIssue[] = [];
  const { domain1, domain3 } = readDomains(seen, size1 > 0, size3 > 0, warnings);
  const lut1d: Lut1d | null = table1 ? { size: size1, domain: domain1, table: table1 } : null;
  const lut3d: Lut3d | null = table3 ? { size: size3, domain: domain3, table: table3 } : null;
  const syntax = seen.has('LUT_1D_INPUT_RANGE') || seen.has('LUT_3D_INPUT_RANGE') ? 'input-range' : 'domain';
  return { success: true, lut: { title: readTitle(seen.get('TITLE')), comments, lut1d, lut3d, domainSyntax: syntax }, warnings };
}

function readDomains(seen: Map<Keyword, { line: number; values: string[] }>, has1: boolean, has3: boolean, warnings: CubeIssue[]) {
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

function readSize(entry: { line: number; values: string[] }, kind: '1D' | '3D'): number {
  const [lo, hi] = kind === '1D' ? LUT_1D_SIZE_RANGE : LUT_3D_SIZE_RANGE;
  const keyword = `LUT_${kind}_SIZE`;
  if (entry.values.length !== 1 || !/^\d+$/.test(entry.values[0])) {
    throw fail(entry.line, 'bad_keyword_value', `${keyword} needs one whole number, found "${clip(entry.values.join(' '))}"`);
  }
  const size = Number(entry.values[0]);
  if (size < lo || size > hi) throw fail(entry.line, 'size_out_of_range', `${keyword} ${size} is out of range; expected ${lo}..${hi}`);
  return size;
}

function readTriple(entry: { line: number; values: string[] }, keyword: string): Rgb {
  if (entry.values.length !== 3) throw fail(entry.line, 'bad_keyword_value', `${keyword} needs 3 numbers (R G B), found ${entry.values.length}`);
  return entry.values.map((v, c) => readNumber(v, entry.line, `${keyword} ${'RGB'[c]}`)) as Rgb;
}

function readRange(entry: { line: number; values: string[] }, keyword: string): LutDomain {
  if (entry.values.length !== 2) throw fail(entry.line, 'bad_keyword_value', `${keyword} needs 2 numbers (min max), found ${entry.values.length}`);
  const [lo, hi] = entry.values.map((v, i) => readNumber(v, entry.line, `${keyword} ${i ? 'max' : 'min'}`));
  const domain: LutDomain = { min: [lo, lo, lo], max: [hi, hi, hi] };
  checkDomain(domain, entry.line);
  return domain;
}

function checkDomain(domain: LutDomain, line: number): void {
  for (let c = 0; c < 3; c++) {
    if (!(domain.max[c] > domain.min[c])) throw fail(line, 'bad_domain', `the ${'RGB'[c]} domain ${domain.min[c]}..${domain.max[c]} is empty; the maximum must be above the minimum`);
  }
}

function readNumber(token: string, line: number, what: string): number {
  const value = NUMBER.test(token) ? Number(token) : NaN;
  if (!Number.isFinite(value)) throw fail(line, 'bad_number', `${what} is "${clip(token)}", expected a number like 0.25 or -1.5e-3`);
  return value;
}

function readTitle(entry: { values: string[] } | undefined): string | null {
  if (!entry) return null;
  const raw = entry.values[0];
  return raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
}

function shapeText(size1: number, size3: number): string {
  const parts: string[] = [];
  if (size1) parts.push(`LUT_1D_SIZE ${size1}`);
  if (size3) parts.push(`LUT_3D_SIZE ${size3} (${size3}³ = ${size3 ** 3})`);
  return parts.join(' + ');
}

function unit(): LutDomain {
  return { min: [0, 0, 0], max: [1, 1, 1] };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
