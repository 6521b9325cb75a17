/**
 * Distance of every set pixel of a mask to the nearest unset pixel (or the frame), as a two-pass
 * 3-4 chamfer transform: within 8% of the Euclidean distance, two sweeps, no per-pixel allocation.
 * QC uses it to find the point deepest inside a region, where an eyedropper would sample it.
 */
import type { Mask } from './mask';

/**
 * Chamfer distances in pixels (0 outside the mask).
 * @example distanceTransform(mask)[y * mask.width + x] // 12.3: 12 px from the region's edge
 */
export function distanceTransform(mask: Mask): Float32Array {
  const { width: w, height: h, data } = mask;
  const d = new Uint32Array(w * h);
  const FAR = 1 << 30;
  for (let y = 0, p = 0; y < h; y++) {
    for (let x = 0; x < w; x++, p++) {
      if (!data[p]) continue;
      let v = FAR;
      // Pixels beyond the frame count as outside, so a region touching the edge is shallow there.
      v = Math.min(v, x > 0 ? d[p - 1] + 3 : 3, y > 0 ? d[p - w] + 3 : 3);
      v = Math.min(v, x > 0 && y > 0 ? d[p - w - 1] + 4 : 4, x < w - 1 && y > 0 ? d[p - w + 1] + 4 : 4);
      d[p] = v;
    }
  }
  for (let y = h - 1, p = w * h - 1; y >= 0; y--) {
    for (let x = w - 1; x >= 0; x--, p--) {
      if (!data[p]) continue;
      let v = d[p];
      v = Math.min(v, x < w - 1 ? d[p + 1] + 3 : 3, y < h - 1 ? d[p + w] + 3 : 3);
      v = Math.min(v, x < w - 1 && y < h - 1 ? d[p + w + 1] + 4 : 4, x > 0 && y < h - 1 ? d[p + w - 1] + 4 : 4);
      d[p] = v;
    }
  }
  const out = new Float32Array(w * h);
  for (let i = 0; i < out.length; i++) out[i] = d[i] / 3;
  return out;
}

/**
 * The set pixel farthest from the mask's edge, or null for an empty mask.
 * @example deepestPoint(mask) // { x: 210, y: 340, depth: 41.3 }
 */
export function deepestPoint(mask: Mask): { x: number; y: number; depth: number } | null {
  const dist = distanceTransform(mask);
  let best = -1;
  let at = -1;
  for (let i = 0; i < dist.length; i++) {
    if (dist[i] > best) {
      best = dist[i];
      at = i;
    }
  }
  return best > 0 ? { x: at % mask.width, y: Math.floor(at / mask.width), depth: best } : null;
}
