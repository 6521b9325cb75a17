/**
 * The file format of review flags a provider or a person attaches to an image (a sidecar
 * `<image>.flags.json` next to it): a JSON array of flags, validated so a typo cannot drop one.
 */
import { z } from 'zod';

export const ReviewFlagSchema = z.strictObject({
  source: z.enum(['provider', 'person']).default('person'),
  by: z.string().min(1).max(120).describe('Who raised it: a reviewer name, or a provider and model'),
  reason: z.string().min(1).max(500).describe('What is wrong, e.g. "left hand has six fingers"'),
  severity: z.enum(['flag', 'reject']).default('flag'),
});

export const ReviewFlagsFile = z.array(ReviewFlagSchema).max(100);
