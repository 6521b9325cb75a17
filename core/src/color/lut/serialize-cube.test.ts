import { describe, expect, it } from 'vitest';
import { buildLut3d } from './build-lut';
import type { CubeLut } from './cube-lut';
import { parseCube } from './parse-cube';
import { serializeCube } from './serialize-cube';

const reparse = (text: string): CubeLut => {
  const res = parseCube(text);
  if (!res.success) throw new Error(res.issue.message);
  return res.lut;
};

describe('serializeCube', () => {
  it('writes title, comments, size and red-fastest rows', () => {
    const lut = buildLut3d(2, (r, g, b) => [r, g * 0.5, b * 0.25], { title: 'Half "green"', comments: ['made in a test'] });
    expect(serializeCube(lut)).toBe(
      ['TITLE "Half \'green\'"', '# made in a test', 'LUT_3D_SIZE 2', '', '0 0 0', '1 0 0', '0 0.5 0', '1 0.5 0', '0 0 0.25', '1 0 0.25', '0 0.5 0.25', '1 0.5 0.25', ''].join('\n'),
    );
  });

  it('writes fixed decimals, CRLF, and never an exponent', () => {
    const lut = buildLut3d(2, (r) => [r / 3, 1e-9, -0.0000001]);
    const fixed = serializeCube(lut, { decimals: 6, newline: '\r\n' });
    expect(fixed.split('\r\n')[3]).toBe('0.333333 0.000000 0.000000');
    const exact = serializeCube(lut);
    expect(exact).not.toMatch(/e-/);
    expect(reparse(exact).lut3d!.table).toEqual(lut.lut3d!.table);
  });

  it('keeps per-channel domains as DOMAIN_MIN/MAX and a shaper with INPUT_RANGE lines', () => {
    const domainLut = buildLut3d(2, (r, g, b) => [r, g, b], { domain: { min: [0, 1, -0.5], max: [2, 2, 1] } });
    const text = serializeCube(domainLut);
    expect(text).toContain('DOMAIN_MIN 0 1 -0.5\nDOMAIN_MAX 2 2 1\n');
    expect(reparse(text).lut3d!.domain).toEqual(domainLut.lut3d!.domain);

    const shaper: CubeLut = {
      title: null,
      comments: [],
      lut1d: { size: 2, domain: { min: [-1, -1, -1], max: [3, 3, 3] }, table: new Float64Array([0, 0, 0, 1, 1, 1]) },
      lut3d: buildLut3d(2, (r, g, b) => [r, g, b]).lut3d,
      domainSyntax: 'domain',
    };
    const shaperText = serializeCube(shaper);
    expect(shaperText).toContain('LUT_1D_SIZE 2\nLUT_1D_INPUT_RANGE -1 3\nLUT_3D_SIZE 2\n');
    expect(reparse(shaperText)).toMatchObject({ lut1d: { size: 2 }, lut3d: { size: 2 } });
    shaper.lut1d!.domain.min[1] = -2;
    expect(() => serializeCube(shaper)).toThrow(/cannot hold a per-channel domain/);
  });
});
