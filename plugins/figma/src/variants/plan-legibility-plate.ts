/**
 * A legibility plate: when no copy colour reaches WCAG contrast over the image under the copy, a
 * translucent scrim behind the text (black under light copy, white under dark copy) at the lightest
 * opacity that brings the measured contrast up to what the text size needs, so the image shows through
 * as much as legibility allows. Measured the way the copy colour is chosen: the 10th percentile of the
 * sampled pixels, each blended with the scrim as Figma composites a solid fill at that opacity.
 */
import type { Rgb } from '../protocol/geometry';
import { contrastOver, relativeLuminance } from '../palette/wcag-contrast';

export interface LegibilityPlate {
  color: Rgb;
  /** 0..1, in steps of 0.05. */
  opacity: number;
  /** The contrast the copy measures over the plate and the image under it. */
  ratio: number;
}

const BLACK: Rgb = { r: 0, g: 0, b: 0 };
const WHITE: Rgb = { r: 1, g: 1, b: 1 };
const MAX_OPACITY = 0.9;

/** The plate the copy needs over these pixels, or null when it reads without one. */
export function planLegibilityPlate(samples: readonly Rgb[], text: Rgb, required: number): LegibilityPlate | null {
  if (contrastOver(text, samples) >= required) return null;
  const color = relativeLuminance(text) > 0.4 ? BLACK : WHITE;
  const blend = (s: Rgb, a: number): Rgb => ({ r: s.r * (1 - a) + color.r * a, g: s.g * (1 - a) + color.g * a, b: s.b * (1 - a) + color.b * a });
  let best: LegibilityPlate = { color, opacity: MAX_OPACITY, ratio: 0 };
  for (let step = 1; step <= MAX_OPACITY * 20 + 1e-9; step++) {
    const opacity = Math.round(step * 5) / 100;
    const ratio = contrastOver(text, samples.map((s) => blend(s, opacity)));
    best = { color, opacity, ratio };
    if (ratio >= required) break;
  }
  return { ...best, ratio: Math.round(best.ratio * 10) / 10 };
}
