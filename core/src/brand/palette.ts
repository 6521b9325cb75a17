/** The brand palette: named swatches in sRGB hex or Lab D65, each with a ΔE00 tolerance. */
import { z } from 'zod';
import { ColorString, Id, Name, RelativePath } from './fields';

/**
 * A swatch measured from an approved photo by QC's own measure (`brandlock swatch measure`): the
 * photo and its SHA-256, and the measure's version. The swatch's `color` is the measured Lab;
 * `brandlock lock check` measures the photo again and says when either has changed.
 */
export const MeasuredSwatch = z.strictObject({
  image: RelativePath.describe('The approved photo the swatch was measured from, relative to the lock'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "expected the 64 lowercase hex digits of the photo's SHA-256").describe("SHA-256 of the photo's bytes"),
  measure: z.literal('brandlock-swatch/1').describe('The swatch definition it was measured by (see docs/qc.md)'),
});
export type MeasuredSwatch = z.infer<typeof MeasuredSwatch>;

export const Swatch = z.strictObject({
  id: Id,
  name: Name,
  code: z.string().max(60).optional().describe('Pantone-style reference, e.g. "19-4052 TCX"'),
  color: ColorString,
  tolerance: z.number().positive().max(30).optional().describe('Max ΔE00 for this swatch; defaults to the palette tolerance'),
  measured: MeasuredSwatch.optional().describe('Pinned: `color` was measured from this approved photo by QC\'s swatch measure'),
});
export type Swatch = z.infer<typeof Swatch>;

export const Palette = z.strictObject({
  defaultTolerance: z.number().positive().max(30).default(2.5),
  swatches: z.array(Swatch).max(1000),
});
export type Palette = z.infer<typeof Palette>;
