import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitFontSize } from './fit-font-size';

/** A stand-in layout: `chars` characters of 0.5 em each, wrapped at the box width, 1.2 em lines. */
const layout = (chars: number, longestWord: number, width: number) => (size: number) => {
  const perLine = Math.max(1, Math.floor(width / (size * 0.5)));
  return { height: Math.ceil(chars / perLine) * size * 1.2, widestWord: longestWord * size * 0.5 };
};

describe('fitFontSize', () => {
  it('finds the largest half-point size that fits, in a handful of measurements', () => {
    const box = { width: 600, height: 200 };
    const measure = layout(40, 8, box.width);
    const r = fitFontSize(box, 12, 200, measure);
    expect(r.fits).toBe(true);
    const ok = (s: number) => measure(s).height <= box.height && measure(s).widestWord <= box.width;
    expect(ok(r.size)).toBe(true);
    expect(ok(r.size + 0.5)).toBe(false);
    expect(r.measurements).toBeLessThanOrEqual(12);
  });

  it('returns the maximum when everything fits, and the minimum flagged when nothing does', () => {
    expect(fitFontSize({ width: 1000, height: 1000 }, 10, 40, layout(3, 3, 1000))).toMatchObject({ size: 40, fits: true });
    expect(fitFontSize({ width: 100, height: 20 }, 10, 40, layout(500, 5, 100))).toMatchObject({ size: 10, fits: false });
  });

  it('never accepts a size where a single word is wider than the box', () => {
    const r = fitFontSize({ width: 300, height: 1000 }, 8, 100, layout(30, 30, 300));
    expect(r.measured.widestWord).toBeLessThanOrEqual(300);
    expect(r.size).toBe(20);
  });

  it('for any monotone layout, the answer fits and the next step does not', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 50, max: 2000 }), fc.integer({ min: 20, max: 800 }), (chars, word, width, height) => {
      const measure = layout(chars, word, width);
      const r = fitFontSize({ width, height }, 6, 160, measure);
      const ok = (s: number) => measure(s).height <= height + 0.01 && measure(s).widestWord <= width + 0.01;
      if (r.fits) {
        expect(ok(r.size)).toBe(true);
        if (r.size < 160) expect(ok(r.size + 0.5)).toBe(false);
      } else expect(ok(6)).toBe(false);
    }));
  });

  it('refuses an empty range', () => {
    expect(() => fitFontSize({ width: 1, height: 1 }, 20, 10, layout(1, 1, 1))).toThrow(/minSize <= maxSize/);
  });
});
