/**
 * Per-pixel saliency against the background: colour distance from the border's median colour plus
 * half the local luminance gradient, on a 0-255 scale whatever the raster depth. Also says how
 * uniform the border is, which tells whether the background is a studio sweep or a scene.
 */
import type { Raster } from '../../raster/raster';
import { maxValue } from '../../raster/raster';

export interface BackgroundContrast {
  /** One value per pixel, row-major. */
  saliency: Float32Array;
  /** The median border colour, 0-255 per channel. */
  background: [number, number, number];
  /** Saliency above this is the subject: above the border's own noise. */
  threshold: number;
  /** Share of border pixels within the base threshold of the background colour. */
  uniformBorder: number;
  /** The median saliency of the whole image. */
  median: number;
}

/** Below this (on 0-255) a difference is JPEG noise or sweep falloff, not a garment. */
const BASE_THRESHOLD = 24;

export function backgroundContrast(raster: Raster): BackgroundContrast {
  const { width, height, data } = raster;
  const k = 255 / maxValue(raster.depth);
  const band = Math.max(1, Math.round(Math.min(width, height) * 0.03));
  const inBorder = (x: number, y: number) => x < band || y < band || x >= width - band || y >= height - band;
  const hist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let borderCount = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!inBorder(x, y)) continue;
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) hist[c][Math.min(255, Math.round(data[i + c] * k))]++;
      borderCount++;
    }
  }
  const background = hist.map((h) => medianOfHistogram(h, borderCount)) as [number, number, number];
  const luma = new Float32Array(width * height);
  const saliency = new Float32Array(width * height);
  for (let p = 0, i = 0; p < luma.length; p++, i += 4) {
    const r = data[i] * k;
    const g = data[i + 1] * k;
    const b = data[i + 2] * k;
    luma[p] = (2 * r + 5 * g + b) / 8;
    const dr = r - background[0];
    const dg = g - background[1];
    const db = b - background[2];
    saliency[p] = Math.sqrt(2 * dr * dr + 4 * dg * dg + 3 * db * db) / 3;
  }
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, p = y * width + 1; x < width - 1; x++, p++) {
      saliency[p] += 0.5 * (Math.abs(luma[p + 1] - luma[p - 1]) + Math.abs(luma[p + width] - luma[p - width]));
    }
  }
  const border: number[] = [];
  let uniform = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!inBorder(x, y)) continue;
      const s = saliency[y * width + x];
      border.push(s);
      if (s <= BASE_THRESHOLD) uniform++;
    }
  }
  border.sort((a, b) => a - b);
  const p90 = border[Math.floor(border.length * 0.9)] ?? 0;
  const sorted = Float32Array.from(saliency).sort();
  return { saliency, background, threshold: Math.max(BASE_THRESHOLD, 2 * p90), uniformBorder: uniform / Math.max(1, borderCount), median: sorted[sorted.length >> 1] ?? 0 };
}

function medianOfHistogram(hist: Uint32Array, count: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v];
    if (seen * 2 >= count) return v;
  }
  return 255;
}
