/**
 * Tetrahedral raster kernels: one pass over interleaved RGBA pixels [start, end) with the per-channel
 * cell offsets and fractions of a PreparedLut, no allocation per pixel. The 8- and 16-bit loops are
 * written out separately so each stays monomorphic for the JIT. The 8-bit one writes through a
 * Uint8ClampedArray, which rounds and clamps on store; the 16-bit one rounds and clamps itself.
 */
import type { PreparedLut } from '../prepare-lut';

/** 8-bit RGBA through a prepared 3D LUT; `dst` may view the same memory as `src`. Alpha is copied. */
export function tetrahedral8(src: Uint8Array | Uint8ClampedArray, dst: Uint8ClampedArray, lut: PreparedLut, start: number, end: number): void {
  const grid = lut.grid!;
  const [ro, go, bo] = lut.offsets;
  const [rf, gf, bf] = lut.fractions;
  const dr = 3;
  const dg = 3 * lut.size;
  const db = dg * lut.size;
  const d111 = dr + dg + db;
  for (let i = start * 4, n = end * 4; i < n; i += 4) {
    const r = src[i];
    const g = src[i + 1];
    const b = src[i + 2];
    const fr = rf[r];
    const fg = gf[g];
    const fb = bf[b];
    const c0 = ro[r] + go[g] + bo[b];
    let c1 = 0, c2 = 0, w1 = 0, w2 = 0, w3 = 0;
    if (fr > fg) {
      if (fg > fb) { c1 = c0 + dr; c2 = c1 + dg; w1 = fr; w2 = fg; w3 = fb; }
      else if (fr > fb) { c1 = c0 + dr; c2 = c1 + db; w1 = fr; w2 = fb; w3 = fg; }
      else { c1 = c0 + db; c2 = c1 + dr; w1 = fb; w2 = fr; w3 = fg; }
    } else if (fb > fg) { c1 = c0 + db; c2 = c1 + dg; w1 = fb; w2 = fg; w3 = fr; }
    else if (fb > fr) { c1 = c0 + dg; c2 = c1 + db; w1 = fg; w2 = fb; w3 = fr; }
    else { c1 = c0 + dg; c2 = c1 + dr; w1 = fg; w2 = fr; w3 = fb; }
    const c3 = c0 + d111;
    const a0 = 1 - w1, a1 = w1 - w2, a2 = w2 - w3;
    dst[i] = a0 * grid[c0] + a1 * grid[c1] + a2 * grid[c2] + w3 * grid[c3];
    dst[i + 1] = a0 * grid[c0 + 1] + a1 * grid[c1 + 1] + a2 * grid[c2 + 1] + w3 * grid[c3 + 1];
    dst[i + 2] = a0 * grid[c0 + 2] + a1 * grid[c1 + 2] + a2 * grid[c2 + 2] + w3 * grid[c3 + 2];
    dst[i + 3] = src[i + 3];
  }
}

/** 16-bit RGBA through a prepared 3D LUT; `dst` may be `src`. Alpha is copied. */
export function tetrahedral16(src: Uint16Array, dst: Uint16Array, lut: PreparedLut, start: number, end: number): void {
  const grid = lut.grid!;
  const [ro, go, bo] = lut.offsets;
  const [rf, gf, bf] = lut.fractions;
  const dr = 3;
  const dg = 3 * lut.size;
  const db = dg * lut.size;
  const d111 = dr + dg + db;
  for (let i = start * 4, n = end * 4; i < n; i += 4) {
    const r = src[i];
    const g = src[i + 1];
    const b = src[i + 2];
    const fr = rf[r];
    const fg = gf[g];
    const fb = bf[b];
    const c0 = ro[r] + go[g] + bo[b];
    let c1 = 0, c2 = 0, w1 = 0, w2 = 0, w3 = 0;
    if (fr > fg) {
      if (fg > fb) { c1 = c0 + dr; c2 = c1 + dg; w1 = fr; w2 = fg; w3 = fb; }
      else if (fr > fb) { c1 = c0 + dr; c2 = c1 + db; w1 = fr; w2 = fb; w3 = fg; }
      else { c1 = c0 + db; c2 = c1 + dr; w1 = fb; w2 = fr; w3 = fg; }
    } else if (fb > fg) { c1 = c0 + db; c2 = c1 + dg; w1 = fb; w2 = fg; w3 = fr; }
    else if (fb > fr) { c1 = c0 + dg; c2 = c1 + db; w1 = fg; w2 = fb; w3 = fr; }
    else { c1 = c0 + dg; c2 = c1 + dr; w1 = fg; w2 = fr; w3 = fb; }
    const c3 = c0 + d111;
    const a0 = 1 - w1, a1 = w1 - w2, a2 = w2 - w3;
    const vr = a0 * grid[c0] + a1 * grid[c1] + a2 * grid[c2] + w3 * grid[c3];
    const vg = a0 * grid[c0 + 1] + a1 * grid[c1 + 1] + a2 * grid[c2 + 1] + w3 * grid[c3 + 1];
    const vb = a0 * grid[c0 + 2] + a1 * grid[c1 + 2] + a2 * grid[c2 + 2] + w3 * grid[c3 + 2];
    dst[i] = vr <= 0 ? 0 : vr >= 65535 ? 65535 : vr + 0.5;
    dst[i + 1] = vg <= 0 ? 0 : vg >= 65535 ? 65535 : vg + 0.5;
    dst[i + 2] = vb <= 0 ? 0 : vb >= 65535 ? 65535 : vb + 0.5;
    dst[i + 3] = src[i + 3];
  }
}
