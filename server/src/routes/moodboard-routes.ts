/**
 * Moodboards: create (one job per cell; idempotent with an Idempotency-Key; locked parameters refused
 * by name, as for jobs), read with every cell's state and image, cancel the open cells.
 */
import { Hono } from 'hono';
import { lockedFieldsIn, MoodboardCreateRequest } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError, parseOr400 } from '../middleware/api-error';
import { createMoodboardService } from '../jobs/moodboard-service';
import { readJson } from './read-json';
import type { AppEnv, RouteDeps } from './route-deps';

export function moodboardRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  const boards = createMoodboardService({ db: deps.db, registry: deps.registry, queue: deps.queue, jobs: deps.jobs });
  app.post('/v1/moodboards', requireAction('jobs:create'), async (c) => {
    const raw = await readJson(c, 256 * 1024);
    const locked = lockedFieldsIn(raw);
    if (locked.length) {
      throw new ApiError(422, 'locked_parameter', `${locked.join(', ')} ${locked.length === 1 ? 'is' : 'are'} fixed by the Brand Lock; a moodboard chooses only from the lock's presets, profiles, poses and palette`, locked.map((path) => ({ code: 'locked_parameter', path, message: 'set by the lock' })));
    }
    const body = parseOr400(MoodboardCreateRequest, raw, 'moodboard request');
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) throw new ApiError(400, 'invalid_request', 'Idempotency-Key must be 1 to 200 printable ASCII characters');
    const result = await boards.create(body, c.get('token'), key);
    if (result.success) return c.json(result.board, result.status);
    throw new ApiError(result.status, result.code, result.message, result.issues);
  });
  app.get('/v1/moodboards/:id', requireAction('jobs:read'), async (c) => {
    const board = await boards.get(c.req.param('id'));
    if (!board) throw new ApiError(404, 'not_found', `no moodboard "${c.req.param('id')}"`);
    return c.json(board);
  });
  app.post('/v1/moodboards/:id/cancel', requireAction('jobs:cancel'), async (c) => {
    const board = await boards.cancel(c.req.param('id'), c.get('token'));
    if (!board) throw new ApiError(404, 'not_found', `no moodboard "${c.req.param('id')}"`);
    return c.json(board, 202);
  });
  return app;
}
