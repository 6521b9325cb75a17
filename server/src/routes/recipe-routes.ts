/**
 * Recipe approval: each category's recipe hash in a lock version with its approval, and an art
 * director's decision after a pilot pass. A decision names the recipe hash the art director saw; when
 * the lock has moved on it is refused (409) with the current hash, so nobody approves a recipe
 * they did not see. Every decision is an audit event.
 */
import { Hono } from 'hono';
import { adjustRecipe, approvalStatus, diffLocks, loadBrandLock } from '@brandlock/core';
import { RecipeAdjustRequest, RecipeDecisionRequest, RecipeStatusQuery } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError, parseOr400 } from '../middleware/api-error';
import { findLock, LockVersionConflict, publishLock } from '../store/locks';
import { recordEvent } from '../store/audit-events';
import { listRecipeApprovals, recordRecipeApproval } from '../store/recipe-approvals';
import { readJson } from './read-json';
import type { AppEnv, RouteDeps } from './route-deps';

export function recipeRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  const lockOr404 = async (ref: string) => {
    const found = await findLock(deps.db, ref);
    if (!found) throw new ApiError(404, 'not_found', ref === 'current' ? 'no lock is published yet' : `no lock version "${ref}"`);
    return found;
  };
  app.get('/v1/recipes', requireAction('locks:read'), async (c) => {
    const q = parseOr400(RecipeStatusQuery, c.req.query(), 'query');
    const found = await lockOr404(q.lock ?? 'current');
    const approvals = await listRecipeApprovals(deps.db, found.lock.brand.id);
    return c.json({ lock: { number: found.summary.number, version: found.summary.version, hash: found.summary.hash }, recipes: approvalStatus(found.lock, approvals), approvals });
  });
  app.post('/v1/recipes/:category/approval', requireAction('recipes:approve'), async (c) => {
    const body = parseOr400(RecipeDecisionRequest, await readJson(c, 64 * 1024), 'recipe decision');
    const found = await lockOr404(body.lock ?? 'current');
    const category = c.req.param('category');
    const status = approvalStatus(found.lock, [], found.lock.categories.some((x) => x.id === category) ? [category] : []);
    if (!status.length) throw new ApiError(404, 'not_found', `lock ${found.summary.version} has no category "${category}"`);
    if (status[0].recipeHash !== body.recipeHash) {
      throw new ApiError(409, 'conflict', `category ${category}'s recipe in lock ${found.summary.version} is ${status[0].recipeHash}, not ${body.recipeHash}: the recipe changed since the pilot; run a pilot of the current recipe and approve that`);
    }
    const token = c.get('token');
    await recordRecipeApproval(deps.db, { name: token.name, tokenId: token.id }, { brand: found.lock.brand.id, category, recipeHash: body.recipeHash, decision: body.decision, note: body.note, lockVersion: found.summary.version, lockHash: found.summary.hash, ...(body.pilot ? { pilot: body.pilot } : {}) });
    const [after] = approvalStatus(found.lock, await listRecipeApprovals(deps.db, found.lock.brand.id), [category]);
    return c.json(after, 201);
  });
  app.post('/v1/recipes/:category/adjust', requireAction('recipes:approve'), async (c) => {
    const body = parseOr400(RecipeAdjustRequest, await readJson(c, 256 * 1024), 'recipe adjustment');
    const found = await lockOr404('current');
    const category = c.req.param('category');
    if (!found.lock.categories.some((x) => x.id === category)) throw new ApiError(404, 'not_found', `lock ${found.summary.version} has no category "${category}"`);
    const [{ document }] = await deps.db.query<{ document: unknown }>('SELECT document FROM locks WHERE hash = $1', [found.summary.hash]);
    const adjusted = adjustRecipe(document, category, body.changes, body.version);
    if (!adjusted.success) throw new ApiError(422, 'invalid_lock', `the adjustment does not make a valid recipe`, adjusted.issues);
    const loaded = loadBrandLock(adjusted.document);
    if (!loaded.success) throw new ApiError(422, 'invalid_lock', `the adjusted lock has ${loaded.issues.length} problem${loaded.issues.length === 1 ? '' : 's'}`, loaded.issues);
    const token = c.get('token');
    let published;
    try {
      published = await publishLock(deps.db, { lock: loaded.lock, hash: loaded.hash, document: adjusted.document, publishedBy: token.name });
    } catch (e) {
      if (e instanceof LockVersionConflict) throw new ApiError(409, 'conflict', e.message);
      throw e;
    }
    const changes = diffLocks(found.lock, loaded.lock).map((d) => d.description);
    await recordEvent(deps.db, { name: token.name, tokenId: token.id }, 'recipe.adjust', `${loaded.lock.brand.id}/${category}`, { from: found.summary.hash, to: loaded.hash, version: body.version, changes, note: body.note });
    const [recipe] = approvalStatus(loaded.lock, await listRecipeApprovals(deps.db, loaded.lock.brand.id), [category]);
    return c.json({ lock: { number: published.summary.number, version: published.summary.version, hash: published.summary.hash }, recipe, changes }, 201);
  });
  return app;
}
