/**
 * Resolves a brief's swatch cell into the colour a SKU must match: a palette swatch id, an sRGB hex,
 * or lab() in D65. Swatch ids take the stricter of the swatch's own tolerance and the category's.
 */
import type { Palette } from '../brand/palette';
import { parseColor } from '../color/parse-color';
import { suggest } from '../brand/suggest';
import type { TargetSwatch } from './planned-job';

export type ResolveSwatchResult = { success: true; swatch: TargetSwatch } | { success: false; message: string; expected: string };

/**
 * @example resolveSwatch('ink', palette, 3) // { success: true, swatch: { swatchId: 'ink', tolerance: 2, ... } }
 */
export function resolveSwatch(input: string, palette: Palette, categoryMaxDeltaE: number, fallbackName = ''): ResolveSwatchResult {
  const color = parseColor(input);
  if (color.success) {
    return { success: true, swatch: { input, lab: color.lab, hex: color.hex, swatchId: null, name: fallbackName || input, tolerance: categoryMaxDeltaE } };
  }
  const swatch = palette.swatches.find((s) => s.id === input);
  if (!swatch) {
    const guess = suggest(input, palette.swatches.map((s) => s.id));
    return {
      success: false,
      message: `no palette swatch "${input}"${guess ? `; did you mean "${guess}"?` : ''}`,
      expected: 'a palette swatch id, an sRGB hex like #1f2a44, or lab(L a b)',
    };
  }
  const parsed = parseColor(swatch.color);
  if (!parsed.success) return { success: false, message: `palette swatch "${input}" has an invalid colour`, expected: 'a valid lock' };
  const tolerance = Math.min(swatch.tolerance ?? palette.defaultTolerance, categoryMaxDeltaE);
  return { success: true, swatch: { input, lab: parsed.lab, hex: parsed.hex, swatchId: swatch.id, name: swatch.name, tolerance } };
}
