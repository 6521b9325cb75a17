/**
 * A free place on the page for something new beside an anchor: to its right, moving further right
 * past anything already there (an earlier set of variants, a board), so nothing lands on top of
 * existing work.
 */
import type { Box } from '../protocol/geometry';

export function freeSpotRightOf(anchor: Box, size: { width: number; height: number }, taken: readonly Box[], gap = 200): { x: number; y: number } {
  let x = anchor.x + anchor.width + gap;
  const y = anchor.y;
  for (let guard = 0; guard < 10_000; guard++) {
    const hit = taken.find((b) => x < b.x + b.width + gap && b.x < x + size.width + gap && y < b.y + b.height && b.y < y + size.height);
    if (!hit) return { x: Math.round(x), y: Math.round(y) };
    x = hit.x + hit.width + gap;
  }
  return { x: Math.round(x), y: Math.round(y) };
}
