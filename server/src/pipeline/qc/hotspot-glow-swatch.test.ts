// A blown hotspot on a dark garment lights far more fabric than it clips: its glow can cover most of
// the garment. The swatch must be read on the fabric the light reaches least (the quarter farthest
// from the highlight), not on the glow. Real photos from samples/photos with a hotspot clipping 8%
// of the garment (server/test-support/qc-truth); before the lobe was measured from the fabric's
// own fall-off, QC read these 6 to 9 ΔE00 off the truth; before the truth read that quarter as the
// lit image shows it (not the original's unlit pixels), the long-sleeve read 1.8 off.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TruthScore } from '../../../test-support/qc-truth/score-truth-variant';
import { scoreHeldVariants } from '../../../test-support/qc-truth/score-held-variants';

const BASES = ['solidus-longsleeve-black-white-bg', 'solidus-hoodie-black-cutout', 'solidus-longsleeve-red-cutout'];
let scores: TruthScore[] = [];

beforeAll(async () => {
  scores = await scoreHeldVariants(BASES, (cls, label) => cls === 'original' || label.startsWith('clipped hotspot 8.0%'));
}, 300_000);

describe('the swatch beside a hotspot whose glow lights most of the garment', () => {
  it('is read within 1 ΔE00 of the truth, and the image is still rejected for its clipping', () => {
    const spots = scores.filter((s) => s.variant.cls === 'hotspot');
    expect(spots).toHaveLength(BASES.length);
    const off = spots.filter((s) => s.deltaEError === null || Math.abs(s.deltaEError) > 1).map((s) => `${s.variant.base}: true ${s.variant.truth.deltaE.toFixed(2)}, read ${s.measuredDeltaE?.toFixed(2) ?? 'nothing'}`);
    expect(off).toEqual([]);
    for (const s of spots) expect(s.verdict).toBe('reject');
  });
});
