// QC against ground truth on real photos: variants of samples/photos whose truth is known by
// construction (server/test-support/qc-truth), a few per class at 600 px, each expected to get the
// verdict its truths and the lock's thresholds give, and to read the swatch within 1 ΔE00 of truth.
// The full suite (about 375 variants) is `npm run bench -- qc-accuracy`.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TruthClass } from '../../../test-support/qc-truth/truth-variants';
import type { TruthScore } from '../../../test-support/qc-truth/score-truth-variant';
import { scoreHeldVariants } from '../../../test-support/qc-truth/score-held-variants';

const SIZE = 600;
const BASES = ['solidus-hoodie-blue-white-bg', 'solidus-hoodie-red-cutout', 'solidus-womens-tee-white-on-white'];
/** The variants held per class (labels as truth-variants.ts writes them). */
const HELD: Record<TruthClass, RegExp> = {
  original: /^unmodified$/,
  'delta-e': /^ΔE00 (1|3\.5|7)$/,
  exposure: /^(-1|-1\.5|\+0\.45) EV$/,
  hotspot: /^clipped hotspot (3\.0|8\.0)%/,
  cast: /^backdrop cast/,
  'busy-backdrop': /^busy backdrop$/,
  blur: /^Gaussian blur σ (1\.6|3\.5)/,
  jpeg: /^JPEG quality 20$/,
  print: /print|logo/,
};

let scores: TruthScore[] = [];

beforeAll(async () => {
  scores = await scoreHeldVariants(BASES, (cls, label) => HELD[cls].test(label), { size: SIZE, busyBackdrops: true });
}, 600_000);

describe('QC verdicts against ground truth on real photos', () => {
  it.each(Object.keys(HELD) as TruthClass[])('%s: every held variant gets the verdict its truth deserves', (cls) => {
    // A 3% hotspot is held by the white-tee test below: on the blue hoodie QC also counts clipping the
    // photo already had, which the truth takes as approved (a known disagreement, docs/qc.md).
    const held = scores.filter((s) => s.variant.cls === cls && !s.variant.label.startsWith('clipped hotspot 3.0%'));
    expect(held.length).toBeGreaterThan(0);
    const wrong = held.filter((s) => s.verdict !== s.expected).map((s) => `${s.variant.base}, ${s.variant.label}: expected ${s.expected} (${s.reasons.join(', ') || 'no defect'}), got ${s.verdict}: ${s.failing.join(' | ')}`);
    expect(wrong).toEqual([]);
  });

  it('reads the swatch within 1 ΔE00 of the truth on originals, recolours and prints', () => {
    const graded = scores.filter((s) => ['original', 'delta-e', 'print'].includes(s.variant.cls));
    const off = graded.filter((s) => s.deltaEError === null || Math.abs(s.deltaEError) > 1).map((s) => `${s.variant.base}, ${s.variant.label}: true ${s.variant.truth.deltaE.toFixed(2)}, read ${s.measuredDeltaE?.toFixed(2) ?? 'nothing'}`);
    expect(off).toEqual([]);
  });

  it('catches a clipped interior hotspot of 3% of the garment on a white tee on white', () => {
    const spot = scores.find((s) => s.variant.base === 'solidus-womens-tee-white-on-white' && s.variant.label.startsWith('clipped hotspot 3.0%'))!;
    const clip = spot.findings.find((f) => f.check === 'highlight-clip')!;
    expect(clip.severity).not.toBe('pass');
    expect(clip.measured as number).toBeGreaterThan(2.5);
  });
});
