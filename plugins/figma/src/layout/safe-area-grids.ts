/**
 * A channel's safe area as Figma layout grids: one column band and one row band, offset by the safe
 * insets. Layout grids show in the editor (toggle with Ctrl/Cmd+G) and never export, which is what a
 * guide should do.
 */
import type { Insets, Size } from '../protocol/geometry';

/** Figma's RowsColsLayoutGrid, as plain data. */
export interface BandGrid {
  pattern: 'ROWS' | 'COLUMNS';
  alignment: 'MIN';
  count: 1;
  gutterSize: 0;
  offset: number;
  sectionSize: number;
  visible: true;
  color: { r: number; g: number; b: number; a: number };
}

const GUIDE = { r: 1, g: 0.2, b: 0.45, a: 0.1 };

/** Empty when the spec has no safe area (every inset 0). */
export function safeAreaGrids(frame: Size, safe: Insets): BandGrid[] {
  const grids: BandGrid[] = [];
  if (safe.left > 0 || safe.right > 0) {
    grids.push({ pattern: 'COLUMNS', alignment: 'MIN', count: 1, gutterSize: 0, offset: safe.left, sectionSize: Math.max(1, frame.width - safe.left - safe.right), visible: true, color: GUIDE });
  }
  if (safe.top > 0 || safe.bottom > 0) {
    grids.push({ pattern: 'ROWS', alignment: 'MIN', count: 1, gutterSize: 0, offset: safe.top, sectionSize: Math.max(1, frame.height - safe.top - safe.bottom), visible: true, color: GUIDE });
  }
  return grids;
}
