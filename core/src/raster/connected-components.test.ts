import { describe, expect, it } from 'vitest';
import { fillHoles, labelComponents } from './connected-components';
import { createMask, maskArea } from './mask';

describe('connected components', () => {
  it('labels blobs with areas and boxes, largest first', () => {
    const m = createMask(12, 6);
    for (let y = 0; y < 3; y++) for (let x = 0; x < 4; x++) m.data[y * 12 + x] = 1;
    m.data[5 * 12 + 11] = 1;
    m.data[4 * 12 + 10] = 1;
    const { components, labels } = labelComponents(m);
    expect(components.map((c) => c.area)).toEqual([12, 2]);
    expect(components[0].box).toEqual({ x: 0, y: 0, width: 4, height: 3 });
    expect(components[1].touchesBorder).toBe(true);
    expect(labels[5 * 12 + 11]).toBe(labels[4 * 12 + 10]);
  });

  it('joins diagonal neighbours only with 8-connectivity', () => {
    const m = createMask(3, 3);
    m.data[0] = 1;
    m.data[4] = 1;
    expect(labelComponents(m, 8).components).toHaveLength(1);
    expect(labelComponents(m, 4).components).toHaveLength(2);
  });

  it('joins a U shape whose arms meet only at the bottom', () => {
    const m = createMask(5, 4);
    for (let y = 0; y < 4; y++) {
      m.data[y * 5] = 1;
      m.data[y * 5 + 4] = 1;
    }
    for (let x = 0; x < 5; x++) m.data[3 * 5 + x] = 1;
    expect(labelComponents(m).components).toHaveLength(1);
  });

  it('fills holes but not bays open to the border', () => {
    const ring = createMask(7, 7);
    for (let y = 1; y < 6; y++) for (let x = 1; x < 6; x++) ring.data[y * 7 + x] = y === 1 || y === 5 || x === 1 || x === 5 ? 1 : 0;
    expect(maskArea(fillHoles(ring))).toBe(25);
    ring.data[1 * 7 + 3] = 0;
    ring.data[2 * 7 + 3] = 0;
    ring.data[0 * 7 + 3] = 0;
    expect(maskArea(fillHoles(ring))).toBe(maskArea(ring));
  });
});
