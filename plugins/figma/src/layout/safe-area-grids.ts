/**
 * A channel's safe area as Figma layout grids: a tinted band over each edge the platform covers with
 * its own interface (Stories' profile bar at the top, the reply field at the bottom; Reels' buttons
 * down the right), so a designer sees where copy and the garment must not go, as the platforms' own
 * templates shade them. Layout grids show in the editor (toggle with Ctrl/Cmd+G) and never export,
 * which is what a guide should do. A MIN band starts at the top or left edge, a MAX band at the
 * bottom or right one (Figma's RowsColsLayoutGrid alignment).
 */
import type { Insets, Size } from '../protocol/geometry';

/** Figma's RowsColsLayoutGrid, as plain data. */
export interface BandGrid {
  pattern: 'ROWS' | 'COLUMNS';
  alignment: 'MIN' | 'MAX';
  count: 1;
  gutterSize: 0;
  offset: 0;
  sectionSize: number;
  visible: true;
  color: { r: number; g: number; b: number; a: number };
}

const UNSAFE = { r: 1, g: 0.2, b: 0.45, a: 0.18 };

/** One band per covered edge, top, bottom, left, right; empty when the spec has no safe area. */
export function safeAreaGrids(frame: Size, safe: Insets): BandGrid[] {
  const band = (pattern: BandGrid['pattern'], alignment: BandGrid['alignment'], size: number, across: number): BandGrid[] =>
    size > 0 ? [{ pattern, alignment, count: 1, gutterSize: 0, offset: 0, sectionSize: Math.min(size, across), visible: true, color: UNSAFE }] : [];
  return [
    ...band('ROWS', 'MIN', safe.top, frame.height),
    ...band('ROWS', 'MAX', safe.bottom, frame.height),
    ...band('COLUMNS', 'MIN', safe.left, frame.width),
    ...band('COLUMNS', 'MAX', safe.right, frame.width),
  ];
}
