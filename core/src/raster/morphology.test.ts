import { describe, expect, it } from 'vitest';
import { closeMask, dilateMask, erodeMask, openMask } from './morphology';
import { createMask, maskArea, type Mask } from './mask';

function square(size: number, x0: number, y0: number, side: number): Mask {
  const m = createMask(size, size);
  for (let y = y0; y < y0 + side; y++) for (let x = x0; x < x0 + side; x++) m.data[y * size + x] = 1;
  return m;
}

describe('binary morphology', () => {
  it('grows and shrinks a square by the radius, for small and large radii', () => {
    for (const r of [1, 3]) {
      expect(maskArea(dilateMask(square(40, 10, 10, 10), r))).toBe((10 + 2 * r) ** 2);
      expect(maskArea(erodeMask(square(40, 10, 10, 10), r))).toBe((10 - 2 * r) ** 2);
    }
  });

  it('keeps a subject touching the frame when eroding', () => {
    const m = square(20, 0, 0, 8);
    expect(maskArea(erodeMask(m, 1))).toBe(7 * 7);
  });

  it('opening removes specks, closing fills gaps', () => {
    const m = square(30, 5, 5, 10);
    m.data[25 * 30 + 25] = 1;
    expect(maskArea(openMask(m, 1))).toBe(100);
    const gap = square(30, 5, 5, 10);
    gap.data[10 * 30 + 10] = 0;
    expect(maskArea(closeMask(gap, 1))).toBe(100);
  });

  it('gives the same answer after other calls, and earlier results stay as they were (working planes are reused)', () => {
    // A frame-filling mask first, so the later, smaller calls share its planes.
    dilateMask(square(64, 0, 0, 64), 3);
    erodeMask(square(64, 0, 0, 64), 1);
    // Masks that fill most of their frame, so the whole frame is worked on (no window).
    const small = square(20, 2, 2, 15);
    const grown = dilateMask(small, 2);
    const shrunk = erodeMask(small, 1);
    const other = createMask(20, 20);
    for (let i = 0; i < other.data.length; i += 3) other.data[i] = 1;
    dilateMask(other, 2);
    erodeMask(other, 1);
    expect(maskArea(grown)).toBe(19 * 19);
    expect(maskArea(shrunk)).toBe(13 * 13);
    expect(dilateMask(small, 2).data).toEqual(grown.data);
    expect(erodeMask(small, 1).data).toEqual(shrunk.data);
  });
});
