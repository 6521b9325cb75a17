import { describe, expect, it } from 'vitest';
import { buildLut3d, identityLut } from './build-lut';
import type { CubeLut } from './cube-lut';
import { composeLuts, resampleLut } from './compose-luts';
import { evaluateLut } from './evaluate-lut';

const gain = buildLut3d(9, (r, g, b) => [r * 0.8, g, Math.min(1, b * 1.2)], { title: 'gain' });
const swap = buildLut3d(9, (r, g, b) => [g, b, r], { title: 'swap' });

describe('composeLuts', () => {
  it('applies the first LUT, then the second', () => {
    const both = composeLuts(gain, swap);
    expect(both.title).toBe('gain + swap');
    expect(both.lut3d?.size).toBe(9);
    const out = evaluateLut(both, [0.5, 0.25, 0.75]);
    [0.25, 0.9, 0.4].forEach((v, c) => expect(out[c]).toBeCloseTo(v, 9));
    const reversed = evaluateLut(composeLuts(swap, gain), [0.5, 0.25, 0.75]);
    [0.2, 0.75, 0.6].forEach((v, c) => expect(reversed[c]).toBeCloseTo(v, 9));
  });

  it('with the identity gives back the LUT at its grid points', () => {
    const same = composeLuts(gain, identityLut(5), { size: 9 });
    same.lut3d!.table.forEach((v, i) => expect(v).toBeCloseTo(gain.lut3d!.table[i], 12));
  });
});

describe('resampleLut', () => {
  it('turns a 1D LUT with a domain into a 3D table over the same domain', () => {
    const oneD: CubeLut = { title: 'curve', comments: [], lut1d: { size: 3, domain: { min: [0, 0, 0], max: [2, 2, 2] }, table: new Float64Array([0, 0, 0, 0.25, 0.5, 0.75, 1, 1, 1]) }, lut3d: null, domainSyntax: 'domain' };
    const cube = resampleLut(oneD, { size: 5 });
    expect(cube.lut3d?.domain).toEqual(oneD.lut1d!.domain);
    for (const x of [0, 0.5, 1, 1.5, 2]) {
      const a = evaluateLut(oneD, [x, x, x]);
      const b = evaluateLut(cube, [x, x, x]);
      a.forEach((v, c) => expect(b[c]).toBeCloseTo(v, 12));
    }
  });

  it('changes the grid size and stays close off the grid for a smooth LUT', () => {
    const smooth = buildLut3d(33, (r, g, b) => [Math.pow(r, 0.9), 0.1 + 0.8 * g, (b + r) / 2]);
    const small = resampleLut(smooth, { size: 17 });
    expect(small.lut3d?.size).toBe(17);
    for (const rgb of [[0.13, 0.77, 0.5], [0.9, 0.1, 0.33]] as [number, number, number][]) {
      const a = evaluateLut(smooth, rgb);
      const b = evaluateLut(small, rgb);
      a.forEach((v, c) => expect(Math.abs(b[c] - v)).toBeLessThan(2e-3));
    }
  });
});
