/** The brand palette: named swatches in sRGB hex or Lab D65, each with a ΔE00 tolerance. */
import { z } from 'zod';
import { ColorString, Id, Name } from './fields';

export const Swatch = z.strictObject({
  id: Id,
  name: Name,
  code: z.string().max(60).optional().describe('Pantone-style reference, e.g. "19-4052 TCX"'),
  color: ColorString,
  tolerance: z.number().positive().max(30).optional().describe('Max ΔE00 for this swatch; defaults to the palette tolerance'),
});
export type Swatch = z.infer<typeof Swatch>;

export const Palette = z.strictObject({
  defaultTolerance: z.number().positive().max(30).default(2.5),
  swatches: z.array(Swatch).max(1000),
});
export type Palette = z.infer<typeof Palette>;
