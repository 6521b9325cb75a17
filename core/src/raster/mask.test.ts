import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskBox, type Box, type Mask } from './mask';

/** The box by definition: every pixel looked at, the extremes of the set ones kept. */
function referenceBox(mask: Mask): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      if (!mask.data[y * mask.width + x]) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

describe('maskBox', () => {
  it('finds the box of the set pixels, whatever their values, at the frame edges, in a single pixel or none', () => {
    const masks = fc
      .record({ width: fc.integer({ min: 1, max: 24 }), height: fc.integer({ min: 1, max: 24 }), density: fc.constantFrom(0, 0.002, 0.05, 0.5, 1), seed: fc.integer() })
      .map(({ width, height, density, seed }) => {
        let s = seed >>> 0;
        const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
        const data = new Uint8Array(width * height);
        // Values other than 1 count as set too (masks made by arithmetic, such as a count of layers).
        for (let i = 0; i < data.length; i++) data[i] = rand() < density ? 1 + Math.floor(rand() * 3) : 0;
        return { width, height, data };
      });
    fc.assert(
      fc.property(masks, (mask) => {
        expect(maskBox(mask)).toEqual(referenceBox(mask));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the one pixel of a mask with a single pixel in its last column and row', () => {
    const data = new Uint8Array(7 * 5);
    data[7 * 5 - 1] = 1;
    expect(maskBox({ width: 7, height: 5, data })).toEqual({ x: 6, y: 4, width: 1, height: 1 });
    expect(maskBox({ width: 7, height: 5, data: new Uint8Array(35) })).toBeNull();
  });
});
