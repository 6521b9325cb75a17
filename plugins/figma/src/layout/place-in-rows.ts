/**
 * Lays frames of different sizes out left to right in rows, top-aligned, wrapping before a row grows
 * past `maxRowWidth`: how channel variants sit on the canvas next to their source.
 */
import type { Point, Size } from '../protocol/geometry';

export interface RowPlacement {
  positions: Point[];
  width: number;
  height: number;
}

/**
 * @example placeInRows([{ width: 100, height: 50 }, { width: 100, height: 80 }], 20, 150)
 * // { positions: [{ x: 0, y: 0 }, { x: 0, y: 70 }], width: 100, height: 150 }
 */
export function placeInRows(sizes: Size[], gap: number, maxRowWidth: number): RowPlacement {
  const positions: Point[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const s of sizes) {
    if (x > 0 && x + s.width > maxRowWidth) {
      y += rowHeight + gap;
      x = 0;
      rowHeight = 0;
    }
    positions.push({ x, y });
    x += s.width + gap;
    width = Math.max(width, x - gap);
    rowHeight = Math.max(rowHeight, s.height);
  }
  return { positions, width, height: sizes.length ? y + rowHeight : 0 };
}
