/**
 * The asset library: add a photo (raw bytes, its name in `?path=`), list and search (tag, SKU, kind,
 * category, usability, words of the path, colour within a ΔE00 of a hex, lab() or swatch), get one,
 * correct or tag one (PATCH), and a brief's coverage by usable sources. Estimates are made against the
 * current lock (its categories and palette).
 */
import { Hono } from 'hono';
import { deltaE2000, libraryCoverage, resolveColor } from '@brandlock/core';
import { LibraryPatch, LibraryQuery } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError, parseOr400 } from '../middleware/api-error';
import { ImageDecodeError } from '../pipeline/decode-image';
import { findLock } from '../store/locks';
import { getBrief, plannedJobs } from '../store/briefs';
import { getLibraryAsset, listLibraryAssets, patchLibraryAsset } from '../store/library';
import { recordEvent } from '../store/audit-events';
import { ingestLibraryImage } from '../lock-setup/ingest-library-image';
import { readBodyBytes, readJson } from './read-json';
import type { AppEnv, RouteDeps } from './route-deps';

export function libraryRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  const sha = (id: string) => {
    const s = id.replace(/^(library|sha256):/, '');
    if (!/^[0-9a-f]{64}$/.test(s)) throw new ApiError(400, 'invalid_request', 'expected a library asset id (64 lowercase hex digits) in the path');
    return s;
  };
  app.post('/v1/library', requireAction('uploads:write'), async (c) => {
    const bytes = await readBodyBytes(c, deps.config.maxUploadBytes);
    if (!bytes.byteLength) throw new ApiError(400, 'invalid_request', 'the upload is empty; send the image bytes as the request body');
    const current = await findLock(deps.db, 'current');
    const token = c.get('token');
    const tags = (c.req.query('tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean).slice(0, 100);
    const bad = tags.find((t) => !/^[\p{L}\p{N}][\p{L}\p{N} _.:-]{0,59}$/u.test(t));
    if (bad !== undefined) throw new ApiError(400, 'invalid_request', `tag ${JSON.stringify(bad.slice(0, 80))} is not letters, digits, space, "_", ".", ":" or "-" (at most 60)`);
    try {
      const { asset, created } = await ingestLibraryImage(deps.db, deps.blobs, bytes, { path: c.req.query('path') ?? 'upload', addedBy: token.name, lock: current?.lock ?? null, lockHash: current?.summary.hash ?? null, tags, maxPixels: deps.config.maxUploadPixels });
      if (created) await recordEvent(deps.db, { name: token.name, tokenId: token.id }, 'library.add', asset.id, { path: asset.path, kind: asset.kind, category: asset.category, sku: asset.sku });
      return c.json({ ...asset, created }, created ? 201 : 200);
    } catch (e) {
      if (e instanceof ImageDecodeError) {
        const status = e.code === 'unsupported_format' ? 415 : e.code === 'too_many_pixels' || e.code === 'too_large' ? 413 : 422;
        throw new ApiError(status, status === 415 ? 'unsupported_media_type' : status === 413 ? 'payload_too_large' : 'invalid_image', e.message);
      }
      throw e;
    }
  });
  app.get('/v1/library', requireAction('assets:read'), async (c) => {
    const q = parseOr400(LibraryQuery, c.req.query(), 'query');
    const assets = await listLibraryAssets(deps.db, { tag: q.tag, sku: q.sku, kind: q.kind, category: q.category, q: q.q, usable: q.usable === undefined ? undefined : q.usable === 'true' });
    if (!q.color) return c.json({ assets: assets.slice(0, q.limit), total: assets.length });
    const palette = (await findLock(deps.db, 'current'))?.lock.palette;
    const target = resolveColor(q.color, palette);
    if (!target.success) throw new ApiError(400, 'invalid_request', `color: ${target.message}`);
    const near = assets.flatMap((a) => (a.color ? [{ ...a, deltaE: Math.round(deltaE2000(a.color.lab, target.lab) * 100) / 100 }] : [])).filter((a) => a.deltaE <= q.within).sort((a, b) => a.deltaE - b.deltaE);
    return c.json({ assets: near.slice(0, q.limit), total: near.length });
  });
  app.get('/v1/library/coverage', requireAction('briefs:read'), async (c) => {
    const briefId = c.req.query('brief');
    if (!briefId) throw new ApiError(400, 'invalid_request', 'expected ?brief=<brief id>');
    if (!(await getBrief(deps.db, briefId))) throw new ApiError(404, 'not_found', `no brief "${briefId}"`);
    const jobs = await plannedJobs(deps.db, briefId);
    const assets = await listLibraryAssets(deps.db, {});
    const skus = libraryCoverage(jobs, assets.map((a) => ({ id: a.id, sku: a.sku, usable: a.usable, path: a.path })));
    return c.json({ briefId, skus, covered: skus.filter((s) => !s.problem).length, uncovered: skus.filter((s) => s.problem).length });
  });
  app.get('/v1/library/:id', requireAction('assets:read'), async (c) => {
    const asset = await getLibraryAsset(deps.db, sha(c.req.param('id')));
    if (!asset) throw new ApiError(404, 'not_found', `no library asset ${c.req.param('id').slice(0, 80)}`);
    return c.json(asset);
  });
  app.patch('/v1/library/:id', requireAction('uploads:write'), async (c) => {
    const body = parseOr400(LibraryPatch, await readJson(c, 64 * 1024), 'library patch');
    const id = sha(c.req.param('id'));
    if (body.category) {
      const current = await findLock(deps.db, 'current');
      if (current && !current.lock.categories.some((x) => x.id === body.category)) throw new ApiError(422, 'invalid_request', `category "${body.category}" is not in lock ${current.summary.version}; it has ${current.lock.categories.map((x) => x.id).join(', ')}`);
    }
    const asset = await patchLibraryAsset(deps.db, id, body);
    if (!asset) throw new ApiError(404, 'not_found', `no library asset ${id}`);
    const token = c.get('token');
    await recordEvent(deps.db, { name: token.name, tokenId: token.id }, 'library.edit', id, body as Record<string, unknown>);
    return c.json(asset);
  });
  return app;
}
