/**
 * Finds the palette swatch closest to a colour by CIEDE2000, and whether the colour is within that
 * swatch's tolerance (its own, or the palette default).
 */
import type { Palette, Swatch } from '../brand/palette';
import { deltaE2000 } from './delta-e-2000';
import type { Lab } from './lab';
import { parseColor } from './parse-color';

export interface SwatchMatch {
  swatch: Swatch;
  lab: Lab;
  deltaE: number;
  tolerance: number;
  withinTolerance: boolean;
}

/**
 * The nearest swatch (ΔE00), or null for an empty palette.
 * @example nearestSwatch({ l: 22, a: 3, b: -25 }, lock.palette) // { swatch: { id: 'navy-core', ... }, deltaE: 1.4, withinTolerance: true, ... }
 */
export function nearestSwatch(lab: Lab, palette: Palette): SwatchMatch | null {
  return rankSwatches(lab, palette)[0] ?? null;
}

/**
 * Every swatch ranked by ΔE00 from the colour, nearest first.
 * @example rankSwatches(lab, palette).slice(0, 3)
 */
export function rankSwatches(lab: Lab, palette: Palette): SwatchMatch[] {
  const matches: SwatchMatch[] = [];
  for (const swatch of palette.swatches) {
    const parsed = parseColor(swatch.color);
    if (!parsed.success) continue;
    const deltaE = deltaE2000(lab, parsed.lab);
    const tolerance = swatch.tolerance ?? palette.defaultTolerance;
    matches.push({ swatch, lab: parsed.lab, deltaE, tolerance, withinTolerance: deltaE <= tolerance });
  }
  return matches.sort((a, b) => a.deltaE - b.deltaE);
}
