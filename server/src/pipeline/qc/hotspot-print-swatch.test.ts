// A hotspot's glow runs through every lightness from the fabric's to white. On a black cap with a
// white logo that glow filled the gap in lightness that tells the logo from the fabric, so the logo
// was measured as fabric and the cap read 4.6 L* lighter than its swatch (ΔE00 3.44 against a true
// 2.26): rejected for colour where the truth flags it. Real photo from samples/photos with a hotspot
// clipping 3% of the garment (server/test-support/qc-truth).
import { beforeAll, describe, expect, it } from 'vitest';
import type { TruthScore } from '../../../test-support/qc-truth/score-truth-variant';
import { scoreHeldVariants } from '../../../test-support/qc-truth/score-held-variants';

let scores: TruthScore[] = [];

beforeAll(async () => {
  scores = await scoreHeldVariants(['payload-cap-black-cutout'], (cls, label) => cls === 'original' || label.startsWith('clipped hotspot 3.0%'));
}, 300_000);

describe('a white logo on a black cap lit by a hotspot', () => {
  it('is left out of the fabric, so the swatch is read within 0.5 ΔE00 of the truth and the verdict is the truth\'s', () => {
    const spot = scores.find((s) => s.variant.cls === 'hotspot');
    expect(spot).toBeDefined();
    expect(spot!.measuredDeltaE).not.toBeNull();
    expect(Math.abs(spot!.deltaEError!)).toBeLessThanOrEqual(0.5);
    expect(spot!.verdict).toBe(spot!.expected);
    expect(spot!.expected).toBe('flag');
  });

  it('still reads the unmodified photo as its own swatch', () => {
    const original = scores.find((s) => s.variant.cls === 'original')!;
    expect(original.verdict).toBe('pass');
    expect(original.measuredDeltaE!).toBeLessThan(0.5);
  });
});
