// A light print on a black garment differs from the fabric in lightness alone: the blended pixels at
// its edges join the two colours along L*, as shading joins a fabric's lit and shaded parts. The
// print must still be left out of the fabric, or the garment reads lighter than it is and an
// approved cap is flagged for colour. Real photo: samples/photos' black cap with a 6% bar print.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TruthScore } from '../../../test-support/qc-truth/score-truth-variant';
import { scoreHeldVariants } from '../../../test-support/qc-truth/score-held-variants';

let scores: TruthScore[] = [];

beforeAll(async () => {
  scores = await scoreHeldVariants(['payload-cap-black-cutout'], (cls, label) => cls === 'original' || label === 'one-colour print 6%');
}, 120_000);

describe('a light print on a black cap', () => {
  it('is left out of the fabric: the cap passes and its swatch reads within 1 ΔE00 of the truth', () => {
    const print = scores.find((s) => s.variant.cls === 'print')!;
    expect(print.failing).toEqual([]);
    expect(print.verdict).toBe('pass');
    expect(Math.abs(print.deltaEError!)).toBeLessThan(1);
  });
});
