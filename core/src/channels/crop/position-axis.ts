/**
 * Places a crop window along one axis: as close as possible to where the focus wants it, while
 * keeping the subject inside its zone, and inside the master whenever that is possible at all.
 */

/** The subject's extent on this axis (source px) and the zone it must stay in (output px). */
export interface KeepAxis {
  start: number;
  len: number;
  zoneStart: number;
  zoneLen: number;
}

interface Range {
  lo: number;
  hi: number;
}

const clamp = (v: number, r: Range) => Math.min(Math.max(v, r.lo), r.hi);
const intersect = (a: Range, b: Range): Range | null => (Math.max(a.lo, b.lo) <= Math.min(a.hi, b.hi) + 1e-9 ? { lo: Math.max(a.lo, b.lo), hi: Math.max(Math.max(a.lo, b.lo), Math.min(a.hi, b.hi)) } : null);

/**
 * `keeps` are tried in order (e.g. with margin, then without); the first one that lets the window
 * stay inside the master wins. With none, the first one wins and the window runs outside: the frame
 * is padded anyway, so the margin is kept.
 * `targetCentre` is in output pixels: the focus lands there when nothing else constrains it.
 */
export function positionAxis(scale: number, focus: number, targetCentre: number, len: number, imageLen: number, keeps: readonly KeepAxis[]): { start: number; keepIndex: number; outside: boolean } {
  const wanted = focus - targetCentre / scale;
  const inImage: Range = len <= imageLen ? { lo: 0, hi: imageLen - len } : { lo: imageLen - len, hi: 0 };
  if (!keeps.length) return { start: clamp(wanted, inImage), keepIndex: -1, outside: len > imageLen + 1e-6 };
  const ranges = keeps.map((k): Range => {
    const lo = k.start + k.len - (k.zoneStart + k.zoneLen) / scale;
    const hi = k.start - k.zoneStart / scale;
    return lo <= hi ? { lo, hi } : { lo: (lo + hi) / 2, hi: (lo + hi) / 2 };
  });
  for (let i = 0; i < ranges.length; i++) {
    const both = intersect(ranges[i], inImage);
    if (both) return { start: clamp(wanted, both), keepIndex: i, outside: len > imageLen + 1e-6 };
  }
  const start = clamp(wanted, ranges[0]);
  return { start, keepIndex: 0, outside: start < -1e-6 || start + len > imageLen + 1e-6 };
}
