/**
 * Tetrahedral raster kernels: one pass over interleaved RGB or RGBA pixels [start, end) with the per-channel
 * cell offsets and fixed-point fractions of a PreparedLut, no allocation per pixel.
 *
 * The tetrahedron holding a point runs c000 -> c000 + e(max) -> c111 - e(min) -> c111, where e(max) and
 * e(min) step along the axes with the largest and smallest fraction. Those axes are picked with sign
 * masks ((a - b) >> 31 is -1 when a < b) rather than if/else: on noisy photos the six-way branch is
 * unpredictable and mispredictions cost more than the arithmetic. Ties resolve max to red, green, blue
 * and min to blue, green, red, so the two axes always differ.
 *
 * The 8- and 16-bit loops are written out separately so each stays monomorphic for the JIT. The 8-bit
 * one writes through a Uint8ClampedArray, which rounds and clamps on store; the 16-bit one does both.
 */
import { ONE, type PreparedLut } from '../prepare-lut';

const SCALE = 1 / ONE;

/** 8-bit RGB(A) through a prepared 3D LUT; `dst` may view the same memory as `src`. Alpha (the 4th channel) is copied. */
export function tetrahedral8(src: Uint8Array | Uint8ClampedArray, dst: Uint8ClampedArray, lut: PreparedLut, start: number, end: number, channels: 3 | 4 = 4): void {
  const grid = lut.grid!;
  const [ro, go, bo] = lut.offsets;
  const [rf, gf, bf] = lut.fractions;
  const dr = 3;
  const dg = 3 * lut.size;
  const db = dg * lut.size;
  const d111 = dr + dg + db;
  for (let i = start * channels, n = end * channels; i < n; i += channels) {
    const r = src[i];
    const g = src[i + 1];
    const b = src[i + 2];
    const fr = rf[r];
    const fg = gf[g];
    const fb = bf[b];
    const c0 = ro[r] + go[g] + bo[b];
    const rLtG = (fr - fg) >> 31;
    const rLtB = (fr - fb) >> 31;
    const gLtB = (fg - fb) >> 31;
    const maxR = ~rLtG & ~rLtB;
    const maxG = ~maxR & ~gLtB;
    const maxB = ~maxR & ~maxG;
    const minB = ~gLtB & ~rLtB;
    const minG = ~minB & ~rLtG;
    const minR = ~minB & ~minG;
    const wMax = (maxR & fr) | (maxG & fg) | (maxB & fb);
    const wMin = (minR & fr) | (minG & fg) | (minB & fb);
    const c1 = c0 + ((maxR & dr) | (maxG & dg) | (maxB & db));
    const c3 = c0 + d111;
    const c2 = c3 - ((minR & dr) | (minG & dg) | (minB & db));
    const w1 = wMax * SCALE;
    const w2 = (fr + fg + fb - wMax - wMin) * SCALE;
    const w3 = wMin * SCALE;
    const a0 = 1 - w1, a1 = w1 - w2, a2 = w2 - w3;
    dst[i] = a0 * grid[c0] + a1 * grid[c1] + a2 * grid[c2] + w3 * grid[c3];
    dst[i + 1] = a0 * grid[c0 + 1] + a1 * grid[c1 + 1] + a2 * grid[c2 + 1] + w3 * grid[c3 + 1];
    dst[i + 2] = a0 * grid[c0 + 2] + a1 * grid[c1 + 2] + a2 * grid[c2 + 2] + w3 * grid[c3 + 2];
    if (channels === 4) dst[i + 3] = src[i + 3];
  }
}

/** 16-bit RGB(A) through a prepared 3D LUT; `dst` may be `src`. Alpha (the 4th channel) is copied. */
export function tetrahedral16(src: Uint16Array, dst: Uint16Array, lut: PreparedLut, start: number, end: number, channels: 3 | 4 = 4): void {
  const grid = lut.grid!;
  const [ro, go, bo] = lut.offsets;
  const [rf, gf, bf] = lut.fractions;
  const dr = 3;
  const dg = 3 * lut.size;
  const db = dg * lut.size;
  const d111 = dr + dg + db;
  for (let i = start * channels, n = end * channels; i < n; i += channels) {
    const r = src[i];
    const g = src[i + 1];
    const b = src[i + 2];
    const fr = rf[r];
    const fg = gf[g];
    const fb = bf[b];
    const c0 = ro[r] + go[g] + bo[b];
    const rLtG = (fr - fg) >> 31;
    const rLtB = (fr - fb) >> 31;
    const gLtB = (fg - fb) >> 31;
    const maxR = ~rLtG & ~rLtB;
    const maxG = ~maxR & ~gLtB;
    const maxB = ~maxR & ~maxG;
    const minB = ~gLtB & ~rLtB;
    const minG = ~minB & ~rLtG;
    const minR = ~minB & ~minG;
    const wMax = (maxR & fr) | (maxG & fg) | (maxB & fb);
    const wMin = (minR & fr) | (minG & fg) | (minB & fb);
    const c1 = c0 + ((maxR & dr) | (maxG & dg) | (maxB & db));
    const c3 = c0 + d111;
    const c2 = c3 - ((minR & dr) | (minG & dg) | (minB & db));
    const w1 = wMax * SCALE;
    const w2 = (fr + fg + fb - wMax - wMin) * SCALE;
    const w3 = wMin * SCALE;
    const a0 = 1 - w1, a1 = w1 - w2, a2 = w2 - w3;
    const vr = a0 * grid[c0] + a1 * grid[c1] + a2 * grid[c2] + w3 * grid[c3];
    const vg = a0 * grid[c0 + 1] + a1 * grid[c1 + 1] + a2 * grid[c2 + 1] + w3 * grid[c3 + 1];
    const vb = a0 * grid[c0 + 2] + a1 * grid[c1 + 2] + a2 * grid[c2 + 2] + w3 * grid[c3 + 2];
    dst[i] = vr <= 0 ? 0 : vr >= 65535 ? 65535 : vr + 0.5;
    dst[i + 1] = vg <= 0 ? 0 : vg >= 65535 ? 65535 : vg + 0.5;
    dst[i + 2] = vb <= 0 ? 0 : vb >= 65535 ? 65535 : vb + 0.5;
    if (channels === 4) dst[i + 3] = src[i + 3];
  }
}
