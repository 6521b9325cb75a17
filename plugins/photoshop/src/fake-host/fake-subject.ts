/**
 * The fake's stand-in for Photoshop's Select Subject model: on a studio image it marks as subject
 * every pixel that differs clearly from the median border colour. Good enough to drive the Cleanup
 * flow in tests on synthetic studio shots; it is not, and does not claim to be, Photoshop's model.
 */
import type { Raster } from '@brandlock/core/raster';

export function fakeSubjectMask(r: Raster): Uint8Array {
  const { width, height, data } = r;
  const max = r.depth === 8 ? 255 : 65535;
  const border: number[][] = [[], [], []];
  const push = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    for (let c = 0; c < 3; c++) border[c].push(data[i + c]);
  };
  for (let x = 0; x < width; x++) {
    push(x, 0);
    push(x, height - 1);
  }
  for (let y = 1; y < height - 1; y++) {
    push(0, y);
    push(width - 1, y);
  }
  const median = border.map((v) => v.sort((a, b) => a - b)[v.length >> 1]);
  const threshold = max * 0.12;
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) {
    const d = Math.max(...[0, 1, 2].map((c) => Math.abs(data[i * 4 + c] - median[c])));
    mask[i] = d > threshold && data[i * 4 + 3] > 0 ? 255 : 0;
  }
  return mask;
}
