/** Lock versions: list, fetch by current/number/label/hash, publish (admin) a new immutable version. */
import { Hono } from 'hono';
import { loadBrandLock } from '@brandlock/core';
import type { LockPublished } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError } from '../middleware/api-error';
import { findLock, listLocks, LockVersionConflict, publishLock } from '../store/locks';
import { recordEvent } from '../store/audit-events';
import { readJson } from './read-json';
import type { AppEnv, RouteDeps } from './route-deps';

const MAX_LOCK_BYTES = 5 * 1024 * 1024;

export function lockRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  app.get('/v1/locks', requireAction('locks:read'), async (c) => c.json({ locks: await listLocks(deps.db) }));
  app.get('/v1/locks/:ref', requireAction('locks:read'), async (c) => {
    const ref = c.req.param('ref');
    const found = await findLock(deps.db, ref);
    if (!found) throw new ApiError(404, 'not_found', ref === 'current' ? 'no lock is published yet' : `no lock version "${ref}"`);
    return c.json({ ...found.summary, lock: found.lock });
  });
  app.get('/v1/locks/:ref/luts/:id', requireAction('locks:read'), async (c) => {
    const ref = c.req.param('ref');
    const found = await findLock(deps.db, ref);
    if (!found) throw new ApiError(404, 'not_found', `no lock version "${ref}"`);
    const lut = found.lock.luts.find((l) => l.id === c.req.param('id'));
    if (!lut) throw new ApiError(404, 'not_found', `lock ${found.summary.version} has no LUT "${c.req.param('id')}"`);
    if (!lut.sha256) throw new ApiError(404, 'not_found', `LUT ${lut.id} has no sha256 in this lock version, so the server cannot tell which file it is`);
    const bytes = await deps.blobs.get(lut.sha256);
    if (!bytes) throw new ApiError(404, 'not_found', `LUT ${lut.id} (${lut.file}) has not been uploaded; an admin uploads it with PUT /v1/luts`);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="${lut.id}.cube"`,
      ETag: `"${lut.sha256}"`,
      'X-Content-Type-Options': 'nosniff',
    });
  });
  app.post('/v1/locks', requireAction('locks:publish'), async (c) => {
    const document = await readJson(c, MAX_LOCK_BYTES);
    const loaded = loadBrandLock(document);
    if (!loaded.success) throw new ApiError(422, 'invalid_lock', `the lock has ${loaded.issues.length} problem${loaded.issues.length === 1 ? '' : 's'}`, loaded.issues);
    const token = c.get('token');
    try {
      const { summary, created } = await publishLock(deps.db, { lock: loaded.lock, hash: loaded.hash, document, publishedBy: token.name });
      if (created) await recordEvent(deps.db, { name: token.name, tokenId: token.id }, 'lock.publish', summary.hash, { number: summary.number, version: summary.version, brand: summary.brand.id });
      return c.json({ ...summary, created } satisfies LockPublished, created ? 201 : 200);
    } catch (e) {
      if (e instanceof LockVersionConflict) throw new ApiError(409, 'conflict', e.message);
      throw e;
    }
  });
  return app;
}
