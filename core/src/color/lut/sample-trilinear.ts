/**
 * Trilinear interpolation of a 3D LUT at one point: the eight corners of the cell, blended along red,
 * then green, then blue (as FFmpeg's lut3d interp=trilinear and ImageMagick's hald-clut do).
 */
import { gridCell, type LutSampler } from './lut-interpolation';

/**
 * Samples a red-fastest grid at grid coordinates x (red), y (green), z (blue).
 * @example const out = [0, 0, 0]; sampleTrilinear(identity2.table, 2, 0.5, 0.25, 0, out, 0) // out = [0.5, 0.25, 0]
 */
export const sampleTrilinear: LutSampler = (table, size, x, y, z, out, at) => {
  const [ri, fr] = gridCell(x, size);
  const [gi, fg] = gridCell(y, size);
  const [bi, fb] = gridCell(z, size);
  const dr = 3;
  const dg = 3 * size;
  const db = 3 * size * size;
  const c000 = ri * dr + gi * dg + bi * db;
  for (let c = 0; c < 3; c++) {
    const i = c000 + c;
    const x00 = table[i] + fr * (table[i + dr] - table[i]);
    const x10 = table[i + dg] + fr * (table[i + dg + dr] - table[i + dg]);
    const x01 = table[i + db] + fr * (table[i + db + dr] - table[i + db]);
    const x11 = table[i + db + dg] + fr * (table[i + db + dg + dr] - table[i + db + dg]);
    const y0 = x00 + fg * (x10 - x00);
    const y1 = x01 + fg * (x11 - x01);
    out[at + c] = y0 + fb * (y1 - y0);
  }
};
