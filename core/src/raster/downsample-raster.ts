/**
 * Area-average downscaling by an integer factor: the analysis proxy QC measures on. An integer
 * factor keeps proxy and full-resolution coordinates in a fixed ratio, so a mask found on the proxy
 * addresses full-resolution pixels directly (full x = proxy x * factor).
 */
import type { Raster } from './raster';

export interface Proxy {
  /** 8-bit RGBA, at most `maxPixels` pixels. */
  raster: Raster;
  /** Full-resolution pixels per proxy pixel along each axis (1 when no downscale was needed). */
  factor: number;
}

/**
 * The smallest integer factor that brings width x height to at most maxPixels.
 * @example proxyFactor(6000, 4000, 600_000) // 7
 */
export function proxyFactor(width: number, height: number, maxPixels: number): number {
  let k = Math.max(1, Math.ceil(Math.sqrt((width * height) / maxPixels)));
  while (Math.ceil(width / k) * Math.ceil(height / k) > maxPixels) k++;
  return k;
}

/**
 * Downscales by averaging k x k blocks (edge blocks average what they cover). Colour is weighted by
 * alpha so the junk RGB under transparent pixels of a cutout does not bleed into its edge.
 * 16-bit input gives an 8-bit proxy.
 * @example downsampleRaster(full, 2_000_000).factor // 4 for a 6000x4000 image
 */
export function downsampleRaster(raster: Raster, maxPixels = 2_000_000): Proxy {
  const { width, height, depth } = raster;
  const k = proxyFactor(width, height, maxPixels);
  if (k === 1 && depth === 8) return { raster, factor: 1 };
  const w = Math.ceil(width / k);
  const h = Math.ceil(height / k);
  const out = new Uint8Array(w * h * 4);
  // 8-bit sums fit in 32 bits up to k = 64; 16-bit ones need doubles.
  const Sums = depth === 8 && k <= 64 ? Uint32Array : Float64Array;
  const sums = { r: new Sums(w), g: new Sums(w), b: new Sums(w), a: new Sums(w) };
  const count = new Uint32Array(w);
  const scale = depth === 16 ? 257 : 1;
  for (let oy = 0; oy < h; oy++) {
    sums.r.fill(0);
    sums.g.fill(0);
    sums.b.fill(0);
    sums.a.fill(0);
    count.fill(0);
    const y1 = Math.min(height, (oy + 1) * k);
    for (let y = oy * k; y < y1; y++) accumulateRow(raster.data, y * width * 4, width, k, sums.r, sums.g, sums.b, sums.a, count);
    for (let ox = 0, q = oy * w * 4; ox < w; ox++, q += 4) {
      const wsum = sums.a[ox];
      if (wsum > 0) {
        out[q] = Math.round(sums.r[ox] / wsum / scale);
        out[q + 1] = Math.round(sums.g[ox] / wsum / scale);
        out[q + 2] = Math.round(sums.b[ox] / wsum / scale);
      }
      out[q + 3] = Math.round(wsum / count[ox] / scale);
    }
  }
  return { raster: { width: w, height: h, depth: 8, data: out }, factor: k };
}

type Sums = Uint32Array | Float64Array;

function accumulateRow(data: Raster['data'], start: number, width: number, k: number, sr: Sums, sg: Sums, sb: Sums, sa: Sums, count: Uint32Array): void {
  for (let ox = 0, x = 0, p = start; x < width; ox++) {
    const end = Math.min(width, x + k);
    count[ox] += end - x;
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (; x < end; x++, p += 4) {
      const al = data[p + 3];
      r += data[p] * al;
      g += data[p + 1] * al;
      b += data[p + 2] * al;
      a += al;
    }
    sr[ox] += r;
    sg[ox] += g;
    sb[ox] += b;
    sa[ox] += a;
  }
}
