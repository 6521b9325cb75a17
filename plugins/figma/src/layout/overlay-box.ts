/**
 * Where a text overlay goes in a channel frame: a band inside the safe area (top, centre or bottom),
 * inset by a margin proportional to the frame so it reads the same on 1080 px and 2000 px frames.
 */
import type { Box, Insets, Size } from '../protocol/geometry';

export type OverlayPosition = 'top' | 'center' | 'bottom';

/**
 * @example overlayBox({ width: 1080, height: 1920 }, { top: 250, right: 0, bottom: 340, left: 0 }, 'bottom')
 * // a box above the 340 px bottom safe zone, 20% of the safe height tall
 */
export function overlayBox(frame: Size, safe: Insets, position: OverlayPosition, bandFraction = 0.2): Box {
  const margin = Math.round(Math.min(frame.width, frame.height) * 0.06);
  const x = safe.left + margin;
  const width = Math.max(1, frame.width - safe.left - safe.right - 2 * margin);
  const top = safe.top + margin;
  const innerHeight = Math.max(1, frame.height - safe.top - safe.bottom - 2 * margin);
  const height = Math.max(1, Math.round(innerHeight * bandFraction));
  const y = position === 'top' ? top : position === 'center' ? top + (innerHeight - height) / 2 : top + innerHeight - height;
  return { x, y: Math.round(y), width, height };
}
