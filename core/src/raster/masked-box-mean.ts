/**
 * Mean of a plane over a square window, counting only the pixels a mask selects (summed-area
 * tables, so the cost does not depend on the radius). QC smooths fabric lightness with it to tell
 * shading (broad) from weave and grain (fine).
 */
import type { Mask } from './mask';

/**
 * Per pixel: the mean of `plane` over the (2r+1)² window, masked pixels only; NaN where the window
 * holds none.
 * @example maskedBoxMean(lab.l, fabric, 8)[i] // L* of pixel i's neighbourhood of fabric
 */
export function maskedBoxMean(plane: Float32Array, mask: Mask, r: number): Float32Array {
  const { width: w, height: h, data } = mask;
  const W = w + 1;
  const sum = new Float64Array(W * (h + 1));
  const cnt = new Float64Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let rs = 0;
    let rc = 0;
    for (let x = 0, p = y * w; x < w; x++, p++) {
      if (data[p]) {
        rs += plane[p];
        rc++;
      }
      const q = (y + 1) * W + x + 1;
      sum[q] = sum[q - W] + rs;
      cnt[q] = cnt[q - W] + rc;
    }
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(w, x + r + 1);
      const a = y0 * W + x0;
      const b = y0 * W + x1;
      const c = y1 * W + x0;
      const d = y1 * W + x1;
      const n = cnt[d] - cnt[b] - cnt[c] + cnt[a];
      out[y * w + x] = n > 0 ? (sum[d] - sum[b] - sum[c] + sum[a]) / n : NaN;
    }
  }
  return out;
}
