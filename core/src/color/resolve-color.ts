/**
 * Resolves a colour a person typed against a lock's palette: an sRGB hex, a `lab(L a b)` (D65), or the
 * id of one of the palette's swatches. Invalid input comes back as data with the reason, and an
 * unknown swatch id comes with the closest ids, so a typo gets a useful answer.
 */
import type { Palette, Swatch } from '../brand/palette';
import type { Lab } from './lab';
import { parseColor } from './parse-color';
import { editDistance } from '../brand/suggest';

export type ResolvedColor =
  | { success: true; lab: Lab; hex: string | null; source: 'hex' | 'lab' | 'swatch'; swatch: Swatch | null }
  | { success: false; message: string };

/**
 * Lab D65 for a hex, lab() or swatch id (ids win over hex when a swatch is named like a colour).
 * @example resolveColor('navy-core', lock.palette) // { success: true, lab: {...}, source: 'swatch', swatch: {...} }
 */
export function resolveColor(input: string, palette?: Palette): ResolvedColor {
  const text = input.trim();
  const swatch = palette?.swatches.find((s) => s.id === text) ?? null;
  if (swatch) {
    const parsed = parseColor(swatch.color);
    if (!parsed.success) return { success: false, message: `swatch "${swatch.id}" has an invalid colour: ${parsed.message}` };
    return { success: true, lab: parsed.lab, hex: parsed.hex, source: 'swatch', swatch };
  }
  const parsed = parseColor(text);
  if (parsed.success) return { success: true, lab: parsed.lab, hex: parsed.hex, source: parsed.hex ? 'hex' : 'lab', swatch: null };
  if (!palette) return { success: false, message: parsed.message };
  if (/^[a-z0-9][a-z0-9_-]*$/.test(text) && !/^[0-9a-f]{3}$|^[0-9a-f]{6}$/i.test(text)) {
    const near = closestIds(text, palette.swatches.map((s) => s.id));
    const hint = near.length ? `; did you mean ${near.map((id) => `"${id}"`).join(' or ')}?` : '';
    return { success: false, message: `"${text}" is not a swatch in the palette (${palette.swatches.length} swatches)${hint}` };
  }
  return { success: false, message: `${parsed.message}, or a swatch id from the palette` };
}

function closestIds(text: string, ids: string[]): string[] {
  const scored = ids.map((id) => [id, editDistance(text, id)] as const).filter(([id, d]) => d <= Math.max(2, Math.floor(id.length / 3)) || id.includes(text));
  return scored.sort((a, b) => a[1] - b[1]).slice(0, 2).map(([id]) => id);
}
