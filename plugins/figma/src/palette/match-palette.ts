/**
 * The palette check: every distinct colour in use against the brand palette, by CIEDE2000 in Lab D65.
 * A colour is on palette when its nearest swatch is within that swatch's tolerance; otherwise it is
 * listed with the nearest swatch, the ΔE00, and every paint that uses it, ready to snap.
 */
import { nearestSwatch, srgbToLab } from '@brandlock/core/color';
import type { Palette } from '@brandlock/core/brand';
import type { PaintUse } from '../protocol/palette';
import { resolveSwatches, rgbToHex, type ResolvedSwatch } from './swatch-colors';

export interface ColourInUse {
  hex: string;
  uses: PaintUse[];
  nearest: ResolvedSwatch;
  deltaE: number;
  onPalette: boolean;
  /** Some of the paints use a style or variable: snapping detaches them. */
  styled: number;
}

export interface PaletteReport {
  colours: ColourInUse[];
  offPalette: ColourInUse[];
  onPalette: ColourInUse[];
  paintCount: number;
}

/**
 * @example matchPalette(scan.uses, lock.palette).offPalette[0]
 * // { hex: '#c25f41', nearest: { name: 'Terracotta', ... }, deltaE: 1.3, onPalette: true, ... }
 */
export function matchPalette(uses: PaintUse[], palette: Palette): PaletteReport {
  const swatches = new Map(resolveSwatches(palette).map((s) => [s.id, s]));
  if (!swatches.size) return { colours: [], offPalette: [], onPalette: [], paintCount: uses.length };
  const byHex = new Map<string, PaintUse[]>();
  for (const u of uses) {
    const hex = rgbToHex(u.color);
    byHex.set(hex, [...(byHex.get(hex) ?? []), u]);
  }
  const colours: ColourInUse[] = [];
  for (const [hex, list] of byHex) {
    const c = list[0].color;
    const match = nearestSwatch(srgbToLab(c.r, c.g, c.b), palette)!;
    const nearest = swatches.get(match.swatch.id)!;
    colours.push({ hex, uses: list, nearest, deltaE: match.deltaE, onPalette: match.withinTolerance, styled: list.filter((u) => u.styled).length });
  }
  colours.sort((a, b) => b.deltaE - a.deltaE || b.uses.length - a.uses.length);
  return {
    colours,
    offPalette: colours.filter((c) => !c.onPalette),
    onPalette: colours.filter((c) => c.onPalette),
    paintCount: uses.length,
  };
}
