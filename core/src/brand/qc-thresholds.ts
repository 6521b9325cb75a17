/** Automated QC thresholds for a garment category; QC rules read these, never constants of their own. */
import { z } from 'zod';

export const HumanReview = z.enum(['always', 'on-flag']);

export const QcThresholds = z.strictObject({
  maxDeltaE00: z.number().positive().max(50).describe('Max ΔE00 of the garment against its SKU swatch (reject above)'),
  flagDeltaE00: z.number().positive().max(50).optional().describe('Flag (not reject) above this; defaults to 2/3 of maxDeltaE00'),
  maxColorDriftDeltaE00: z.number().positive().max(50).default(1.5).describe('Batch: garment colour of one SKU/colorway vs the median of its images, ΔE00'),
  exposure: z.strictObject({
    maxHighlightClipPct: z.number().min(0).max(100).describe('Subject pixels with two or more channels at 254+ (8-bit), percent; a saturated colour with one channel at 255 is not clipped'),
    maxShadowClipPct: z.number().min(0).max(100).describe('Subject pixels with two or more channels at 1 or below, percent'),
    maxEvDeviation: z.number().positive().max(4).describe('Mean subject exposure vs the lighting target, EV'),
    maxDriftEv: z.number().positive().max(4).default(0.33).describe('Batch: subject exposure vs the median of images under the same lighting, EV'),
  }),
  sharpnessMin: z.number().min(0).optional().describe('Superseded by maxBlurPx and no longer read: the Laplacian-variance floor of earlier locks, which judged a plain, sharp fabric soft'),
  maxBlurPx: z.number().positive().max(20).default(1.1).describe('Blur radius of the subject\'s strongest edges (Gaussian sigma, pixels at 100%); flag above, reject above twice'),
  compression: z
    .strictObject({
      minJpegQuality: z.number().min(1).max(100).default(45).describe('JPEG quality estimated from the quantisation tables (IJG 1..100 scale); flag below, reject below half'),
      maxBlockiness: z.number().positive().max(10).default(2).describe('Steps across the 8x8 block grid over steps inside blocks (1 = none); flag above, reject above 1 + twice the excess'),
    })
    .prefault({})
    .describe('Compression artefacts: JPEG blocking'),
  whiteBalance: z.strictObject({
    maxCastDeltaE00: z.number().positive().max(30).describe('Background/neutral cast vs the preset background, ΔE00'),
  }),
  background: z.strictObject({
    maxNonUniformity: z.number().positive().max(50).describe('95th percentile ΔE00 of background pixels from their median'),
    maxStrayPct: z.number().min(0).max(100).default(0.5).describe('Background area taken by stray objects, percent'),
    maxHaloDeltaE00: z.number().positive().max(50).default(6).describe('Ring just outside the subject vs background, ΔE00'),
    maxNonWhitePct: z.number().min(0).max(100).default(0.5).describe('Where a channel demands pure white: background pixels below 255,255,255, percent'),
    maxDriftDeltaE00: z.number().positive().max(50).default(2).describe('Batch: background colour vs the median of images under the same lighting, ΔE00'),
  }),
  humanReview: HumanReview.describe('always: every image goes to a retoucher; on-flag: only flagged ones'),
});
export type QcThresholds = z.infer<typeof QcThresholds>;
