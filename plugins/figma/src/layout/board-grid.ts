/**
 * The moodboard's grid: how many columns for a given number of images, and the board width that keeps
 * every image at the same size. Few images get few columns (6 -> 3, 12 -> 4, 24 -> 6); 50 stop at 8.
 */

export interface BoardGrid {
  columns: number;
  rows: number;
  cellWidth: number;
  imageHeight: number;
  gap: number;
  rowGap: number;
  padding: number;
  boardWidth: number;
}

export const BOARD_MIN_IMAGES = 6;
export const BOARD_MAX_IMAGES = 50;

/**
 * @example planBoardGrid(12, 4 / 5) // { columns: 4, rows: 3, cellWidth: 320, imageHeight: 400, ... }
 */
export function planBoardGrid(count: number, imageAspect: number, cellWidth = 320): BoardGrid {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`planBoardGrid: expected a positive whole number of images, got ${count}`);
  if (!(imageAspect > 0)) throw new RangeError(`planBoardGrid: expected a positive aspect ratio, got ${imageAspect}`);
  const columns = Math.min(8, Math.max(Math.min(3, count), Math.ceil(Math.sqrt(count * 1.3))));
  const gap = 24;
  const padding = 64;
  return {
    columns,
    rows: Math.ceil(count / columns),
    cellWidth,
    imageHeight: Math.round(cellWidth / imageAspect),
    gap,
    rowGap: 32,
    padding,
    boardWidth: padding * 2 + columns * cellWidth + (columns - 1) * gap,
  };
}
