/**
 * Which of a run's categories may go to a full batch: a category passes when its current recipe hash
 * has an approval that was not revoked later. For one that does not, says why in words: never
 * approved, or approved for an earlier recipe (with who, when, and what changed since when the lock
 * that was approved is at hand).
 */
import type { BrandLock } from '../brand/brand-lock';
import { categoryRecipeHash } from './category-recipe-hash';
import type { RecipeApproval } from './recipe-approval';

export interface CategoryApproval {
  category: string;
  name: string;
  recipeHash: string;
  approval: RecipeApproval | null;
  /** The newest approval of another (earlier) recipe hash, when there is one. */
  previous: RecipeApproval | null;
  /** One line for a person. */
  message: string;
}

/**
 * The approval state of each category (all of the lock's, or those named).
 * @example approvalStatus(lock, approvals, ['denim']).filter((c) => !c.approval)
 */
export function approvalStatus(lock: BrandLock, approvals: readonly RecipeApproval[], categories?: readonly string[]): CategoryApproval[] {
  const ids = categories ?? lock.categories.map((c) => c.id);
  const sorted = [...approvals].filter((a) => a.brand === lock.brand.id).sort((a, b) => a.at.localeCompare(b.at));
  return ids.map((id) => {
    const cat = lock.categories.find((c) => c.id === id)!;
    const recipeHash = categoryRecipeHash(lock, id);
    const mine = sorted.filter((a) => a.category === id);
    const latestForHash = [...mine].reverse().find((a) => a.recipeHash === recipeHash) ?? null;
    const approval = latestForHash && latestForHash.decision === 'approved' ? latestForHash : null;
    const previous = [...mine].reverse().find((a) => a.recipeHash !== recipeHash && a.decision === 'approved') ?? null;
    const short = recipeHash.slice(7, 19);
    const message = approval
      ? `approved by ${approval.by} on ${approval.at.slice(0, 10)} (recipe ${short})`
      : latestForHash?.decision === 'revoked'
        ? `approval revoked by ${latestForHash.by} on ${latestForHash.at.slice(0, 10)} (recipe ${short})`
        : previous
          ? `not approved: the recipe changed since ${previous.by} approved ${previous.recipeHash.slice(7, 19)} on ${previous.at.slice(0, 10)} (now ${short}); run a pilot and approve again`
          : `not approved: no art director has approved recipe ${short}; run a pilot (produce --pilot) and approve it`;
    return { category: id, name: cat.name, recipeHash, approval, previous, message };
  });
}
