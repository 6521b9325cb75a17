// A light print on a black garment differs from the fabric in lightness alone: the blended pixels at
// its edges join the two colours along L*, as shading joins a fabric's lit and shaded parts. The
// print must still be left out of the fabric, or the garment reads lighter than it is and an
// approved cap is flagged for colour. Real photo: samples/photos' black cap with a 6% bar print.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Raster } from '@brandlock/core';
import { TRUTH_BASES, loadTruthBase } from '../../../test-support/qc-truth/truth-bases';
import { truthReference, variantsOf, type TruthReference } from '../../../test-support/qc-truth/truth-variants';
import { scoreTruthVariant, truthLock, type TruthScore } from '../../../test-support/qc-truth/score-truth-variant';

const scores: TruthScore[] = [];

beforeAll(async () => {
  const lock = truthLock(600);
  const base = await loadTruthBase(TRUTH_BASES.find((b) => b.file.includes('payload-cap-black-cutout'))!, 600);
  const ref = truthReference(base) as TruthReference;
  let original: Raster | undefined;
  for (const v of variantsOf(base, ref, null, (cls, label) => cls === 'original' || label === 'one-colour print 6%')) {
    const { decoded, ...s } = await scoreTruthVariant(v, ref, lock, original);
    if (v.cls === 'original') original = decoded;
    scores.push(s);
  }
}, 120_000);

describe('a light print on a black cap', () => {
  it('is left out of the fabric: the cap passes and its swatch reads within 1 ΔE00 of the truth', () => {
    const print = scores.find((s) => s.variant.cls === 'print')!;
    expect(print.failing).toEqual([]);
    expect(print.verdict).toBe('pass');
    expect(Math.abs(print.deltaEError!)).toBeLessThan(1);
  });
});
