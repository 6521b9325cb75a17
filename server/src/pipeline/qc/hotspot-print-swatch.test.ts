// A hotspot's glow runs through every lightness from the fabric's to white. On a black cap with a
// white logo that glow filled the gap in lightness that tells the logo from the fabric, so with a
// hotspot the logo was measured as fabric (and the report's mask no longer showed it left out): the
// cap's swatch read 1.2 ΔE00 off at 1024 px with the glow as the generator used to paint it. Real
// photo from samples/photos with a hotspot clipping 3% of the garment (server/test-support/qc-truth).
import { beforeAll, describe, expect, it } from 'vitest';
import { fabricMask, highlightGlow, prepareQcImage } from '@brandlock/core';
import type { TruthScore } from '../../../test-support/qc-truth/score-truth-variant';
import { scoreHeldVariants } from '../../../test-support/qc-truth/score-held-variants';
import { BACKDROP_RGB, TRUTH_BASES, loadTruthBase } from '../../../test-support/qc-truth/truth-bases';
import { truthReference } from '../../../test-support/qc-truth/truth-variants';
import { composite, paintHotspot } from '../../../test-support/qc-truth/variant-ops';

let scores: TruthScore[] = [];

beforeAll(async () => {
  scores = await scoreHeldVariants(['payload-cap-black-cutout'], (cls, label) => cls === 'original' || label.startsWith('clipped hotspot 3.0%'));
}, 300_000);

describe('a white logo on a black cap lit by a hotspot', () => {
  it('is left out of the fabric as it is without the hotspot, beyond the glow', async () => {
    const base = await loadTruthBase(TRUTH_BASES.find((b) => b.file.includes('payload-cap-black'))!, 600);
    const ref = truthReference(base)!;
    const spot = paintHotspot(base, base.garment, 0.03)!;
    const options = { subjectMask: { width: base.width, height: base.height, data: ref.mask }, matte: BACKDROP_RGB[base.spec.setting] };
    const prepare = (garment: Uint8Array) => prepareQcImage({ width: base.width, height: base.height, depth: 8, data: composite(base, garment, base.backdrop) }, options);
    const unlit = fabricMask(prepare(base.garment))!;
    const litImage = prepare(spot.garment);
    const lit = fabricMask(litImage)!;
    // Inside the glow a white logo and fabric lit nearly white are the same colour; both are in the
    // highlight's lobe, which the swatch leaves out. Beyond it the logo must stay out of the fabric.
    const glow = highlightGlow(litImage)!;
    expect(glow).not.toBeNull();
    // The logo: what the unlit photo's fabric mask leaves out (one region, light).
    const logo = unlit.excluded.data.map((v, i) => (v && !glow[i] ? 1 : 0));
    const logoPixels = logo.reduce((n, v) => n + v, 0);
    expect(unlit.regions.length).toBeGreaterThan(0);
    expect(unlit.regions[0].lab.l).toBeGreaterThan(70);
    let measuredAsFabric = 0;
    for (let i = 0; i < logo.length; i++) if (logo[i] && lit.mask.data[i]) measuredAsFabric++;
    expect(logoPixels).toBeGreaterThan(100);
    expect(measuredAsFabric / logoPixels).toBeLessThan(0.02);
    expect(lit.regions.some((r) => r.lab.l > 70)).toBe(true);
  });

  it('leaves the swatch within 0.5 ΔE00 of the truth, and the image is not passed', () => {
    const spot = scores.find((s) => s.variant.cls === 'hotspot');
    expect(spot).toBeDefined();
    expect(spot!.measuredDeltaE).not.toBeNull();
    expect(Math.abs(spot!.deltaEError!)).toBeLessThanOrEqual(0.5);
    // The truth sits on the reject line (ΔE00 3.05 at 600 px), so either grade is a fair call.
    expect(spot!.verdict).not.toBe('pass');
  });

  it('still reads the unmodified photo as its own swatch', () => {
    const original = scores.find((s) => s.variant.cls === 'original')!;
    expect(original.verdict).toBe('pass');
    expect(original.measuredDeltaE!).toBeLessThan(0.5);
  });
});
