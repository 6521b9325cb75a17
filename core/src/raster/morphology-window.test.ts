import { describe, expect, it } from 'vitest';
import { dilateMask, erodeMask } from './morphology';
import type { Mask } from './mask';

/** The textbook definitions, pixel by pixel over the whole frame (beyond the frame: unset for dilation, set for erosion). */
function reference(mask: Mask, r: number, erode: boolean): Uint8Array {
  const { width, height, data } = mask;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let hit = erode ? 1 : 0;
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          const u = x + dx;
          const v = y + dy;
          const inside = u >= 0 && v >= 0 && u < width && v < height;
          const value = inside ? data[v * width + u] : erode ? 1 : 0;
          if (erode) hit &= value;
          else hit |= value;
        }
      }
      out[y * width + x] = hit;
    }
  }
  return out;
}

function randomBlob(width: number, height: number, seed: number, box: { x: number; y: number; w: number; h: number }): Mask {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const data = new Uint8Array(width * height);
  for (let y = box.y; y < box.y + box.h; y++) for (let x = box.x; x < box.x + box.w; x++) data[y * width + x] = rand() < 0.7 ? 1 : 0;
  return { width, height, data };
}

describe('morphology on a subject smaller than the frame', () => {
  it('dilates and erodes exactly as over the whole frame, near the edges and in the middle, for radii 1 to 6', () => {
    const cases = [
      { x: 20, y: 15, w: 12, h: 9 },
      { x: 0, y: 0, w: 10, h: 7 },
      { x: 50, y: 33, w: 10, h: 7 },
      { x: 3, y: 30, w: 40, h: 10 },
      { x: 0, y: 0, w: 60, h: 40 },
    ];
    for (const [k, box] of cases.entries()) {
      const mask = randomBlob(60, 40, 7 + k, box);
      for (const r of [1, 2, 3, 6]) {
        expect(dilateMask(mask, r).data, `dilate r${r} case ${k}`).toEqual(reference(mask, r, false));
        expect(erodeMask(mask, r).data, `erode r${r} case ${k}`).toEqual(reference(mask, r, true));
      }
    }
    const empty = { width: 8, height: 5, data: new Uint8Array(40) };
    expect(dilateMask(empty, 2).data).toEqual(new Uint8Array(40));
    expect(erodeMask(empty, 2).data).toEqual(new Uint8Array(40));
  });
});
