/**
 * Files a lock names by path, uploaded by an admin: a model profile's reference images, which the
 * local provider's moodboard studies show in each cell's light. The path must be one the lock names;
 * the bytes are checked as any upload is (format sniffed, decoded, pixel limit).
 */
import { Hono } from 'hono';
import sharp from 'sharp';
import type { LockFileUploaded } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError } from '../middleware/api-error';
import { ImageDecodeError, probeImage } from '../pipeline/decode-image';
import { recordBlob } from '../store/blobs';
import { findLock } from '../store/locks';
import { recordLockFile } from '../store/lock-files';
import { readBodyBytes } from './read-json';
import type { AppEnv, RouteDeps } from './route-deps';

const TYPES: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', tiff: 'image/tiff', avif: 'image/avif', gif: 'image/gif' };

export function lockFileRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  const { maxUploadBytes, maxUploadPixels } = deps.config;
  app.put('/v1/locks/:ref/files', requireAction('locks:publish'), async (c) => {
    const stored = await findLock(deps.db, c.req.param('ref'));
    if (!stored) throw new ApiError(404, 'not_found', `no lock version "${c.req.param('ref')}"`);
    const path = c.req.query('path') ?? '';
    const named = stored.lock.models.flatMap((m) => m.referenceImages);
    if (!named.includes(path)) {
      throw new ApiError(422, 'invalid_request', `the lock names no file "${path.slice(0, 200)}"`, [{ code: 'invalid_value', path: 'path', message: 'not a reference image of a model profile', found: path.slice(0, 200), expected: named.join(', ') || 'the lock names no reference images' }]);
    }
    const bytes = await readBodyBytes(c, maxUploadBytes);
    if (!bytes.byteLength) throw new ApiError(400, 'invalid_request', 'the upload is empty; send the image bytes as the request body');
    let info;
    try {
      info = await probeImage(bytes, { maxPixels: maxUploadPixels, maxBytes: maxUploadBytes });
      await sharp(bytes, { limitInputPixels: maxUploadPixels, failOn: 'truncated' }).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
    } catch (e) {
      if (e instanceof ImageDecodeError) {
        const status = e.code === 'unsupported_format' ? 415 : e.code === 'too_many_pixels' || e.code === 'too_large' ? 413 : 422;
        throw new ApiError(status, status === 415 ? 'unsupported_media_type' : status === 413 ? 'payload_too_large' : 'invalid_image', `${path}: ${e.message}`);
      }
      throw new ApiError(422, 'invalid_image', `${path}: the image cannot be decoded: ${(e as Error).message}`);
    }
    const { sha256 } = await deps.blobs.put(bytes);
    await recordBlob(deps.db, { sha256, contentType: TYPES[info.format] ?? 'application/octet-stream', format: info.format, bytes: bytes.byteLength, width: info.width, height: info.height });
    const created = await recordLockFile(deps.db, stored.summary.hash, path, sha256);
    const result: LockFileUploaded = { lockHash: stored.summary.hash, path, ref: `sha256:${sha256}`, sha256, width: info.width, height: info.height, created };
    return c.json(result, created ? 201 : 200);
  });
  return app;
}
