/**
 * What a moodboard made by the local provider holds: for N images, lighting studies of the chosen
 * presets (each sphere in a featured swatch that reads against the backdrop) interleaved with palette studies, every third image.
 * Deterministic, so the same board request gives the same board.
 */
import { deltaE2000, parseColor, type LightingPreset, type Swatch } from '@brandlock/core';

/** Swatches that read against the preset's backdrop (ΔE00 above 15); all of them if none do. */
function contrasting(swatches: readonly Swatch[], background: string): readonly Swatch[] {
  const bg = parseColor(background);
  if (!bg.success) return swatches;
  const far = swatches.filter((s) => {
    const c = parseColor(s.color);
    return c.success && deltaE2000(c.lab, bg.lab) > 15;
  });
  return far.length ? far : swatches;
}

export type StudySpec =
  | { type: 'lighting'; preset: LightingPreset; swatch: Swatch }
  | { type: 'palette'; swatches: Swatch[]; page: number; pages: number };

export function planStudies(count: number, presets: readonly LightingPreset[], swatches: readonly Swatch[]): StudySpec[] {
  const paletteSlots = swatches.length ? Math.floor(count / 3) : 0;
  const perPage = paletteSlots ? Math.min(12, Math.max(4, Math.ceil(swatches.length / paletteSlots))) : 0;
  const pages = paletteSlots ? Math.ceil(swatches.length / perPage) : 0;
  const specs: StudySpec[] = [];
  let lit = 0;
  let page = 0;
  for (let i = 0; i < count; i++) {
    if (paletteSlots && i % 3 === 2) {
      const p = page++ % pages;
      specs.push({ type: 'palette', swatches: swatches.slice(p * perPage, p * perPage + perPage), page: p + 1, pages });
    } else {
      const preset = presets[lit % presets.length];
      const pool = contrasting(swatches, preset.background);
      const swatch = pool.length ? pool[(lit * 7) % pool.length] : { id: 'neutral', name: 'Neutral grey', color: '#808080' };
      specs.push({ type: 'lighting', preset, swatch });
      lit++;
    }
  }
  return specs;
}
