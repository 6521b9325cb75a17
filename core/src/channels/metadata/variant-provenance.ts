/**
 * Where a master came from, as embedded in every variant: the job, provider, model and seed that
 * made it, the recipe, the QC verdict and the IPTC digital source type. Every field is optional
 * except the source type, because a retouched photograph has no job or seed.
 */
import { z } from 'zod';
import { DigitalSourceType } from './digital-source-type';
import { QcVerdict } from '../../audit/qc-outcome';

const Short = (max: number) => z.string().min(1).max(max);

export const VariantProvenance = z.strictObject({
  title: Short(300).optional(),
  description: Short(2000).optional(),
  jobId: Short(200).optional(),
  provider: Short(100).optional(),
  model: Short(200).optional(),
  modelVersion: Short(100).optional(),
  seed: z.union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,20}$/, 'expected a seed of digits')]).optional(),
  recipeHash: Short(100).optional(),
  qc: QcVerdict.optional(),
  digitalSourceType: DigitalSourceType.default('trainedAlgorithmicMedia'),
  creator: Short(200).optional(),
  copyright: Short(300).optional(),
});
export type VariantProvenance = z.infer<typeof VariantProvenance>;
export type VariantProvenanceInput = z.input<typeof VariantProvenance>;
