/**
 * The box holding most of a weight map's mass: trims `trim` of the total from each side along each
 * axis (so specks of dust or a stray highlight do not stretch it), with the weighted centroid.
 */
import type { Box, FocalPoint } from '../crop/crop-types';

export function boxOfMass(weights: Float32Array, width: number, height: number, trim: number): { box: Box; centroid: FocalPoint } | null {
  const cols = new Float64Array(width);
  const rows = new Float64Array(height);
  let total = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const w = weights[i];
      if (w <= 0) continue;
      cols[x] += w;
      rows[y] += w;
      total += w;
      sx += w * (x + 0.5);
      sy += w * (y + 0.5);
    }
  }
  if (total <= 0) return null;
  const [x0, x1] = quantiles(cols, total * trim);
  const [y0, y1] = quantiles(rows, total * trim);
  return { box: { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 }, centroid: { x: sx / total, y: sy / total } };
}

/** First and last index where the running sum from that end exceeds `cut`. */
function quantiles(mass: Float64Array, cut: number): [number, number] {
  let lo = 0;
  for (let run = 0; lo < mass.length - 1; lo++) {
    run += mass[lo];
    if (run > cut) break;
  }
  let hi = mass.length - 1;
  for (let run = 0; hi > lo; hi--) {
    run += mass[hi];
    if (run > cut) break;
  }
  return [lo, hi];
}
