/**
 * The lock's swatches resolved for matching and snapping: Lab D65 from the lock's notation, and the
 * sRGB colour a snap writes (a Lab swatch outside sRGB is clamped into gamut, and says so).
 */
import { labToLinearRgb, labToSrgb, parseColor, type Lab } from '@brandlock/core/color';
import type { Palette, Swatch } from '@brandlock/core/brand';
import type { Rgb } from '../protocol/geometry';
import { hexToRgb } from './hex-to-rgb';

export interface ResolvedSwatch {
  id: string;
  name: string;
  code: string | null;
  lab: Lab;
  /** The colour a snap paints, 0..1 sRGB. */
  rgb: Rgb;
  hex: string;
  tolerance: number;
  /** The swatch's Lab lies outside sRGB: the painted colour is the nearest in-gamut one. */
  clamped: boolean;
}

export function resolveSwatches(palette: Palette): ResolvedSwatch[] {
  const out: ResolvedSwatch[] = [];
  for (const s of palette.swatches) {
    const parsed = parseColor(s.color);
    if (!parsed.success) continue;
    const [r, g, b] = labToSrgb(parsed.lab);
    const rgb = (parsed.hex && hexToRgb(parsed.hex)) || { r, g, b };
    out.push({
      id: s.id,
      name: s.name,
      code: (s as Swatch).code ?? null,
      lab: parsed.lab,
      rgb,
      hex: parsed.hex ?? rgbToHex(rgb),
      tolerance: s.tolerance ?? palette.defaultTolerance,
      clamped: !parsed.hex && labToLinearRgb(parsed.lab).some((v) => v < -1e-4 || v > 1 + 1e-4),
    });
  }
  return out;
}

export function rgbToHex(c: Rgb): string {
  const h = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0');
  return `#${h(c.r)}${h(c.g)}${h(c.b)}`;
}
