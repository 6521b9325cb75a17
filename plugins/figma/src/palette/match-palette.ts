/**
 * The palette check: every distinct colour in use against the brand palette, by CIEDE2000 in Lab D65.
 * A colour is on palette when its nearest swatch is within that swatch's tolerance; otherwise it is
 * listed with the nearest swatch, the ΔE00, and every paint that uses it, ready to snap. Near misses
 * (within three times the swatch's tolerance, at least ΔE00 6) are what a snap is for; a colour
 * further off is probably not meant as a brand colour at all. Neutrals (greys, black, white: chroma
 * below 5) are UI chrome more often than brand colour and are left out unless asked for.
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
  /** Paints that take this colour from a style or variable (a snap changes that instead). */
  bound: number;
  /** Close enough to its swatch to be a slip: pre-selected for Snap. */
  nearMiss: boolean;
}

/** Chroma below this (CIELAB C*ab) is a neutral. */
export const NEUTRAL_CHROMA = 5;

export function isNearMiss(deltaE: number, tolerance: number): boolean {
  return deltaE <= Math.max(6, 3 * tolerance);
}

export interface PaletteReport {
  colours: ColourInUse[];
  offPalette: ColourInUse[];
  onPalette: ColourInUse[];
  paintCount: number;
  /** Distinct neutral colours left out (includeNeutrals false). */
  neutrals: number;
}

/**
 * @example matchPalette(scan.uses, lock.palette).offPalette[0]
 * // { hex: '#c25f41', nearest: { name: 'Terracotta', ... }, deltaE: 1.3, onPalette: true, ... }
 */
export function matchPalette(uses: PaintUse[], palette: Palette, options: { includeNeutrals?: boolean } = {}): PaletteReport {
  const swatches = new Map(resolveSwatches(palette).map((s) => [s.id, s]));
  if (!swatches.size) return { colours: [], offPalette: [], onPalette: [], paintCount: uses.length, neutrals: 0 };
  let neutrals = 0;
  const byHex = new Map<string, PaintUse[]>();
  for (const u of uses) {
    const hex = rgbToHex(u.color);
    byHex.set(hex, [...(byHex.get(hex) ?? []), u]);
  }
  const colours: ColourInUse[] = [];
  for (const [hex, list] of byHex) {
    const c = list[0].color;
    const lab = srgbToLab(c.r, c.g, c.b);
    if (!options.includeNeutrals && Math.hypot(lab.a, lab.b) < NEUTRAL_CHROMA) {
      neutrals++;
      continue;
    }
    const match = nearestSwatch(lab, palette)!;
    const nearest = swatches.get(match.swatch.id)!;
    colours.push({ hex, uses: list, nearest, deltaE: match.deltaE, onPalette: match.withinTolerance, bound: list.filter((u) => u.binding).length, nearMiss: isNearMiss(match.deltaE, nearest.tolerance) });
  }
  colours.sort((a, b) => b.deltaE - a.deltaE || b.uses.length - a.uses.length);
  return {
    colours,
    offPalette: colours.filter((c) => !c.onPalette),
    onPalette: colours.filter((c) => c.onPalette),
    paintCount: uses.length,
    neutrals,
  };
}
