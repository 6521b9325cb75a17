/**
 * What kind of product photo an image is: flat-lay, ghost mannequin (packshot) or on-model.
 * File and folder names come first, because libraries are organised and named that way and a name is
 * what a person meant. Without a telling word, the pixels decide what they can: a garment lying on a
 * visible surface (an opaque backdrop that is neither white nor even) is a flat-lay; a white sweep or
 * a cut-out is read as a ghost-mannequin packshot. Pixels cannot tell a flat-lay shot on white from a
 * packshot, nor find a person (that would need a trained detector brandlock does not ship), so those
 * estimates are marked `pixels` for a person to correct. `scripts/bench/library-kind.ts` scores both on
 * samples/photos.
 */
import type { BackgroundStats } from '../qc/measure/background-stats';
import { KIND_WORDS, pathWords, type AssetKind } from './garment-words';

export interface KindEstimate {
  kind: AssetKind;
  /** `name`: a word in the file name; `folder`: in a folder name; `pixels`: measured. */
  source: 'name' | 'folder' | 'pixels';
  reason: string;
}

/** A backdrop this uneven (95th percentile ΔE00 from its median) is a surface, not a studio sweep. */
const SURFACE_P95 = 5;

/**
 * @example estimateKind('ss24/ghost/NF-1001.jpg', background, false) // { kind: 'ghost', source: 'folder', ... }
 */
export function estimateKind(relativePath: string, background: BackgroundStats | null, transparent: boolean): KindEstimate {
  const parts = relativePath.split(/[\\/]/);
  const file = parts.pop() ?? '';
  for (const w of pathWords(file)) if (KIND_WORDS[w]) return { kind: KIND_WORDS[w], source: 'name', reason: `"${w}" in the file name` };
  for (const folder of [...parts].reverse()) for (const w of pathWords(folder)) if (KIND_WORDS[w]) return { kind: KIND_WORDS[w], source: 'folder', reason: `"${w}" in the folder name` };
  if (transparent) return { kind: 'ghost', source: 'pixels', reason: 'a cut-out with a transparent background' };
  if (background && background.p95DeltaE > SURFACE_P95 && background.median.l < 97) {
    return { kind: 'flat-lay', source: 'pixels', reason: `lying on a visible surface (backdrop varies by ΔE00 ${background.p95DeltaE.toFixed(1)})` };
  }
  return { kind: 'ghost', source: 'pixels', reason: background ? 'on an even studio backdrop' : 'no backdrop around the garment' };
}
