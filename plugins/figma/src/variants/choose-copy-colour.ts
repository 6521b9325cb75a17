/**
 * The copy's colour for one frame: the designer's palette swatch, or (on Auto) the swatch that reads
 * best over the pixels under the copy, with the measured WCAG contrast and a warning in words when it
 * falls short of what the text size needs.
 */
import type { Rgb } from '../protocol/geometry';
import { contrastOver } from '../palette/wcag-contrast';

export interface CopySwatch {
  id: string;
  name: string;
  rgb: Rgb;
}

export interface CopyColour {
  swatch: CopySwatch;
  ratio: number;
  warning: string | null;
}

export const AUTO_COLOUR = 'auto';

export function chooseCopyColour(samples: readonly Rgb[], swatches: readonly CopySwatch[], chosenId: string, required: number): CopyColour {
  const rated = swatches.map((swatch) => ({ swatch, ratio: contrastOver(swatch.rgb, samples) }));
  const best = rated.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const pick = chosenId === AUTO_COLOUR ? best : (rated.find((r) => r.swatch.id === chosenId) ?? best);
  const fmt = (r: number) => `${r.toFixed(1)}:1`;
  let warning: string | null = null;
  if (pick.ratio < required) {
    warning = chosenId === AUTO_COLOUR
      ? `no palette colour reads over the image under the copy (best: ${pick.swatch.name} ${fmt(pick.ratio)}; WCAG needs ${fmt(required)})`
      : `${pick.swatch.name} copy measures ${fmt(pick.ratio)} over the image under it (WCAG needs ${fmt(required)}); ${best.ratio >= required ? `${best.swatch.name} reads at ${fmt(best.ratio)}` : 'no palette colour reads there'}`;
  }
  return { swatch: pick.swatch, ratio: pick.ratio, warning };
}
