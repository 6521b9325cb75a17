/**
 * Names the direction of a colour cast the way a retoucher says it ("warm/yellow", "green"), from the
 * cast vector in the a*b* plane: +b* is yellow (warm), -b* blue (cool), +a* red/magenta, -a* green/cyan.
 */

export type CastDirection = 'neutral' | 'warm/red' | 'warm/orange' | 'warm/yellow' | 'green' | 'cool/cyan' | 'cool/blue' | 'magenta';

/** Below this ΔE00 a cast is called neutral: about one just-noticeable difference. */
export const NEUTRAL_DELTA_E = 1;

// Hue angles (Lab D65) each word is centred on, placed at the sRGB primaries and secondaries as they
// fall in a*b* (green ~136°, blue ~306°...) and at their complements (blue <-> yellow, green <-> magenta).
const CENTRES: [CastDirection, number][] = [
  ['warm/red', 20],
  ['warm/orange', 55],
  ['warm/yellow', 95],
  ['green', 140],
  ['cool/cyan', 200],
  ['cool/blue', 275],
  ['magenta', 335],
];

/**
 * The hue angle of a cast vector (da*, db*) in degrees, 0..360 (0 = +a*, 90 = +b*).
 * @example castHue(0, 5) // 90
 */
export function castHue(da: number, db: number): number {
  const h = (Math.atan2(db, da) * 180) / Math.PI;
  return h < 0 ? h + 360 : h;
}

/**
 * The cast direction in words (the word whose hue is nearest), or "neutral" when ΔE00 is below 1.
 * @example castDirection(0.4, 6.1, 4.2) // 'warm/yellow'
 */
export function castDirection(da: number, db: number, deltaE: number): CastDirection {
  if (deltaE < NEUTRAL_DELTA_E) return 'neutral';
  const hue = castHue(da, db);
  let best = CENTRES[0];
  let bestDistance = Infinity;
  for (const entry of CENTRES) {
    const d = Math.abs(hue - entry[1]);
    const distance = Math.min(d, 360 - d);
    if (distance < bestDistance) [best, bestDistance] = [entry, distance];
  }
  return best[0];
}
