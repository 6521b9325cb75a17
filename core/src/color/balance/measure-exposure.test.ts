import { describe, expect, it } from 'vitest';
import { createRaster, type Raster } from '../../raster/raster';
import { labToSrgb } from '../lab';
import { applyBalance } from './apply-curves';
import { exposureCorrection } from './balance-correction';
import { lightnessOfLuminance, luminanceOfLightness, measureExposure } from './measure-exposure';

/** A neutral subject whose L* varies around `meanL`, on a white backdrop the mask leaves out. */
function subject(meanL: number, depth: 8 | 16 = 8): { raster: Raster; mask: Uint8Array } {
  const w = 40, h = 40;
  const raster = createRaster(w, h, depth);
  const max = depth === 8 ? 255 : 65535;
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const inside = x >= 10 && x < 30 && y >= 5 && y < 35;
      const l = inside ? meanL + ((x - 19.5) / 10) * 8 : 100;
      const [r, g, b] = labToSrgb({ l, a: 0, b: 0 });
      const i = (y * w + x) * 4;
      raster.data[i] = Math.round(r * max);
      raster.data[i + 1] = Math.round(g * max);
      raster.data[i + 2] = Math.round(b * max);
      if (inside) mask[y * w + x] = 1;
    }
  return { raster, mask };
}

describe('measureExposure', () => {
  it('does not call a saturated colour clipped (one channel at 255), but does a blown white', () => {
    const raster = createRaster(10, 10, 8);
    for (let p = 0; p < 100; p++) {
      const i = p * 4;
      const blown = p < 10; // the first row is a blown highlight, the rest a saturated red garment
      raster.data[i] = 255;
      raster.data[i + 1] = blown ? 255 : 40;
      raster.data[i + 2] = blown ? 252 : 30;
    }
    const res = measureExposure(raster, { targetL: 50 });
    expect(res.success && res.exposure.highlightClip).toBeCloseTo(0.1, 6);
  });

  it('reads an under-exposed subject in stops against the preset target, and the correction lands on it', () => {
    const { raster, mask } = subject(40);
    const res = measureExposure(raster, { targetL: 50, mask });
    if (!res.success) throw new Error(res.message);
    expect(res.exposure.meanL).toBeCloseTo(40, 0);
    const expected = Math.log2(luminanceOfLightness(40) / luminanceOfLightness(50));
    expect(res.exposure.ev).toBeCloseTo(expected, 1);
    expect(res.exposure.ev).toBeLessThan(-0.6);
    expect(res.exposure.verdict).toBe('under');
    applyBalance(raster, exposureCorrection(res.exposure));
    const after = measureExposure(raster, { targetL: 50, mask });
    if (!after.success) throw new Error(after.message);
    expect(after.exposure.meanL).toBeCloseTo(50, 0);
    expect(after.exposure.verdict).toBe('on-target');
  });

  it('counts the white backdrop as clipped only when the mask includes it', () => {
    const { raster, mask } = subject(60);
    const subjectOnly = measureExposure(raster, { targetL: 60, mask });
    const whole = measureExposure(raster, { targetL: 60 });
    if (!subjectOnly.success || !whole.success) throw new Error('no measure');
    expect(subjectOnly.exposure.highlightClip).toBe(0);
    expect(whole.exposure.highlightClip).toBeCloseTo(1 - 600 / 1600, 5);
    expect(whole.exposure.verdict).toBe('over');
  });

  it('agrees between 8 and 16 bit', () => {
    const a = measureExposure(subject(45, 8).raster, { targetL: 55, mask: subject(45, 8).mask });
    const b = measureExposure(subject(45, 16).raster, { targetL: 55, mask: subject(45, 16).mask });
    if (!a.success || !b.success) throw new Error('no measure');
    expect(Math.abs(a.exposure.ev - b.exposure.ev)).toBeLessThan(0.01);
  });

  it('converts between L* and luminance both ways', () => {
    for (const l of [0.5, 5, 18, 50, 90, 100]) expect(lightnessOfLuminance(luminanceOfLightness(l))).toBeCloseTo(l, 9);
  });

  it('says so when nothing is left to measure', () => {
    const { raster } = subject(50);
    expect(measureExposure(raster, { targetL: 50, mask: new Uint8Array(1600) })).toMatchObject({ success: false, code: 'no_pixels' });
  });
});
