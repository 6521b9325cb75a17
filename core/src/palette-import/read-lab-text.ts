/**
 * Colours as people type them in swatch tables and Pantone-style lists: `#1f2a44`, `lab(52 -3 20)`,
 * `L*52 a*-3 b*20`, `L=52 a=-3 b=20`, with `D50` or `D65` saying the illuminant (D65 when unsaid,
 * brandlock's own). Lab D65 is kept exactly as written; D50 goes through Bradford to D65.
 */
import { labD50ToD65 } from './lab-adaptation';
import { labNotation } from './number-text';

export type TypedColor = { success: true; color: string; original: string; conversion: string } | { success: false; message: string };

const HEX = /#([0-9a-f]{6}|[0-9a-f]{3})\b/i;
const LAB_FN = /lab\(\s*(-?\d+(?:\.\d+)?)[\s,]+(-?\d+(?:\.\d+)?)[\s,]+(-?\d+(?:\.\d+)?)\s*\)/i;
const LAB_LETTERS = /\bL\*?\s*[=:]?\s*(-?\d+(?:\.\d+)?)[\s,;]+a\*?\s*[=:]?\s*(-?\d+(?:\.\d+)?)[\s,;]+b\*?\s*[=:]?\s*(-?\d+(?:\.\d+)?)/;

/** Finds a colour in free text; `illuminant` overrides one written in the text. */
export function findTypedColor(text: string, illuminant?: 'D50' | 'D65'): (TypedColor & { match: string }) | null {
  const lab = LAB_FN.exec(text) ?? LAB_LETTERS.exec(text);
  if (lab) {
    const said = /\bD50\b/i.test(text) ? 'D50' : /\bD65\b/i.test(text) ? 'D65' : undefined;
    return { ...labFromParts(lab[1], lab[2], lab[3], illuminant ?? said ?? 'D65'), match: lab[0] };
  }
  const hex = HEX.exec(text);
  if (hex) {
    let d = hex[1].toLowerCase();
    if (d.length === 3) d = d.replace(/./g, (c) => c + c);
    return { success: true, color: `#${d}`, original: `#${d}`, conversion: 'sRGB hex, kept exactly', match: hex[0] };
  }
  return null;
}

/** Lab from three number texts under an illuminant. @example labFromParts('52', '-3', '20', 'D65').color // "lab(52 -3 20)" */
export function labFromParts(l: string, a: string, b: string, illuminant: 'D50' | 'D65'): TypedColor {
  const [L, A, B] = [Number(l), Number(a), Number(b)];
  if (![L, A, B].every(Number.isFinite)) return { success: false, message: `"${l} ${a} ${b}" are not three numbers` };
  if (L < 0 || L > 100) return { success: false, message: `Lab lightness ${l} is outside 0..100` };
  if (Math.abs(A) > 200 || Math.abs(B) > 200) return { success: false, message: `Lab a/b ${a} ${b} are outside -200..200` };
  const original = `LAB ${illuminant} ${L} ${A} ${B}`;
  if (illuminant === 'D65') return { success: true, color: `lab(${L} ${A} ${B})`, original, conversion: 'Lab D65, kept exactly' };
  return { success: true, color: labNotation(labD50ToD65({ l: L, a: A, b: B })), original, conversion: 'Lab D50 to D65 by Bradford adaptation' };
}
