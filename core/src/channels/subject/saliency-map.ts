/**
 * A per-pixel saliency map for scenes without a uniform backdrop: colour distance from the border's
 * median colour plus half the local luminance gradient, on a 0-255 scale whatever the raster depth.
 */
import type { Raster } from '../../raster/raster';
import { maxValue } from '../../raster/raster';

export interface SaliencyMap {
  /** One value per pixel, row-major. */
  saliency: Float32Array;
  /** The median saliency of the whole image: what counts as "nothing special" here. */
  median: number;
}

export function saliencyMap(raster: Raster): SaliencyMap {
  const { width, height, data } = raster;
  const k = 255 / maxValue(raster.depth);
  const band = Math.max(1, Math.round(Math.min(width, height) * 0.03));
  const hist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let borderCount = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x >= band && y >= band && x < width - band && y < height - band) continue;
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) hist[c][Math.min(255, Math.round(data[i + c] * k))]++;
      borderCount++;
    }
  }
  const [br, bg, bb] = hist.map((h) => medianOfHistogram(h, borderCount));
  const luma = new Float32Array(width * height);
  const saliency = new Float32Array(width * height);
  for (let p = 0, i = 0; p < luma.length; p++, i += 4) {
    const r = data[i] * k;
    const g = data[i + 1] * k;
    const b = data[i + 2] * k;
    luma[p] = (2 * r + 5 * g + b) / 8;
    saliency[p] = Math.sqrt(2 * (r - br) ** 2 + 4 * (g - bg) ** 2 + 3 * (b - bb) ** 2) / 3;
  }
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, p = y * width + 1; x < width - 1; x++, p++) {
      saliency[p] += 0.5 * (Math.abs(luma[p + 1] - luma[p - 1]) + Math.abs(luma[p + width] - luma[p - width]));
    }
  }
  const sorted = Float32Array.from(saliency).sort();
  return { saliency, median: sorted[sorted.length >> 1] ?? 0 };
}

function medianOfHistogram(hist: Uint32Array, count: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v];
    if (seen * 2 >= count) return v;
  }
  return 255;
}
