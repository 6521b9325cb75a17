/**
 * Turns a binary subject mask found on a proxy into a soft full-resolution coverage map (0..255),
 * by bilinear upsampling of the proxy grid. The soft edge, about one proxy pixel wide, keeps a
 * background replacement from leaving a stair-stepped or haloed outline.
 */
import type { Mask } from './mask';

/**
 * @example maskCoverage(proxyMask, 4, 6000, 4000)[y * 6000 + x] // 255 inside, 0 outside, between on the edge
 */
export function maskCoverage(mask: Mask, factor: number, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const { data, width: mw, height: mh } = mask;
  if (factor === 1 && mw === width && mh === height) {
    // Same grid: soften the edge with a 3x3 mean so a one-pixel transition still exists.
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        let n = 0;
        for (let dy = -1; dy <= 1; dy++) {
          const yy = y + dy;
          if (yy < 0 || yy >= height) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx;
            if (xx < 0 || xx >= width) continue;
            sum += data[yy * width + xx];
            n++;
          }
        }
        out[y * width + x] = Math.round((255 * sum) / n);
      }
    }
    return out;
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(mh - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(mh - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(mw - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(mw - 1, x0 + 1);
      const wx = fx - x0;
      const top = data[y0 * mw + x0] * (1 - wx) + data[y0 * mw + x1] * wx;
      const bottom = data[y1 * mw + x0] * (1 - wx) + data[y1 * mw + x1] * wx;
      out[y * width + x] = Math.round(255 * (top * (1 - wy) + bottom * wy));
    }
  }
  return out;
}
