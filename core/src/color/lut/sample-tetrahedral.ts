/**
 * Tetrahedral interpolation of a 3D LUT at one point: the cube cell is cut into six tetrahedra along
 * its neutral diagonal; the one holding the point is picked by ordering the fractions, and its four
 * corners are blended (Kasson et al. 1993, as in FFmpeg's lut3d and the Truelight note FL-TL-TN-0057).
 * No allocation, so it can run per pixel.
 */
import type { LutSampler } from './lut-interpolation';

/**
 * Samples a red-fastest grid at grid coordinates x (red), y (green), z (blue).
 * @example const out = [0, 0, 0]; sampleTetrahedral(identity2.table, 2, 0.5, 0.25, 0, out, 0) // out = [0.5, 0.25, 0]
 */
export const sampleTetrahedral: LutSampler = (table, size, x, y, z, out, at) => {
  const top = size - 1;
  const cx = x < 0 ? 0 : x > top ? top : x;
  const cy = y < 0 ? 0 : y > top ? top : y;
  const cz = z < 0 ? 0 : z > top ? top : z;
  const ri = Math.min(Math.floor(cx), size - 2);
  const gi = Math.min(Math.floor(cy), size - 2);
  const bi = Math.min(Math.floor(cz), size - 2);
  const fr = cx - ri;
  const fg = cy - gi;
  const fb = cz - bi;
  const dr = 3;
  const dg = 3 * size;
  const db = 3 * size * size;
  const c000 = ri * dr + gi * dg + bi * db;
  const c111 = c000 + dr + dg + db;
  let c1 = 0, c2 = 0, w1 = 0, w2 = 0, w3 = 0;
  if (fr > fg) {
    if (fg > fb) { c1 = c000 + dr; c2 = c1 + dg; w1 = fr; w2 = fg; w3 = fb; }
    else if (fr > fb) { c1 = c000 + dr; c2 = c1 + db; w1 = fr; w2 = fb; w3 = fg; }
    else { c1 = c000 + db; c2 = c1 + dr; w1 = fb; w2 = fr; w3 = fg; }
  } else if (fb > fg) { c1 = c000 + db; c2 = c1 + dg; w1 = fb; w2 = fg; w3 = fr; }
  else if (fb > fr) { c1 = c000 + dg; c2 = c1 + db; w1 = fg; w2 = fb; w3 = fr; }
  else { c1 = c000 + dg; c2 = c1 + dr; w1 = fg; w2 = fr; w3 = fb; }
  for (let c = 0; c < 3; c++) {
    out[at + c] = (1 - w1) * table[c000 + c] + (w1 - w2) * table[c1 + c] + (w2 - w3) * table[c2 + c] + w3 * table[c111 + c];
  }
};
