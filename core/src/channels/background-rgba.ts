/**
 * A channel's background as 8-bit sRGB plus alpha, for padding and flattening: hex colours as
 * written, Lab colours converted (clamped into sRGB), "transparent" as alpha 0.
 */
import { parseColor } from '../color/parse-color';
import { labToSrgb } from '../color/lab';

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0 (transparent) or 1 (opaque). */
  alpha: number;
}

/**
 * @example backgroundRgba('#f4f1ec') // { r: 244, g: 241, b: 236, alpha: 1 }
 */
export function backgroundRgba(background: string): Rgba {
  if (background === 'transparent') return { r: 0, g: 0, b: 0, alpha: 0 };
  const parsed = parseColor(background);
  if (!parsed.success) throw new RangeError(`background: ${parsed.message}`);
  if (parsed.hex) {
    const n = parseInt(parsed.hex.slice(1), 16);
    return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255, alpha: 1 };
  }
  const [r, g, b] = labToSrgb(parsed.lab).map((v) => Math.round(v * 255));
  return { r, g, b, alpha: 1 };
}
