import { describe, expect, it } from 'vitest';
import { maskOutlinePath } from './mask-outline';
import { createMask } from './mask';

describe('maskOutlinePath', () => {
  it('traces the border of a rectangle as four merged segments', () => {
    const m = createMask(10, 10);
    for (let y = 2; y < 5; y++) for (let x = 3; x < 8; x++) m.data[y * 10 + x] = 1;
    const out = maskOutlinePath(m, 100);
    expect(out.path).toBe('M3 2h5M3 5h5M3 2v3M8 2v3');
    expect([out.width, out.height]).toEqual([10, 10]);
  });

  it('reduces large masks to the cell budget', () => {
    const m = createMask(1000, 500);
    m.data.fill(1, 0, 1000 * 250);
    const out = maskOutlinePath(m, 100);
    expect(out.width).toBe(100);
    expect(out.height).toBe(50);
    expect(out.path).toBe('M0 0h100M0 25h100M0 0v25M100 0v25');
  });
});
