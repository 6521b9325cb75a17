/**
 * The review queue and decisions (audited): who approved or rejected what, when, why and in which
 * layer. Retouchers decide the technical layer, art directors and admins the brand layer too (a
 * retoucher sending layer "brand" gets 403); a brand decision stands over later technical ones (409).
 * A retoucher's fix goes back as a revision: a new asset with fresh QC that takes the old one's place.
 */
import { Hono } from 'hono';
import { canReviewLayer, defaultReviewLayer, ReviewDecisionRequest, ReviewQuery, ReviewRevisionRequest } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError, parseOr400 } from '../middleware/api-error';
import { decideReview, getReviewItem, listReview } from '../store/review';
import { recordEvent } from '../store/audit-events';
import { CursorError } from '../store/cursor';
import type { AppEnv, RouteDeps } from './route-deps';
import { readJson } from './read-json';
import { reviseAsset } from '../jobs/revise-asset';

export function reviewRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  app.get('/v1/review', requireAction('review:read'), async (c) => {
    const q = parseOr400(ReviewQuery, c.req.query(), 'query');
    try {
      return c.json(await listReview(deps.db, { ...q, statuses: q.status.split(',') }));
    } catch (e) {
      if (e instanceof CursorError) throw new ApiError(400, 'invalid_request', e.message);
      throw e;
    }
  });
  app.post('/v1/review/:assetId', requireAction('review:decide'), async (c) => {
    const body = parseOr400(ReviewDecisionRequest, await readJson(c, 64 * 1024), 'review decision');
    const token = c.get('token');
    const assetId = c.req.param('assetId');
    const layer = body.layer ?? defaultReviewLayer(token.role);
    if (!canReviewLayer(token.role, layer)) {
      throw new ApiError(403, 'forbidden', `role ${token.role} may not decide in the ${layer} review layer; the brand layer is for art directors and admins`);
    }
    const result = await deps.db.transaction(async (tx) => {
      const r = await decideReview(tx, assetId, { decision: body.decision, layer, reviewer: token.name, role: token.role, reason: body.reason, tokenId: token.id });
      if (r && 'status' in r) await recordEvent(tx, { name: token.name, tokenId: token.id }, 'review.decide', assetId, { decision: body.decision, layer, reason: body.reason, status: r.status });
      return r;
    });
    if (!result) throw new ApiError(404, 'not_found', `no asset "${assetId}"`);
    if ('brandDecided' in result) {
      const b = result.brandDecided;
      throw new ApiError(409, 'conflict', `the brand layer has decided this asset (${b.decision === 'approve' ? 'approved' : 'rejected'} by ${b.reviewer} at ${b.at}${b.reason ? `: ${b.reason}` : ''}); a technical-layer decision cannot change it, only a brand-layer one (art director or admin)`);
    }
    return c.json((await getReviewItem(deps.db, assetId))!);
  });
  app.post('/v1/review/:assetId/revisions', requireAction('review:decide'), async (c) => {
    const body = parseOr400(ReviewRevisionRequest, await readJson(c, 64 * 1024), 'revision');
    const token = c.get('token');
    const result = await reviseAsset({ db: deps.db, blobs: deps.blobs, inspect: deps.runner.inspect }, c.req.param('assetId'), {
      sha256: body.source.slice('sha256:'.length), note: body.note, by: { name: token.name, tokenId: token.id },
    });
    if (!result.ok) throw new ApiError(result.status, result.status === 404 ? 'not_found' : 'conflict', result.message);
    return c.json((await getReviewItem(deps.db, result.assetId))!, 201);
  });
  return app;
}
