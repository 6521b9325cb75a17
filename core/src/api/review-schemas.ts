/** The review queue: assets a person must look at, and the decisions they make (audited). */
import { z } from 'zod';
import { QcOutcome } from '../audit/qc-outcome';
import { ReviewDecision, ReviewLayer, ReviewVerdict } from '../audit/review-decision';
import { BlobRef, IsoTime } from './common';

export const ReviewStatusSchema = z.enum(['flagged', 'rejected', 'ready', 'approved']).describe(
  'flagged: QC flagged it or could not check it (retoucher); rejected: regenerate (by QC or a person); ready: passed QC or the technical layer, awaiting brand review; approved: approved in the brand layer',
);

export const ReviewItem = z.object({
  assetId: z.string(),
  ref: BlobRef,
  contentType: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  jobId: z.string(),
  kind: z.string(),
  sku: z.string().nullable(),
  colorway: z.string().nullable(),
  category: z.string().nullable(),
  view: z.string().nullable(),
  channel: z.string().nullable(),
  status: ReviewStatusSchema,
  layers: z.object({ technical: ReviewDecision.nullable(), brand: ReviewDecision.nullable() }).describe("Each human layer's latest decision; the brand layer's stands over the technical one"),
  qc: QcOutcome,
  reviews: z.array(ReviewDecision),
  revisionOf: z.string().nullable().default(null).describe('The asset this one is a retoucher\'s fix of (sent back from the review queue), or null'),
  replacedBy: z.string().nullable().default(null).describe('A newer revision of this asset; a replaced asset leaves the queue'),
  createdAt: IsoTime,
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewQuery = z.object({
  status: z
    .string()
    .regex(/^(flagged|rejected|ready|approved)(,(flagged|rejected|ready|approved))*$/, 'expected a comma-separated list of flagged, rejected, ready, approved')
    .default('flagged,rejected'),
  sku: z.string().max(100).optional(),
  category: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export const ReviewList = z.object({ items: z.array(ReviewItem), nextCursor: z.string().nullable() });
export type ReviewList = z.infer<typeof ReviewList>;

export const ReviewDecisionRequest = z
  .strictObject({
    decision: ReviewVerdict,
    reason: z.string().trim().max(2000).default(''),
    layer: ReviewLayer.optional().describe('Defaults by role: retoucher technical, others brand. Only art directors and admins decide in the brand layer'),
  })
  .refine((d) => d.decision === 'approve' || d.reason.length > 0, { message: 'a rejection needs a reason the retoucher or the regenerate pass can act on', path: ['reason'] });
export type ReviewDecisionRequest = z.input<typeof ReviewDecisionRequest>;

export const ReviewRevisionRequest = z.strictObject({
  source: BlobRef.describe('The fixed image, uploaded with PUT /v1/uploads: the same SKU, view and framing as the asset it replaces'),
  note: z.string().trim().max(2000).default('').describe('What the retoucher fixed, for the reviewer'),
});
export type ReviewRevisionRequest = z.input<typeof ReviewRevisionRequest>;
