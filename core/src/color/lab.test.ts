import { describe, expect, it } from 'vitest';
import { converter } from 'culori';
import { labToSrgb, srgbToLab } from './lab';

const toLab65 = converter('lab65');

describe('sRGB <-> Lab D65', () => {
  it('maps white to L=100 and neutral', () => {
    const w = srgbToLab(1, 1, 1);
    expect(w.l).toBeCloseTo(100, 6);
    expect(Math.abs(w.a)).toBeLessThan(1e-6);
    expect(Math.abs(w.b)).toBeLessThan(1e-6);
  });

  it('agrees with culori lab65 across the cube', () => {
    for (let r = 0; r <= 1; r += 0.125)
      for (let g = 0; g <= 1; g += 0.125)
        for (let b = 0; b <= 1; b += 0.125) {
          const ours = srgbToLab(r, g, b);
          const ref = toLab65({ mode: 'rgb', r, g, b });
          expect(ours.l).toBeCloseTo(ref.l, 6);
          expect(ours.a).toBeCloseTo(ref.a, 6);
          expect(ours.b).toBeCloseTo(ref.b, 6);
        }
  });

  it('round-trips in gamut colours', () => {
    for (const rgb of [[0.2, 0.4, 0.6], [0.9, 0.1, 0.05], [0.5, 0.5, 0.5]] as [number, number, number][]) {
      const back = labToSrgb(srgbToLab(...rgb));
      back.forEach((v, i) => expect(v).toBeCloseTo(rgb[i], 9));
    }
  });
});
