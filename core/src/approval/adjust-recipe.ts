/**
 * An art director's adjustment of a category's recipe after a pilot: recipe fields set on the
 * category as written in the lock document (so a category built on a seed keeps inheriting what it
 * does not override). The result is a new lock document; it must be loaded (and published) like any
 * lock, and its recipe hash is new, so it needs a pilot and an approval of its own.
 */
import { Recipe } from '../brand/recipe';
import type { LockIssue } from '../brand/lock-issue';
import { zodIssuesToLockIssues } from '../brand/zod-issues';

export type AdjustRecipeResult = { success: true; document: Record<string, unknown> } | { success: false; issues: LockIssue[] };

/**
 * @example adjustRecipe(doc, 'denim', { steps: 36, guidance: 4 }, 'SS27.2')
 */
export function adjustRecipe(document: unknown, categoryId: string, changes: Record<string, unknown>, version?: string): AdjustRecipeResult {
  const doc = structuredClone(document) as Record<string, unknown> & { categories?: { id?: string; recipe?: Record<string, unknown> }[] };
  const index = Array.isArray(doc.categories) ? doc.categories.findIndex((c) => c?.id === categoryId) : -1;
  if (index < 0) return { success: false, issues: [{ path: 'categories', code: 'not_found', message: `no category "${categoryId}" in the lock`, found: JSON.stringify(categoryId) }] };
  if (!Object.keys(changes).length) return { success: false, issues: [{ path: `categories[${index}].recipe`, code: 'invalid', message: 'no recipe field to change', expected: `some of ${Object.keys(Recipe.shape).join(', ')}` }] };
  const partial = Recipe.partial();
  const res = partial.safeParse(changes);
  if (!res.success) return { success: false, issues: zodIssuesToLockIssues(partial, changes, res.error.issues).map((i) => ({ ...i, path: `categories[${index}].recipe${i.path === '$' ? '' : `.${i.path}`}` })) };
  const category = doc.categories![index];
  category.recipe = { ...(category.recipe ?? {}), ...changes };
  if (version) doc.version = version;
  return { success: true, document: doc };
}
