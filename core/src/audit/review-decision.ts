/**
 * A person's decision on an asset: the human QC layers. A retoucher judges the technical layer (hands,
 * drape, halo), an art director the brand layer; each decision names who, when and why.
 */
import { z } from 'zod';

export const ReviewLayer = z.enum(['technical', 'brand']).describe('technical: retoucher QC; brand: art-direction QC');
export type ReviewLayer = z.infer<typeof ReviewLayer>;

export const ReviewVerdict = z.enum(['approve', 'reject']);
export type ReviewVerdict = z.infer<typeof ReviewVerdict>;

export const ReviewDecision = z.object({
  decision: ReviewVerdict,
  layer: ReviewLayer,
  reviewer: z.string().describe('Name of the token that made the decision'),
  role: z.string(),
  reason: z.string(),
  at: z.string().describe('ISO 8601 time of the decision'),
});
export type ReviewDecision = z.infer<typeof ReviewDecision>;
