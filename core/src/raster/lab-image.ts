/**
 * A raster converted to CIELAB D65 planes (one Float32Array per channel), the space every QC measure
 * works in. Converting once and sharing the planes keeps the per-rule cost to plain array reads.
 */
import type { Raster } from './raster';

export interface LabImage {
  readonly width: number;
  readonly height: number;
  readonly l: Float32Array;
  readonly a: Float32Array;
  readonly b: Float32Array;
  /** Alpha 0..255 per pixel, or null when every pixel is opaque. */
  readonly alpha: Uint8Array | null;
}

const XN = 0.3127 / 0.329;
const ZN = (1 - 0.3127 - 0.329) / 0.329;
const EPS = 216 / 24389;
const KAPPA = 24389 / 27;
// sRGB (linear) to XYZ, rows pre-divided by the D65 white so white maps to (1, 1, 1).
const M = [
  0.4123907992659593 / XN, 0.357584339383878 / XN, 0.1804807884018343 / XN,
  0.21263900587151024, 0.715168678767756, 0.07219231536073371,
  0.01933081871559182 / ZN, 0.11919477979462598 / ZN, 0.9505321522496606 / ZN,
];

function srgbDecode(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

function labF(t: number): number {
  return t > EPS ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
}

// f(t) sampled on 0..1.0625; linear interpolation between samples is within 2e-5 L* of Math.cbrt
// and several times faster per pixel.
const F_STEPS = 16384;
const F_MAX = 1.0625;
let tables: { f: Float64Array; x: Float64Array; y: Float64Array; z: Float64Array } | null = null;

/** Per code value contributions of R, G, B to X/Xn, Y, Z/Zn (8-bit), and the sampled f(t). */
function labTables() {
  if (tables) return tables;
  const f = new Float64Array(F_STEPS + 2);
  for (let i = 0; i <= F_STEPS + 1; i++) f[i] = labF((i / F_STEPS) * F_MAX);
  const x = new Float64Array(768);
  const y = new Float64Array(768);
  const z = new Float64Array(768);
  for (let v = 0; v < 256; v++) {
    const lin = srgbDecode(v / 255);
    for (let c = 0; c < 3; c++) {
      x[c * 256 + v] = M[c] * lin;
      y[c * 256 + v] = M[3 + c] * lin;
      z[c * 256 + v] = M[6 + c] * lin;
    }
  }
  tables = { f, x, y, z };
  return tables;
}

function fastF(f: Float64Array, t: number): number {
  if (t < 0 || t >= F_MAX) return labF(t);
  const s = t * (F_STEPS / F_MAX);
  const i = s | 0;
  return f[i] + (f[i + 1] - f[i]) * (s - i);
}

function convert8(data: Uint8Array | Uint8ClampedArray, l: Float32Array, a: Float32Array, b: Float32Array): Uint8Array | null {
  const { f, x: tx, y: ty, z: tz } = labTables();
  const n = l.length;
  let alpha: Uint8Array | null = null;
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    const r = data[p];
    const g = data[p + 1] + 256;
    const bl = data[p + 2] + 512;
    const fx = fastF(f, tx[r] + tx[g] + tx[bl]);
    const fy = fastF(f, ty[r] + ty[g] + ty[bl]);
    const fz = fastF(f, tz[r] + tz[g] + tz[bl]);
    l[i] = 116 * fy - 16;
    a[i] = 500 * (fx - fy);
    b[i] = 200 * (fy - fz);
    const al = data[p + 3];
    if (al !== 255) {
      if (!alpha) alpha = new Uint8Array(n).fill(255);
      alpha[i] = al;
    }
  }
  return alpha;
}

function convert16(data: Uint16Array, l: Float32Array, a: Float32Array, b: Float32Array): Uint8Array | null {
  const n = l.length;
  let alpha: Uint8Array | null = null;
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    const r = srgbDecode(data[p] / 65535);
    const g = srgbDecode(data[p + 1] / 65535);
    const bl = srgbDecode(data[p + 2] / 65535);
    const fx = labF(M[0] * r + M[1] * g + M[2] * bl);
    const fy = labF(M[3] * r + M[4] * g + M[5] * bl);
    const fz = labF(M[6] * r + M[7] * g + M[8] * bl);
    l[i] = 116 * fy - 16;
    a[i] = 500 * (fx - fy);
    b[i] = 200 * (fy - fz);
    const al = data[p + 3];
    if (al !== 65535) {
      if (!alpha) alpha = new Uint8Array(n).fill(255);
      alpha[i] = al >> 8;
    }
  }
  return alpha;
}

/**
 * One 8-bit sRGB pixel to Lab D65 through the same tables as `rasterToLab` (for sparse full-resolution
 * lookups such as an edge band). Writes into `out` and returns it.
 * @example srgb8ToLab(255, 255, 255, { l: 0, a: 0, b: 0 }) // { l: 100, a: 0, b: 0 }
 */
export function srgb8ToLab(r: number, g: number, b: number, out: { l: number; a: number; b: number }): { l: number; a: number; b: number } {
  const { f, x: tx, y: ty, z: tz } = labTables();
  const ri = Math.round(r);
  const gi = Math.round(g) + 256;
  const bi = Math.round(b) + 512;
  const fx = fastF(f, tx[ri] + tx[gi] + tx[bi]);
  const fy = fastF(f, ty[ri] + ty[gi] + ty[bi]);
  const fz = fastF(f, tz[ri] + tz[gi] + tz[bi]);
  out.l = 116 * fy - 16;
  out.a = 500 * (fx - fy);
  out.b = 200 * (fy - fz);
  return out;
}

/**
 * Converts an 8- or 16-bit sRGB raster to Lab D65 planes.
 * @example
 * const lab = rasterToLab(raster);
 * lab.l[0] // L* of the top-left pixel
 */
export function rasterToLab(raster: Raster): LabImage {
  const { width, height, data } = raster;
  const n = width * height;
  const l = new Float32Array(n);
  const a = new Float32Array(n);
  const b = new Float32Array(n);
  const alpha = data instanceof Uint16Array ? convert16(data, l, a, b) : convert8(data, l, a, b);
  return { width, height, l, a, b, alpha };
}
