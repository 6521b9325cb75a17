import { describe, expect, it } from 'vitest';
import { linearToSrgb, srgbToLinear } from '../lab';
import { curvePoints } from './correction-curves';
import { SHOULDER_START, shoulderEncode, softShoulderCurvePoints } from './soft-shoulder';

describe('soft-shoulder correction', () => {
  it('gives the exact gain below the shoulder and never reaches white before white', () => {
    expect(shoulderEncode(1.5, 0.4)).toBeCloseTo(linearToSrgb(srgbToLinear(0.4) * 1.5), 10);
    for (const gain of [1.2, 1.75, 3]) {
      let previous = -1;
      for (let v = 0; v <= 255; v++) {
        const y = shoulderEncode(gain, v / 255);
        expect(y).toBeGreaterThan(previous);
        if (v < 255) expect(y).toBeLessThan(1);
        previous = y;
      }
      expect(shoulderEncode(gain, 1)).toBeCloseTo(1, 12);
    }
  });

  it('keeps the slope continuous at the shoulder', () => {
    const gain = 1.75;
    const knee = linearToSrgb(SHOULDER_START / gain);
    const slope = (x: number) => (shoulderEncode(gain, x + 1e-6) - shoulderEncode(gain, x - 1e-6)) / 2e-6;
    expect(slope(knee + 1e-4)).toBeCloseTo(slope(knee - 1e-4), 2);
  });

  it('does not clip the studio sweep #f4f1ec at +0.81 EV the way a linear gain does', () => {
    const gain = 2 ** 0.81;
    const sweep = [0xf4, 0xf1, 0xec];
    const shoulder = sweep.map((v) => Math.round(shoulderEncode(gain, v / 255) * 255));
    expect(shoulder.every((v) => v < 255)).toBe(true);
    // Still a warm off-white, not a blown-out #ffffff.
    expect(shoulder[0]).toBeGreaterThan(shoulder[2]);
    const linear = curvePoints({ gains: [gain, gain, gain] }, 16).g;
    expect(linear.some(([i, o]) => i < 0xec && o === 255)).toBe(true);
  });

  it('gives at most 16 increasing points per channel, with white fixed where the gain brightens', () => {
    const pts = softShoulderCurvePoints({ gains: [1.9, 1.4, 0.8] });
    expect(pts.b.at(-1)).toEqual([255, Math.round(linearToSrgb(0.8) * 255)]);
    for (const ch of [pts.r, pts.g, pts.b]) {
      expect(ch.length).toBeLessThanOrEqual(16);
      if (ch !== pts.b) expect(ch.at(-1)).toEqual([255, 255]);
      expect(ch[0]).toEqual([0, 0]);
      for (let k = 1; k < ch.length; k++) {
        expect(ch[k][0]).toBeGreaterThan(ch[k - 1][0]);
        expect(ch[k][1]).toBeGreaterThanOrEqual(ch[k - 1][1]);
      }
    }
  });
});
