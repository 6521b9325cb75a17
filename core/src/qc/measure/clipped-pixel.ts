/**
 * What QC counts as clipped, defined once for every measure (proxy and full resolution):
 * - a blown highlight has two or more channels at 254 or above (8-bit scale): white, or a bright
 *   colour that lost its luminance detail; a saturated red with only R at 255 is not blown;
 * - a crushed shadow is black in every channel (each at 1 or below, so its luminance is black too):
 *   the folds of a saturated red whose green and blue reach 0 keep their detail in red and are not
 *   crushed.
 */

/** 8-bit code at and above which a channel is clipped. */
export const HIGHLIGHT_CODE = 254;
/** 8-bit code at and below which a channel is black. */
export const SHADOW_CODE = 1;

/**
 * @example isBlown(255, 255, 250) // true
 * @example isBlown(255, 40, 30)   // false: only red is clipped
 */
export function isBlown(r: number, g: number, b: number): boolean {
  return (r >= HIGHLIGHT_CODE ? 1 : 0) + (g >= HIGHLIGHT_CODE ? 1 : 0) + (b >= HIGHLIGHT_CODE ? 1 : 0) >= 2;
}

/**
 * @example isCrushed(1, 0, 1)   // true
 * @example isCrushed(120, 0, 0) // false: a deep red fold, not black
 */
export function isCrushed(r: number, g: number, b: number): boolean {
  return r <= SHADOW_CODE && g <= SHADOW_CODE && b <= SHADOW_CODE;
}
