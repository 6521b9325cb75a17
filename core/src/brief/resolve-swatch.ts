/**
 * Resolves a brief's swatch cell into the colour a SKU must match: a palette swatch id, an sRGB hex,
 * or lab() in D65 (see resolveColor). Swatch ids take the stricter of the swatch's own tolerance and
 * the category's.
 */
import type { Palette } from '../brand/palette';
import { resolveColor } from '../color/resolve-color';
import type { TargetSwatch } from './planned-job';

export type ResolveSwatchResult = { success: true; swatch: TargetSwatch } | { success: false; message: string; expected: string };

/**
 * @example resolveSwatch('ink', palette, 3) // { success: true, swatch: { swatchId: 'ink', tolerance: 2, ... } }
 */
export function resolveSwatch(input: string, palette: Palette, categoryMaxDeltaE: number, fallbackName = ''): ResolveSwatchResult {
  const color = resolveColor(input, palette);
  if (!color.success) return { success: false, message: color.message, expected: 'a palette swatch id, an sRGB hex like #1f2a44, or lab(L a b)' };
  const { swatch } = color;
  if (!swatch) return { success: true, swatch: { input, lab: color.lab, hex: color.hex, swatchId: null, name: fallbackName || input, tolerance: categoryMaxDeltaE } };
  const tolerance = Math.min(swatch.tolerance ?? palette.defaultTolerance, categoryMaxDeltaE);
  return { success: true, swatch: { input, lab: color.lab, hex: color.hex, swatchId: swatch.id, name: swatch.name, tolerance } };
}
