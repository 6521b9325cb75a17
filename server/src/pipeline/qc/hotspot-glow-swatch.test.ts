// A blown hotspot on a dark garment lights far more fabric than it clips: its glow can cover most of
// the garment. The swatch must be read on the fabric the light reaches least (the quarter farthest
// from the highlight), not on the glow. Real photos from samples/photos with a hotspot clipping 8%
// of the garment (server/test-support/qc-truth); before the lobe was measured from the fabric's
// own fall-off, QC read these 6 to 9 ΔE00 off the truth.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Raster } from '@brandlock/core';
import { TRUTH_BASES, loadTruthBase } from '../../../test-support/qc-truth/truth-bases';
import { truthReference, variantsOf, type TruthReference } from '../../../test-support/qc-truth/truth-variants';
import { scoreTruthVariant, truthLock, type TruthScore } from '../../../test-support/qc-truth/score-truth-variant';

const SIZE = 600;
const BASES = ['solidus-longsleeve-black-white-bg', 'solidus-hoodie-black-cutout', 'solidus-longsleeve-red-cutout'];
const scores: TruthScore[] = [];

beforeAll(async () => {
  const lock = truthLock(SIZE);
  for (const name of BASES) {
    const spec = TRUTH_BASES.find((b) => b.file.includes(name))!;
    const base = await loadTruthBase(spec, SIZE);
    const ref = truthReference(base) as TruthReference;
    let original: Raster | undefined;
    for (const v of variantsOf(base, ref, null, (cls, label) => cls === 'original' || label.startsWith('clipped hotspot 8.0%'))) {
      const { decoded, ...s } = await scoreTruthVariant(v, ref, lock, original);
      if (v.cls === 'original') original = decoded;
      scores.push(s);
    }
  }
}, 300_000);

describe('the swatch beside a hotspot whose glow lights most of the garment', () => {
  it('is read within 2 ΔE00 of the truth, and the image is still rejected for its clipping', () => {
    const spots = scores.filter((s) => s.variant.cls === 'hotspot');
    expect(spots).toHaveLength(BASES.length);
    const off = spots.filter((s) => s.deltaEError === null || Math.abs(s.deltaEError) > 2).map((s) => `${s.variant.base}: true ${s.variant.truth.deltaE.toFixed(2)}, read ${s.measuredDeltaE?.toFixed(2) ?? 'nothing'}`);
    expect(off).toEqual([]);
    for (const s of spots) expect(s.verdict).toBe('reject');
  });
});
