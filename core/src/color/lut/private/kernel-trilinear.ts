/**
 * Trilinear raster kernels over interleaved RGB or RGBA pixels [start, end): the eight corners of the cell,
 * blended along red, then green, then blue (fractions from fixed point). Same structure and
 * storage rules as the tetrahedral ones.
 */
import { ONE, type PreparedLut } from '../prepare-lut';

const SCALE = 1 / ONE;

/** 8-bit RGB(A) through a prepared 3D LUT; `dst` may view the same memory as `src`. Alpha (the 4th channel) is copied. */
export function trilinear8(src: Uint8Array | Uint8ClampedArray, dst: Uint8ClampedArray, lut: PreparedLut, start: number, end: number, channels: 3 | 4 = 4): void {
  const grid = lut.grid!;
  const [ro, go, bo] = lut.offsets;
  const [rf, gf, bf] = lut.fractions;
  const dr = 3;
  const dg = 3 * lut.size;
  const db = dg * lut.size;
  for (let i = start * channels, n = end * channels; i < n; i += channels) {
    const r = src[i];
    const g = src[i + 1];
    const b = src[i + 2];
    const fr = rf[r] * SCALE;
    const fg = gf[g] * SCALE;
    const fb = bf[b] * SCALE;
    const base = ro[r] + go[g] + bo[b];
    for (let c = 0; c < 3; c++) {
      const k = base + c;
      const x00 = grid[k] + fr * (grid[k + dr] - grid[k]);
      const x10 = grid[k + dg] + fr * (grid[k + dg + dr] - grid[k + dg]);
      const x01 = grid[k + db] + fr * (grid[k + db + dr] - grid[k + db]);
      const x11 = grid[k + db + dg] + fr * (grid[k + db + dg + dr] - grid[k + db + dg]);
      const y0 = x00 + fg * (x10 - x00);
      dst[i + c] = y0 + fb * (x01 + fg * (x11 - x01) - y0);
    }
    if (channels === 4) dst[i + 3] = src[i + 3];
  }
}

/** 16-bit RGB(A) through a prepared 3D LUT; `dst` may be `src`. Alpha (the 4th channel) is copied. */
export function trilinear16(src: Uint16Array, dst: Uint16Array, lut: PreparedLut, start: number, end: number, channels: 3 | 4 = 4): void {
  const grid = lut.grid!;
  const [ro, go, bo] = lut.offsets;
  const [rf, gf, bf] = lut.fractions;
  const dr = 3;
  const dg = 3 * lut.size;
  const db = dg * lut.size;
  for (let i = start * channels, n = end * channels; i < n; i += channels) {
    const r = src[i];
    const g = src[i + 1];
    const b = src[i + 2];
    const fr = rf[r] * SCALE;
    const fg = gf[g] * SCALE;
    const fb = bf[b] * SCALE;
    const base = ro[r] + go[g] + bo[b];
    for (let c = 0; c < 3; c++) {
      const k = base + c;
      const x00 = grid[k] + fr * (grid[k + dr] - grid[k]);
      const x10 = grid[k + dg] + fr * (grid[k + dg + dr] - grid[k + dg]);
      const x01 = grid[k + db] + fr * (grid[k + db + dr] - grid[k + db]);
      const x11 = grid[k + db + dg] + fr * (grid[k + db + dg + dr] - grid[k + db + dg]);
      const y0 = x00 + fg * (x10 - x00);
      const v = y0 + fb * (x01 + fg * (x11 - x01) - y0);
      dst[i + c] = v <= 0 ? 0 : v >= 65535 ? 65535 : v + 0.5;
    }
    if (channels === 4) dst[i + 3] = src[i + 3];
  }
}
