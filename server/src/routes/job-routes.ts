/**
 * Jobs: create (idempotent with an Idempotency-Key; locked parameters refused by name), list, fetch,
 * follow as server-sent events, cancel.
 */
import { Hono, type Context } from 'hono';
import { JobCreateRequest, JobListQuery, lockedFieldsIn } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError, parseOr400 } from '../middleware/api-error';
import { getJob, listJobs } from '../store/jobs';
import { CursorError } from '../store/cursor';
import { readJson } from './read-json';
import { streamJobEvents } from './job-events';
import type { AppEnv, RouteDeps } from './route-deps';

export function jobRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  app.post('/v1/jobs', requireAction('jobs:create'), async (c) => {
    const arrived = deps.jobs.announce();
    try {
      return await createJob(c, arrived);
    } finally {
      arrived();
    }
  });
  async function createJob(c: Context<AppEnv>, arrived: () => void) {
    const raw = await readJson(c, 1024 * 1024);
    const locked = lockedFieldsIn(raw);
    if (locked.length) {
      throw new ApiError(
        422,
        'locked_parameter',
        `${locked.join(', ')} ${locked.length === 1 ? 'is' : 'are'} fixed by the Brand Lock; a job may set only count, seedVariation and what it targets`,
        locked.map((path) => ({ code: 'locked_parameter', path, message: 'set by the lock\'s recipe for this category; publish a new lock version to change it' })),
      );
    }
    const body = parseOr400(JobCreateRequest, raw, 'job request');
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) throw new ApiError(400, 'invalid_request', 'Idempotency-Key must be 1 to 200 printable ASCII characters');
    const result = await deps.jobs.create(body, c.get('token'), key, arrived);
    if ('job' in result) return c.json(result.job, result.status);
    throw new ApiError(result.status, result.code, result.message, 'issues' in result ? result.issues : undefined);
  }
  app.get('/v1/jobs', requireAction('jobs:read'), async (c) => {
    const q = parseOr400(JobListQuery, c.req.query(), 'query');
    try {
      return c.json(await listJobs(deps.db, q));
    } catch (e) {
      if (e instanceof CursorError) throw new ApiError(400, 'invalid_request', e.message);
      throw e;
    }
  });
  app.get('/v1/jobs/:id', requireAction('jobs:read'), async (c) => {
    const job = await getJob(deps.db, c.req.param('id'));
    if (!job) throw new ApiError(404, 'not_found', `no job "${c.req.param('id')}"`);
    return c.json(job);
  });
  app.get('/v1/jobs/:id/events', requireAction('jobs:read'), async (c) => {
    const job = await getJob(deps.db, c.req.param('id'));
    if (!job) throw new ApiError(404, 'not_found', `no job "${c.req.param('id')}"`);
    return streamJobEvents(c, deps, job.id, c.get('token'));
  });
  app.post('/v1/jobs/:id/cancel', requireAction('jobs:cancel'), async (c) => {
    const job = await deps.jobs.cancel(c.req.param('id'), c.get('token'));
    if (!job) throw new ApiError(404, 'not_found', `no job "${c.req.param('id')}"`);
    return c.json(job, 202);
  });
  return app;
}
