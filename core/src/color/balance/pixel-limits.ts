/**
 * Which pixels the measures leave out, defined once so QC and the corrections agree: a channel at
 * 254 or above (8-bit) is a clipped highlight, at 1 or below a clipped shadow (the QC thresholds'
 * definitions), and alpha below one half is transparent. 16-bit limits are the same levels scaled.
 */
import type { BitDepth } from '../../raster/raster';

/**
 * Inclusive clip limits in code values for a depth: `<= low` is a clipped shadow, `>= high` a clipped highlight.
 * @example clipLimits(16) // { low: 257, high: 65278 }
 */
export function clipLimits(depth: BitDepth): { low: number; high: number } {
  return depth === 8 ? { low: 1, high: 254 } : { low: 257, high: 254 * 257 };
}

/**
 * True when a pixel is more transparent than opaque.
 * @example isTransparent(100, 8) // true
 */
export function isTransparent(alpha: number, depth: BitDepth): boolean {
  return alpha < (depth === 8 ? 128 : 32768);
}
