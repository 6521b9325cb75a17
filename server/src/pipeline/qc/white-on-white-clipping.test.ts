// Blown highlights on a white garment on white: the fabric round a clipped patch is nearly as bright
// as the patch (2 to 3 L* darker), so the patch's edge is neither a highlight's wide fall-off nor a
// print's step. Such patches are over-exposed fabric and count as clipping. Real photos from
// samples/photos (server/test-support/qc-truth): before, an 8% hotspot on a white tee read 3.3% and
// a white tee at +1 EV read 3.0%, both flagged where the truth rejects.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TruthScore } from '../../../test-support/qc-truth/score-truth-variant';
import { scoreHeldVariants } from '../../../test-support/qc-truth/score-held-variants';

const HELD: Record<string, string[]> = {
  'solidus-tee-white-on-white': ['unmodified', 'clipped hotspot 8.0% of the garment'],
  'solidus-womens-tee-white-on-white': ['unmodified', '+1 EV'],
};
let scores: TruthScore[] = [];

beforeAll(async () => {
  scores = await scoreHeldVariants(Object.keys(HELD), (_cls, label, base) => HELD[base].includes(label));
}, 300_000);

describe('clipping on white garments on white', () => {
  it('rejects a blown white tee, and passes the same tees as shot', () => {
    expect(scores).toHaveLength(4);
    for (const s of scores) {
      const clip = s.findings.find((f) => f.check === 'highlight-clip')!;
      if (s.variant.cls === 'original') expect([s.variant.base, s.verdict]).toEqual([s.variant.base, 'pass']);
      else expect([s.variant.base, s.variant.label, clip.severity]).toEqual([s.variant.base, s.variant.label, 'reject']);
    }
  });
});
