import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Palette } from '../brand/palette';
import { deltaE2000 } from './delta-e-2000';
import { nearestSwatch, rankSwatches } from './nearest-swatch';
import { resolveColor } from './resolve-color';

const palette = Palette.parse(JSON.parse(readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8')).palette);

describe('resolveColor', () => {
  it('reads hex, lab() and swatch ids', () => {
    expect(resolveColor('#1f2a44', palette)).toMatchObject({ success: true, source: 'hex', hex: '#1f2a44', swatch: null });
    expect(resolveColor('lab(32 -22 10)', palette)).toMatchObject({ success: true, source: 'lab', lab: { l: 32, a: -22, b: 10 } });
    const ink = resolveColor('ink', palette);
    expect(ink).toMatchObject({ success: true, source: 'swatch', hex: '#1f2a44', swatch: { id: 'ink', name: 'Ink navy' } });
    const forest = resolveColor('forest', palette);
    expect(forest.success && forest.lab).toEqual({ l: 32, a: -22, b: 10 });
  });

  it('suggests the swatch meant by a typo, and explains plain nonsense', () => {
    expect(resolveColor('chocolat', palette)).toMatchObject({ success: false, message: expect.stringMatching(/"chocolat" is not a swatch .* did you mean "chocolate"\?/) });
    expect(resolveColor('rgb(1,2,3)', palette)).toMatchObject({ success: false, message: expect.stringMatching(/is not an sRGB hex colour .* or a swatch id/) });
    expect(resolveColor('ink')).toMatchObject({ success: false });
  });
});

describe('nearestSwatch', () => {
  it('finds the swatch a slightly-off colour belongs to, with its ΔE00 and tolerance', () => {
    const offInk = { l: 17.5, a: 2.2, b: -19 };
    const match = nearestSwatch(offInk, palette)!;
    expect(match.swatch.id).toBe('ink');
    expect(match.tolerance).toBe(2);
    const inkLab = resolveColor('ink', palette);
    expect(match.deltaE).toBeCloseTo(deltaE2000(offInk, inkLab.success ? inkLab.lab : offInk), 12);
    expect(match.withinTolerance).toBe(match.deltaE <= 2);
  });

  it('ranks every swatch and gives 0 for an exact swatch colour', () => {
    const poppy = resolveColor('lab(48.5 68 54.5)', palette);
    if (!poppy.success) throw new Error(poppy.message);
    const ranked = rankSwatches(poppy.lab, palette);
    expect(ranked).toHaveLength(palette.swatches.length);
    expect(ranked[0]).toMatchObject({ swatch: { id: 'poppy' }, deltaE: 0, withinTolerance: true });
    for (let i = 1; i < ranked.length; i++) expect(ranked[i].deltaE).toBeGreaterThanOrEqual(ranked[i - 1].deltaE);
    expect(nearestSwatch(poppy.lab, { defaultTolerance: 2.5, swatches: [] })).toBeNull();
  });
});
