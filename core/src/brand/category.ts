/**
 * A garment category as written in a lock: references to lighting, LUT, model profiles and pose set,
 * plus a recipe and QC thresholds. With `base` set to a seed category, recipe and QC fields may be
 * left out and come from the seed; without it they must all be given.
 */
import { z } from 'zod';
import { Id, Name } from './fields';
import { Recipe } from './recipe';
import { QcThresholds } from './qc-thresholds';
import { SEED_CATEGORY_IDS } from './seed-categories';
import { MotionBriefInput, type MotionBrief } from './motion-brief';

const partialQc = z.strictObject({
  maxDeltaE00: QcThresholds.shape.maxDeltaE00.optional(),
  flagDeltaE00: QcThresholds.shape.flagDeltaE00,
  maxColorDriftDeltaE00: QcThresholds.shape.maxColorDriftDeltaE00.optional(),
  exposure: QcThresholds.shape.exposure.partial().optional(),
  sharpnessMin: QcThresholds.shape.sharpnessMin,
  maxBlurPx: QcThresholds.shape.maxBlurPx.unwrap().optional(),
  compression: z.strictObject({ minJpegQuality: z.number().min(1).max(100).optional(), maxBlockiness: z.number().positive().max(10).optional() }).optional(),
  whiteBalance: QcThresholds.shape.whiteBalance.partial().optional(),
  background: QcThresholds.shape.background.partial().optional(),
  humanReview: QcThresholds.shape.humanReview.optional(),
});

export const CategoryInput = z.strictObject({
  id: Id,
  name: Name,
  base: z.enum(SEED_CATEGORY_IDS).optional().describe('A seed category whose defaults this one starts from'),
  lighting: Id.describe('Id of a lighting preset'),
  lut: Id.nullable().default(null).describe('Id of a LUT applied in post, or null'),
  models: z.array(Id).min(1).max(20).describe('Ids of model profiles cast for this category'),
  poseSet: Id.describe('Id of a pose set'),
  channels: z.array(Id).max(50).optional().describe('Channel ids rendered by default; all lock channels when absent'),
  recipe: Recipe.partial().default({}),
  qc: partialQc.default({}),
  video: MotionBriefInput.nullable().optional().describe('The motion brief of product video loops; the seed category\'s when absent, none when null'),
});
export type CategoryInput = z.infer<typeof CategoryInput>;

/** A category after seed defaults are merged in: recipe and QC complete. */
export interface Category extends Omit<CategoryInput, 'recipe' | 'qc' | 'video'> {
  recipe: Recipe;
  qc: QcThresholds;
  /** The motion brief of its video loops, or null when the category makes none. */
  video: MotionBrief | null;
}
