/**
 * The point a crop centres on: the weighted centre of mass of the focal points (thumbor's model),
 * or a fallback when none are given. Points outside the image are clamped onto it.
 */
import type { FocalPoint, Size } from './crop-types';

/**
 * @example focusPoint([{ x: 0, y: 0 }, { x: 90, y: 30, weight: 2 }], { width: 100, height: 100 }, { x: 50, y: 50 })
 * // { x: 60, y: 20 }
 */
export function focusPoint(points: readonly FocalPoint[] | undefined, image: Size, fallback: { x: number; y: number }): { x: number; y: number } {
  let sum = 0;
  let x = 0;
  let y = 0;
  for (const p of points ?? []) {
    const w = p.weight ?? 1;
    if (!(w > 0) || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    x += w * Math.min(Math.max(p.x, 0), image.width);
    y += w * Math.min(Math.max(p.y, 0), image.height);
    sum += w;
  }
  return sum > 0 ? { x: x / sum, y: y / sum } : fallback;
}
