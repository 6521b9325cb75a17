/** Briefs: upload (parsed and planned by core; bad rows come back, good rows are planned), list, SKUs, queue. */
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { parseBrief, planBrief } from '@brandlock/core';
import { BriefJobsRequest, BriefUploadRequest, type BriefUploaded } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError, parseOr400 } from '../middleware/api-error';
import { findLock } from '../store/locks';
import { getBrief, insertBrief, listBriefs } from '../store/briefs';
import { skuStatuses } from '../store/sku-status';
import { recordEvent } from '../store/audit-events';
import { readJson } from './read-json';
import { storableCopy } from '../middleware/input-guard/unstorable-text';
import type { AppEnv, RouteDeps } from './route-deps';

const MAX_BRIEF_BYTES = 25 * 1024 * 1024;

export function briefRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  const briefOr404 = async (id: string) => {
    const brief = await getBrief(deps.db, id);
    if (!brief) throw new ApiError(404, 'not_found', `no brief "${id}"`);
    return brief;
  };
  app.get('/v1/briefs', requireAction('briefs:read'), async (c) => c.json({ briefs: await listBriefs(deps.db) }));
  app.post('/v1/briefs', requireAction('briefs:write'), async (c) => {
    // The CSV text is checked cell by cell by core (a NUL or a lone surrogate refuses its row only).
    const body = parseOr400(BriefUploadRequest, await readJson(c, MAX_BRIEF_BYTES, { checkedByRoute: ['text'] }), 'brief upload');
    const lock = await findLock(deps.db, body.lock ?? 'current');
    if (!lock) throw new ApiError(404, 'not_found', body.lock ? `no lock version "${body.lock}"` : 'no lock is published yet; publish one before uploading briefs');
    const parsed = parseBrief(body.text, body.format);
    const plan = planBrief(parsed.brief, lock.lock, lock.summary.hash);
    // Issues quote the cells they are about; what Postgres cannot store in them is replaced.
    const issues = storableCopy([...parsed.issues, ...plan.issues]);
    if (!plan.jobs.length) throw new ApiError(422, 'invalid_brief', `no row of the brief could be planned (${issues.filter((i) => i.severity === 'error').length} errors)`, issues);
    const token = c.get('token');
    const summary = await insertBrief(
      deps.db,
      { id: `brief_${randomBytes(8).toString('hex')}`, name: body.name, lockHash: lock.summary.hash, format: parsed.brief.format, rowsRead: parsed.brief.rowCount, issues, uploadedBy: token.name },
      plan.jobs,
    );
    await recordEvent(deps.db, { name: token.name, tokenId: token.id }, 'brief.upload', summary.id, { name: summary.name, lockHash: summary.lockHash, skus: summary.skus, errors: summary.errors });
    return c.json({ ...summary, issues } satisfies BriefUploaded, 201);
  });
  app.get('/v1/briefs/:id', requireAction('briefs:read'), async (c) => c.json(await briefOr404(c.req.param('id'))));
  app.get('/v1/briefs/:id/skus', requireAction('briefs:read'), async (c) => {
    const brief = await briefOr404(c.req.param('id'));
    return c.json({ briefId: brief.id, skus: await skuStatuses(deps.db, brief.id) });
  });
  app.post('/v1/briefs/:id/jobs', requireAction('jobs:create'), async (c) => {
    const body = parseOr400(BriefJobsRequest, await readJson(c, 10 * 1024 * 1024), 'queue request');
    const result = await deps.jobs.queueBrief(c.req.param('id'), body, c.get('token'));
    if (!result) throw new ApiError(404, 'not_found', `no brief "${c.req.param('id')}"`);
    return c.json(result, 202);
  });
  return app;
}
