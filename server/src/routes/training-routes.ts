/**
 * LoRA trainings: an art director starts one from library photos (each must be in the library and
 * usable; the provider must have its key on the server), anyone reads its progress, and a finished
 * one is pinned in a new lock version, which the art director's role may publish for this purpose.
 */
import { Hono } from 'hono';
import { diffLocks, loadBrandLock, pinTrainedLora } from '@brandlock/core';
import { TrainingCreateRequest, TrainingPinRequest, type LibraryAsset } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError, parseOr400 } from '../middleware/api-error';
import { findLock, LockVersionConflict, publishLock } from '../store/locks';
import { getLibraryAsset } from '../store/library';
import { recordEvent } from '../store/audit-events';
import { readJson } from './read-json';
import type { AppEnv, RouteDeps } from './route-deps';

export function trainingRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  const service = () => {
    if (!deps.trainings) throw new ApiError(503, 'unavailable', 'this server runs no training queue');
    return deps.trainings;
  };
  app.post('/v1/trainings', requireAction('recipes:approve'), async (c) => {
    const body = parseOr400(TrainingCreateRequest, await readJson(c, 64 * 1024), 'training');
    const lock = await findLock(deps.db, 'current');
    if (!lock) throw new ApiError(422, 'invalid_request', 'no lock is published yet');
    const profile = lock.lock.models.find((m) => m.id === body.modelProfile);
    if (!profile) throw new ApiError(422, 'invalid_request', `lock ${lock.summary.version} has no model profile "${body.modelProfile}"`);
    const triggerWord = body.triggerWord ?? profile.lora.triggerWord;
    if (!triggerWord) throw new ApiError(422, 'invalid_request', `model profile ${profile.id} has no trigger word; give triggerWord`);
    const assets: LibraryAsset[] = [];
    const issues = [];
    for (const [i, ref] of body.assets.entries()) {
      const a = await getLibraryAsset(deps.db, ref.replace(/^library:/, ''));
      if (!a) issues.push({ path: `assets[${i}]`, code: 'not_found', message: 'not in the library' });
      else if (!a.usable) issues.push({ path: `assets[${i}]`, code: 'unusable', message: `${a.path} is not usable: ${a.findings.filter((f) => f.severity === 'unusable').map((f) => f.message).join('; ')}` });
      else assets.push(a);
    }
    if (issues.length) throw new ApiError(422, 'invalid_request', 'some photos cannot be trained on', issues);
    try {
      service().check(body.provider);
    } catch (e) {
      throw new ApiError(422, 'invalid_request', (e as Error).message);
    }
    const token = c.get('token');
    return c.json(await service().create({ provider: body.provider, modelProfile: profile.id, triggerWord, steps: body.steps, assets }, { name: token.name, tokenId: token.id }), 202);
  });
  app.get('/v1/trainings/:id', requireAction('assets:read'), async (c) => {
    const t = await service().get(c.req.param('id'));
    if (!t) throw new ApiError(404, 'not_found', `no training "${c.req.param('id').slice(0, 80)}"`);
    return c.json(t);
  });
  app.post('/v1/trainings/:id/pin', requireAction('recipes:approve'), async (c) => {
    const body = parseOr400(TrainingPinRequest, await readJson(c, 16 * 1024), 'pin');
    const t = await service().get(c.req.param('id'));
    if (!t) throw new ApiError(404, 'not_found', `no training "${c.req.param('id').slice(0, 80)}"`);
    if (t.state !== 'succeeded' || !t.result) throw new ApiError(409, 'conflict', `training ${t.id} is ${t.state}${t.error ? ` (${t.error})` : ''}; only a finished training can be pinned`);
    const current = await findLock(deps.db, 'current');
    if (!current) throw new ApiError(404, 'not_found', 'no lock is published yet');
    const [{ document }] = await deps.db.query<{ document: unknown }>('SELECT document FROM locks WHERE hash = $1', [current.summary.hash]);
    const pinned = pinTrainedLora(document, t.modelProfile, t.triggerWord, t.result, body.version);
    if (!pinned.success) throw new ApiError(422, 'invalid_lock', pinned.issues[0].message, pinned.issues);
    const loaded = loadBrandLock(pinned.document);
    if (!loaded.success) throw new ApiError(422, 'invalid_lock', `the lock with the trained LoRA has ${loaded.issues.length} problems`, loaded.issues);
    const token = c.get('token');
    try {
      const { summary } = await publishLock(deps.db, { lock: loaded.lock, hash: loaded.hash, document: pinned.document, publishedBy: token.name });
      const changes = diffLocks(current.lock, loaded.lock).map((d) => d.description);
      await recordEvent(deps.db, { name: token.name, tokenId: token.id }, 'training.pin', t.id, { lock: summary.hash, version: summary.version, modelProfile: t.modelProfile, weightsSha256: t.result.weightsSha256 });
      return c.json({ lock: { number: summary.number, version: summary.version, hash: summary.hash }, changes }, 201);
    } catch (e) {
      if (e instanceof LockVersionConflict) throw new ApiError(409, 'conflict', e.message);
      throw e;
    }
  });
  return app;
}
