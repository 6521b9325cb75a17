/**
 * Parses .cube LUT text as real files use it: Adobe/Iridas (`TITLE`, `LUT_1D_SIZE` 2..65536 or
 * `LUT_3D_SIZE` 2..256, per-channel `DOMAIN_MIN`/`DOMAIN_MAX`) and Resolve (`LUT_1D_INPUT_RANGE`,
 * `LUT_3D_INPUT_RANGE`, a 1D shaper before a 3D table in one file). Comments and blank lines anywhere,
 * CRLF or LF, keywords in any case, values outside 0..1. Red varies fastest. Written from the grammar
 * restated by OpenColorIO's and colour-science's readers; the first problem comes back with its line.
 */
import type { CubeIssue } from './cube-issue';
import type { CubeLut, Lut1d, Lut3d } from './cube-lut';
import { clip, CubeStop, fail, readDomains, readNumber, readRange, readSize, readTitle, readTriple, shapeText, type KeywordEntry } from './private/cube-fields';

export type CubeParseResult = { success: true; lut: CubeLut; warnings: CubeIssue[] } | { success: false; issue: CubeIssue };

export { LUT_1D_SIZE_RANGE, LUT_3D_SIZE_RANGE } from './private/cube-fields';

const KEYWORDS = ['TITLE', 'LUT_1D_SIZE', 'LUT_3D_SIZE', 'DOMAIN_MIN', 'DOMAIN_MAX', 'LUT_1D_INPUT_RANGE', 'LUT_3D_INPUT_RANGE'] as const;
type Keyword = (typeof KEYWORDS)[number];

/**
 * Parses the text of a .cube file.
 * @example parseCube('LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n1 1 1\n') // { success: true, lut: { lut3d: { size: 2, ... } } }
 */
export function parseCube(text: string): CubeParseResult {
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof CubeStop) return { success: false, issue: e.issue };
    throw e;
  }
}

function parse(text: string): CubeParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const seen = new Map<string, KeywordEntry>();
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
        // The tables are made only when the lines left can fill them: a few bytes declaring
        // LUT_3D_SIZE 256 would otherwise take 400 MB before the truncation is found.
        const fits = expected <= lines.length - n + 1;
        table1 = fits && size1 ? new Float64Array(size1 * 3) : null;
        table3 = fits && size3 ? new Float64Array(size3 * size3 * size3 * 3) : null;
        firstDataLine = n;
      }
      if (tokens.length !== 3) throw fail(n, 'bad_number', `expected 3 numbers (R G B), found ${tokens.length}: "${clip(line)}"`);
      if (count >= expected) throw fail(n, 'wrong_entry_count', `one entry too many: ${shapeText(size1, size3)} means ${expected} entries`);
      for (let c = 0; c < 3; c++) {
        const value = readNumber(tokens[c], n, `the ${'RGB'[c]} value of entry ${count + 1}`);
        if (count < size1) {
          if (table1) table1[count * 3 + c] = value;
        } else if (table3) table3[(count - size1) * 3 + c] = value;
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
    const entry = { line: n, values: keyword === 'TITLE' ? [line.slice(tokens[0].length).trim()] : tokens.slice(1) };
    checkKeyword(keyword, entry);
    seen.set(keyword, entry);
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

/** Reads a keyword's values as soon as its line is seen, so the first problem in the file is the one reported. */
function checkKeyword(keyword: Keyword, entry: KeywordEntry): void {
  if (keyword === 'LUT_1D_SIZE') readSize(entry, '1D');
  else if (keyword === 'LUT_3D_SIZE') readSize(entry, '3D');
  else if (keyword === 'DOMAIN_MIN' || keyword === 'DOMAIN_MAX') readTriple(entry, keyword);
  else if (keyword === 'LUT_1D_INPUT_RANGE' || keyword === 'LUT_3D_INPUT_RANGE') readRange(entry, keyword);
}
