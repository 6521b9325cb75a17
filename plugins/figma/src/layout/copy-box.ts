/**
 * Where copy goes in a channel frame: inside the channel's text safe area, in the largest band that
 * stays clear of the garment (above it, below it, or beside it in a wide frame), inset by a margin
 * proportional to the frame so it reads the same on 1080 px and 2000 px frames. The designer may ask
 * for the top or the bottom; when that side has no room clear of the subject the other is used. When
 * no band is clear (a head-to-hem crop fills the frame), the copy takes the top or bottom band that
 * covers least of the subject's box (the bottom on a tie: text over a hem, not a face) and the
 * overlap is reported.
 */
import { boxCoverage } from '@brandlock/core/raster';
import type { Box, Insets, Size } from '../protocol/geometry';

export type OverlayPosition = 'auto' | 'top' | 'bottom';

export interface CopyPlacement {
  box: Box;
  vertical: 'TOP' | 'CENTER' | 'BOTTOM';
  side: 'top' | 'bottom' | 'left' | 'right';
  /** The box does not overlap the subject. */
  clear: boolean;
  /** The share of the box that lies over the subject's box, 0..1. */
  overlap: number;
  /** Another side than the one asked for was used. */
  moved: boolean;
}

/**
 * @example placeCopyBox({ width: 1080, height: 1350 }, { top: 0, right: 0, bottom: 0, left: 0 }, { x: 240, y: 300, width: 600, height: 1000 }, 'auto')
 * // a band above the garment: { box: { x: 65, y: 65, width: 950, height: 203 }, side: 'top', clear: true, ... }
 */
export function placeCopyBox(frame: Size, area: Insets, subject: Box | null, position: OverlayPosition): CopyPlacement {
  const short = Math.min(frame.width, frame.height);
  const margin = Math.round(short * 0.06);
  const x0 = area.left + margin;
  const x1 = frame.width - area.right - margin;
  const y0 = area.top + margin;
  const y1 = frame.height - area.bottom - margin;
  const innerW = Math.max(1, x1 - x0);
  const innerH = Math.max(1, y1 - y0);
  const cap = Math.round(innerH * 0.3);
  const minBand = Math.max(24, Math.round(short * 0.08));
  const gap = Math.round(margin / 2);
  const s = subject ?? { x: x0, y: y0 + innerH * 0.25, width: innerW, height: innerH * 0.5 };
  const bands: (CopyPlacement & { size: number })[] = [];
  const vertical = (side: 'top' | 'bottom', from: number, to: number) => {
    const h = Math.min(cap, to - from);
    if (h < minBand) return;
    const y = side === 'top' ? from : to - h;
    bands.push({ box: { x: x0, y: Math.round(y), width: innerW, height: Math.round(h) }, vertical: side === 'top' ? 'TOP' : 'BOTTOM', side, clear: true, overlap: 0, moved: false, size: innerW * h });
  };
  vertical('top', y0, Math.min(y1, s.y - gap));
  vertical('bottom', Math.max(y0, s.y + s.height + gap), y1);
  for (const side of ['left', 'right'] as const) {
    const from = side === 'left' ? x0 : Math.max(x0, s.x + s.width + gap);
    const to = side === 'left' ? Math.min(x1, s.x - gap) : x1;
    if (to - from >= Math.max(minBand * 4, innerW * 0.3)) {
      const h = Math.min(innerH, Math.round(innerH * 0.6));
      bands.push({ box: { x: Math.round(from), y: Math.round(y0 + (innerH - h) / 2), width: Math.round(to - from), height: h }, vertical: 'CENTER', side, clear: true, overlap: 0, moved: false, size: (to - from) * h });
    }
  }
  const wanted = position === 'auto' ? null : bands.find((b) => b.side === position);
  const best = wanted ?? [...bands].sort((a, b) => b.size - a.size)[0];
  if (best) {
    const { size: _size, ...placement } = best;
    return { ...placement, moved: position !== 'auto' && best.side !== position };
  }
  // Nothing is clear: the top or bottom fifth of the text area that covers least of the subject.
  const h = Math.max(1, Math.round(innerH * 0.2));
  const options = (['bottom', 'top'] as const).map((side) => {
    const box = { x: x0, y: side === 'top' ? y0 : y1 - h, width: innerW, height: h };
    return { side, box, overlap: boxCoverage(box, s) };
  });
  const asked = options.find((o) => o.side === position);
  const least = options.reduce((a, b) => (b.overlap < a.overlap - 0.05 ? b : a));
  const pick = asked && asked.overlap <= least.overlap + 0.05 ? asked : least;
  return { box: pick.box, vertical: pick.side === 'top' ? 'TOP' : 'BOTTOM', side: pick.side, clear: pick.overlap === 0, overlap: pick.overlap, moved: position !== 'auto' && pick.side !== position };
}
