/**
 * The brand's type for copy set on channel variants (the headline the Figma plugin fits into each
 * frame): the typeface as Figma names it, and the size range as shares of the frame's short side, so
 * a Stories frame and a square post carry the same proportion of type.
 */
import { z } from 'zod';

export const CopyType = z
  .strictObject({
    family: z.string().trim().min(1).max(100).describe('Font family as Figma lists it, e.g. "Helvetica Neue"'),
    style: z.string().trim().min(1).max(60).default('Regular').describe('Font style as Figma lists it, e.g. "Medium"'),
    minSize: z.number().min(0.005).max(0.2).default(0.02).describe("Smallest size copy-fit may use, as a share of the frame's short side"),
    maxSize: z.number().min(0.005).max(0.2).default(0.05).describe("Largest size copy-fit may use, as a share of the frame's short side"),
  })
  .refine((t) => t.minSize <= t.maxSize, { message: 'minSize must not be larger than maxSize', path: ['minSize'] });
export type CopyType = z.infer<typeof CopyType>;

export const Typography = z
  .strictObject({
    copy: CopyType.describe('The headline on channel variants'),
  })
  .describe("The brand's type for copy on channel variants; without it, the designer picks a font and copy-fit uses 2% to 8% of the short side");
export type Typography = z.infer<typeof Typography>;
