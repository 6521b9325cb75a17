/**
 * A recipe approval: an art director signed off a category's recipe (by its hash) after a pilot
 * pass. Kept in the server's database with an audit event, or offline in a ledger file beside the
 * lock (one JSON object a line); both hold this shape.
 */
import { z } from 'zod';

export const RecipeApproval = z.strictObject({
  brand: z.string().min(1).max(64),
  category: z.string().min(1).max(64),
  recipeHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected sha256:<64 hex digits>'),
  decision: z.enum(['approved', 'revoked']).default('approved'),
  by: z.string().min(1).max(200).describe('Who approved: the token name on a server, --by on the CLI'),
  at: z.string().max(40).describe('ISO 8601 time of the decision'),
  note: z.string().max(2000).default(''),
  lockVersion: z.string().max(40).optional(),
  lockHash: z.string().max(80).optional(),
  /** Where the pilot the approval was given on lives (a delivery folder or a brief id). */
  pilot: z.string().max(500).optional(),
});
export type RecipeApproval = z.infer<typeof RecipeApproval>;
