/**
 * Parses the colour notations a brand writes in locks and briefs: sRGB hex (`#1f2a44`, `#fff`) and
 * CIELAB D65 (`lab(52.3 10.1 -4.2)`, commas allowed). Palette swatch ids are resolved by the caller,
 * which knows the palette. Invalid input returns a result with a reason, never throws.
 */
import { srgbToLab, type Lab } from './lab';

export type ColorParseResult =
  | { success: true; lab: Lab; hex: string | null }
  | { success: false; message: string };

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;
const LAB = /^lab\(\s*(-?\d+(?:\.\d+)?)%?[\s,]+(-?\d+(?:\.\d+)?)[\s,]+(-?\d+(?:\.\d+)?)\s*\)$/i;

/** What a colour string must look like, for error messages. */
export const COLOR_SYNTAX = 'an sRGB hex colour like #1f2a44 or a Lab D65 colour like lab(52.3 10.1 -4.2)';

/**
 * Parses a hex or `lab()` colour into Lab D65.
 * @example parseColor('#ffffff') // { success: true, lab: { l: 100, a: 0, b: 0 }, hex: '#ffffff' }
 */
export function parseColor(input: string): ColorParseResult {
  const text = input.trim();
  const hex = HEX.exec(text);
  if (hex) {
    let digits = hex[1].toLowerCase();
    if (digits.length === 3) digits = digits.replace(/./g, (c) => c + c);
    const n = parseInt(digits, 16);
    const lab = srgbToLab(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
    return { success: true, lab, hex: `#${digits}` };
  }
  const lab = LAB.exec(text);
  if (lab) {
    const l = Number(lab[1]);
    if (l < 0 || l > 100) return { success: false, message: `Lab lightness ${l} is outside 0..100` };
    return { success: true, lab: { l, a: Number(lab[2]), b: Number(lab[3]) }, hex: null };
  }
  return { success: false, message: `"${truncate(text)}" is not ${COLOR_SYNTAX}` };
}

/** True when the string is a colour `parseColor` accepts. */
export function isColorString(input: string): boolean {
  return parseColor(input).success;
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
