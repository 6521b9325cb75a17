/** Recipe approval over HTTP: each category's recipe hash and its approval; an art director's decision. */
import { z } from 'zod';
import { RecipeApproval } from '../approval/recipe-approval';

export const RecipeStatus = z.object({
  category: z.string(),
  name: z.string(),
  recipeHash: z.string(),
  approval: RecipeApproval.nullable(),
  previous: RecipeApproval.nullable(),
  message: z.string(),
});
export type RecipeStatus = z.infer<typeof RecipeStatus>;

export const RecipeStatusList = z.object({
  lock: z.object({ number: z.number(), version: z.string(), hash: z.string() }),
  recipes: z.array(RecipeStatus),
  /** Every decision of the brand, oldest first: what a CLI run gates on. */
  approvals: z.array(RecipeApproval),
});
export type RecipeStatusList = z.infer<typeof RecipeStatusList>;

export const RecipeStatusQuery = z.object({ lock: z.string().max(80).optional().describe('Lock ref (default current)') });

export const RecipeDecisionRequest = z.strictObject({
  recipeHash: z.string().regex(/^sha256:[0-9a-f]{64}$/).describe('The recipe hash the art director saw in the pilot; refused when the lock has moved on'),
  decision: z.enum(['approved', 'revoked']).default('approved'),
  note: z.string().max(2000).default(''),
  pilot: z.string().max(500).optional(),
  lock: z.string().max(80).optional().describe('Lock ref (default current)'),
});
export type RecipeDecisionRequest = z.input<typeof RecipeDecisionRequest>;

export const RecipeAdjustRequest = z.strictObject({
  changes: z.record(z.string(), z.unknown()).describe('Recipe fields to set, e.g. {"steps": 36, "guidance": 4}'),
  version: z.string().min(1).max(40).describe('Version label of the new lock, e.g. "SS27.2"'),
  note: z.string().max(2000).default(''),
});
export type RecipeAdjustRequest = z.input<typeof RecipeAdjustRequest>;

export const RecipeAdjusted = z.object({
  lock: z.object({ number: z.number(), version: z.string(), hash: z.string() }),
  recipe: RecipeStatus,
  changes: z.array(z.string()).describe('What changed, in words (lock diff)'),
});
export type RecipeAdjusted = z.infer<typeof RecipeAdjusted>;
