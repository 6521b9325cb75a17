import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCubeIssue } from './cube-issue';
import { parseCube } from './parse-cube';
import { parseCubeOrThrow } from './parse-cube-or-throw';

const read = (name: string) => readFileSync(new URL(`../../../test-fixtures/luts/malformed/${name}`, import.meta.url), 'utf8');

// file, line the error must point at, error code, words the message must contain
const corpus: [string, number, string, RegExp][] = [
  ['truncated-table.cube', 9, 'wrong_entry_count', /found 7 table entries, expected 8 .*LUT_3D_SIZE 2.*truncated/],
  ['truncated-last-line.cube', 9, 'bad_number', /expected 3 numbers \(R G B\), found 2: "1 1"/],
  ['one-entry-too-many.cube', 10, 'wrong_entry_count', /one entry too many: LUT_3D_SIZE 2 .* 8 entries/],
  ['bad-number-word.cube', 3, 'bad_number', /G value of entry 2 is "abc", expected a number/],
  ['bad-number-decimal-comma.cube', 3, 'bad_number', /R value of entry 2 is "0,5"/],
  ['bad-number-nan.cube', 3, 'bad_number', /"nan nan nan"/],
  ['bad-number-overflow.cube', 3, 'bad_number', /"1e999"/],
  ['size-1.cube', 2, 'size_out_of_range', /LUT_3D_SIZE 1 is out of range; expected 2\.\.256/],
  ['size-257.cube', 2, 'size_out_of_range', /LUT_3D_SIZE 257 is out of range; expected 2\.\.256/],
  ['size-1d-65537.cube', 1, 'size_out_of_range', /LUT_1D_SIZE 65537 is out of range; expected 2\.\.65536/],
  ['size-not-whole.cube', 1, 'bad_keyword_value', /LUT_3D_SIZE needs one whole number, found "2\.5"/],
  ['missing-size.cube', 3, 'missing_size', /table data before any LUT_1D_SIZE or LUT_3D_SIZE/],
  ['no-table.cube', 2, 'missing_size', /no LUT_1D_SIZE or LUT_3D_SIZE line/],
  ['duplicate-size.cube', 2, 'duplicate_keyword', /LUT_3D_SIZE given twice \(first on line 1\)/],
  ['duplicate-title.cube', 2, 'duplicate_keyword', /TITLE given twice \(first on line 1\)/],
  ['duplicate-domain.cube', 4, 'duplicate_keyword', /DOMAIN_MIN given twice \(first on line 2\)/],
  ['domain-two-values.cube', 2, 'bad_keyword_value', /DOMAIN_MIN needs 3 numbers \(R G B\), found 2/],
  ['domain-empty.cube', 2, 'bad_domain', /G domain 0\.5\.\.0\.5 is empty/],
  ['unknown-keyword.cube', 2, 'unknown_keyword', /unknown keyword "WRONG_TAG"/],
  ['keyword-after-data.cube', 10, 'keyword_after_data', /DOMAIN_MAX after the table data began on line 2/],
  ['domain-with-shaper.cube', 3, 'ambiguous_domain', /use LUT_1D_INPUT_RANGE and LUT_3D_INPUT_RANGE/],
  ['crlf-truncated.cube', 9, 'wrong_entry_count', /found 6 table entries, expected 8/],
];

describe('parseCube on a malformed corpus', () => {
  it.each(corpus)('%s: line %i, %s', (file, line, code, message) => {
    const res = parseCube(read(file));
    expect(res.success).toBe(false);
    if (res.success) return;
    expect(res.issue).toMatchObject({ line, code });
    expect(res.issue.message).toMatch(message);
  });

  it('names the file and line when thrown', () => {
    expect(() => parseCubeOrThrow(read('bad-number-word.cube'), 'grades/warm.cube')).toThrow(/^grades\/warm\.cube:3: the G value of entry 2 is "abc"/);
    expect(formatCubeIssue({ line: 4, code: 'bad_number', message: 'x' })).toBe('line 4: x');
  });

  it('counts lines the same with CR-only line endings', () => {
    const text = read('truncated-table.cube').replace(/\n/g, '\r');
    const res = parseCube(text);
    expect(!res.success && res.issue.line).toBe(9);
  });

  it('reports the earliest of several problems', () => {
    const res = parseCube('LUT_3D_SIZE 2\nDOMAIN_MIN 0 0\n0 0 0\nx 0 0\n');
    expect(!res.success && res.issue).toMatchObject({ line: 2, code: 'bad_keyword_value' });
  });

  it('does not take 400 MB for a few bytes that declare a 256³ table and hold one entry', () => {
    // An admin's upload (PUT /v1/luts) of 24 bytes; the truncation is reported as for any short table.
    const before = process.memoryUsage().arrayBuffers;
    const res = parseCube('LUT_3D_SIZE 256\n0 0 0\n');
    const grew = process.memoryUsage().arrayBuffers - before;
    expect(!res.success && res.issue).toMatchObject({ code: 'wrong_entry_count', message: expect.stringMatching(/found 1 table entries, expected 16777216/) });
    expect(grew).toBeLessThan(50 * 1024 * 1024);
  });

  it('does not allocate a table for an out-of-range size', () => {
    // 257³ entries would be 400 MB; the size check must come first
    const res = parseCube('LUT_3D_SIZE 4000\n0 0 0\n');
    expect(!res.success && res.issue.code).toBe('size_out_of_range');
  });
});
