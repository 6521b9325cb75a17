/**
 * Tetrahedral interpolation of a 3D LUT at one point: the cube cell is cut into six tetrahedra along
 * its neutral diagonal; the one holding the point is picked by ordering the fractions, and its four
 * corners are blended (Kasson et al. 1993, as in FFmpeg's lut3d and the Truelight note FL-TL-TN-0057).
 */
import { gridCell, type LutSampler } from './lut-interpolation';

/**
 * Samples a red-fastest grid at grid coordinates x (red), y (green), z (blue).
 * @example const out = [0, 0, 0]; sampleTetrahedral(identity2.table, 2, 0.5, 0.25, 0, out, 0) // out = [0.5, 0.25, 0]
 */
export const sampleTetrahedral: LutSampler = (table, size, x, y, z, out, at) => {
  const [ri, fr] = gridCell(x, size);
  const [gi, fg] = gridCell(y, size);
  const [bi, fb] = gridCell(z, size);
  const dr = 3;
  const dg = 3 * size;
  const db = 3 * size * size;
  const c000 = ri * dr + gi * dg + bi * db;
  const c111 = c000 + dr + dg + db;
  let c1: number, c2: number, w1: number, w2: number, w3: number;
  if (fr > fg) {
    if (fg > fb) [c1, c2, w1, w2, w3] = [c000 + dr, c000 + dr + dg, fr, fg, fb];
    else if (fr > fb) [c1, c2, w1, w2, w3] = [c000 + dr, c000 + dr + db, fr, fb, fg];
    else [c1, c2, w1, w2, w3] = [c000 + db, c000 + dr + db, fb, fr, fg];
  } else if (fb > fg) [c1, c2, w1, w2, w3] = [c000 + db, c000 + dg + db, fb, fg, fr];
  else if (fb > fr) [c1, c2, w1, w2, w3] = [c000 + dg, c000 + dg + db, fg, fb, fr];
  else [c1, c2, w1, w2, w3] = [c000 + dg, c000 + dr + dg, fg, fr, fb];
  for (let c = 0; c < 3; c++) {
    out[at + c] = (1 - w1) * table[c000 + c] + (w1 - w2) * table[c1 + c] + (w2 - w3) * table[c2 + c] + w3 * table[c111 + c];
  }
};
