import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitCopy } from './fit-copy';
import type { MeasureText } from './wrap-lines';

/** A monospace-like font: every character is 0.6 em wide. */
const mono: MeasureText = (line, size) => line.length * size * 0.6;

describe('fitCopy', () => {
  it('puts a short headline on one line at the largest size that fits', () => {
    const res = fitCopy({ text: 'Linen season', box: { width: 720, height: 200 }, measure: mono });
    expect(res).toMatchObject({ success: true, fontSize: 100, lines: ['Linen season'] });
  });

  it('breaks lines when that allows a larger size', () => {
    const res = fitCopy({ text: 'The new linen shirt is here', box: { width: 400, height: 400 }, measure: mono });
    expect(res.success && res.lines.length).toBeGreaterThan(1);
    if (!res.success) return;
    expect(res.fontSize).toBeGreaterThan(400 / (27 * 0.6));
    expect(fitCopy({ text: 'The new linen shirt is here', box: { width: 400, height: 400 }, measure: mono, minSize: res.fontSize + 1 }).success).toBe(false);
  });

  it('keeps explicit line breaks and respects maxLines', () => {
    const res = fitCopy({ text: 'SALE\nup to 50% off', box: { width: 500, height: 500 }, measure: mono, maxLines: 2 });
    expect(res).toMatchObject({ success: true, lines: ['SALE', 'up to 50% off'] });
  });

  it('splits a word only when nothing else fits, and says so', () => {
    const res = fitCopy({ text: 'Supercalifragilistic', box: { width: 60, height: 200 }, measure: mono, minSize: 10 });
    expect(res).toMatchObject({ success: true, brokeWords: true });
  });

  it('reports text that cannot fit at the minimum size', () => {
    expect(fitCopy({ text: 'a b c d e f g h', box: { width: 10, height: 10 }, measure: mono, minSize: 8 })).toMatchObject({ success: false, code: 'does_not_fit' });
    expect(fitCopy({ text: '  ', box: { width: 10, height: 10 }, measure: mono })).toMatchObject({ success: false, code: 'empty' });
  });

  it('never returns lines wider or taller than the box', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 12 }), fc.integer({ min: 40, max: 800 }), fc.integer({ min: 20, max: 600 }), (words, width, height) => {
        const res = fitCopy({ text: words.join(' '), box: { width, height }, measure: mono, minSize: 4 });
        if (!res.success) return;
        for (const line of res.lines) expect(mono(line, res.fontSize)).toBeLessThanOrEqual(width);
        expect(res.lines.length * res.fontSize * 1.2).toBeLessThanOrEqual(height + 1e-9);
        expect(res.lines.join(res.brokeWords ? '' : ' ').replace(/ /g, '')).toBe(words.join(''));
      }),
      { numRuns: 500 },
    );
  });
});
