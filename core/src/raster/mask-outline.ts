/**
 * The outline of a mask as an SVG path, for drawing over thumbnails: the mask is reduced to a grid
 * of at most `maxCells` along its longer side (a cell is in when most of it is), and every edge
 * between an inside and an outside cell becomes a segment, merged along rows and columns.
 */
import type { Mask } from './mask';

export interface MaskOutline {
  /** SVG path data in grid units. */
  path: string;
  /** The mask's size in grid units (may be fractional): use as the SVG viewBox so edges line up. */
  width: number;
  height: number;
}

/**
 * @example
 * const { path, width, height } = maskOutlinePath(mask, 120);
 * `<svg viewBox="0 0 ${width} ${height}"><path d="${path}"/></svg>`
 */
export function maskOutlinePath(mask: Mask, maxCells = 120): MaskOutline {
  const step = Math.max(1, Math.ceil(Math.max(mask.width, mask.height) / maxCells));
  const w = Math.ceil(mask.width / step);
  const h = Math.ceil(mask.height / step);
  const grid = new Uint8Array(w * h);
  for (let gy = 0; gy < h; gy++) {
    for (let gx = 0; gx < w; gx++) {
      let inside = 0;
      let total = 0;
      for (let y = gy * step; y < Math.min(mask.height, (gy + 1) * step); y++) {
        for (let x = gx * step; x < Math.min(mask.width, (gx + 1) * step); x++) {
          inside += mask.data[y * mask.width + x];
          total++;
        }
      }
      grid[gy * w + gx] = inside * 2 >= total ? 1 : 0;
    }
  }
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= w || y >= h ? 0 : grid[y * w + x]);
  const parts: string[] = [];
  // Horizontal edges lie on grid line y, between cells (x, y-1) and (x, y).
  for (let y = 0; y <= h; y++) {
    let start = -1;
    for (let x = 0; x <= w; x++) {
      const edge = x < w && at(x, y - 1) !== at(x, y);
      if (edge && start < 0) start = x;
      if (!edge && start >= 0) {
        parts.push(`M${start} ${y}h${x - start}`);
        start = -1;
      }
    }
  }
  for (let x = 0; x <= w; x++) {
    let start = -1;
    for (let y = 0; y <= h; y++) {
      const edge = y < h && at(x - 1, y) !== at(x, y);
      if (edge && start < 0) start = y;
      if (!edge && start >= 0) {
        parts.push(`M${x} ${start}v${y - start}`);
        start = -1;
      }
    }
  }
  return { path: parts.join(''), width: mask.width / step, height: mask.height / step };
}
