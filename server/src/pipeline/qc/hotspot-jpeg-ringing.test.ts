// A blown hotspot on a white tee, delivered as a JPEG: round the clipped plateau the JPEG leaves a
// dark ring one proxy pixel wide, with the lit fabric lighter again just beyond it. Taken for the
// bottom of the fall-off, that ring made the highlight's wide fade read as a print's edge, and the
// hotspot went uncounted: at 1024 px (the accuracy bench's size) a 5% and an 8% hotspot on a real
// white tee on white (samples/photos, server/test-support/qc-truth) read 0.4% and passed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TruthScore } from '../../../test-support/qc-truth/score-truth-variant';
import { scoreHeldVariants } from '../../../test-support/qc-truth/score-held-variants';

let scores: TruthScore[] = [];

beforeAll(async () => {
  const held = ['unmodified', 'clipped hotspot 5.0% of the garment', 'clipped hotspot 8.0% of the garment'];
  scores = await scoreHeldVariants(['solidus-womens-tee-white-on-white'], (_cls, label) => held.includes(label), { size: 1024 });
}, 300_000);

describe('a clipped hotspot on a white tee delivered as JPEG', () => {
  it('is counted and rejected, and the tee as shot passes', () => {
    expect(scores).toHaveLength(3);
    for (const s of scores) {
      const clip = s.findings.find((f) => f.check === 'highlight-clip')!;
      if (s.variant.cls === 'original') expect([s.variant.label, s.verdict]).toEqual(['unmodified', 'pass']);
      else {
        expect([s.variant.label, clip.severity]).toEqual([s.variant.label, 'reject']);
        expect(clip.measured as number).toBeGreaterThan(3);
      }
    }
  });
});
