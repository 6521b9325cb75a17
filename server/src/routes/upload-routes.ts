/**
 * Uploads and asset bytes. An upload is raw bytes (no multipart), limited in size while it streams,
 * then sniffed and fully decoded at a reduced size: unknown formats get 415, more pixels than the
 * limit (decompression bombs) 413, corrupt or truncated files 422. The stored type is the sniffed one.
 */
import { Hono } from 'hono';
import sharp from 'sharp';
import type { UploadResult } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError } from '../middleware/api-error';
import { ImageDecodeError, probeImage } from '../pipeline/decode-image';
import { findBlob, recordBlob } from '../store/blobs';
import { readBodyBytes } from './read-json';
import type { AppEnv, RouteDeps } from './route-deps';

const TYPES: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', tiff: 'image/tiff', avif: 'image/avif', heif: 'image/heif', gif: 'image/gif' };

export function uploadRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  const { maxUploadBytes, maxUploadPixels } = deps.config;
  app.put('/v1/uploads', requireAction('uploads:write'), async (c) => {
    const bytes = await readBodyBytes(c, maxUploadBytes);
    if (!bytes.byteLength) throw new ApiError(400, 'invalid_request', 'the upload is empty; send the image bytes as the request body');
    let info;
    try {
      info = await probeImage(bytes, { maxPixels: maxUploadPixels, maxBytes: maxUploadBytes });
      await sharp(bytes, { limitInputPixels: maxUploadPixels, failOn: 'truncated' }).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
    } catch (e) {
      if (e instanceof ImageDecodeError) {
        const status = e.code === 'unsupported_format' ? 415 : e.code === 'too_many_pixels' || e.code === 'too_large' ? 413 : 422;
        throw new ApiError(status, status === 415 ? 'unsupported_media_type' : status === 413 ? 'payload_too_large' : 'invalid_image', e.message);
      }
      throw new ApiError(422, 'invalid_image', `the image cannot be decoded: ${(e as Error).message}`);
    }
    const { sha256 } = await deps.blobs.put(bytes);
    const contentType = TYPES[info.format] ?? 'application/octet-stream';
    const created = await recordBlob(deps.db, { sha256, contentType, format: info.format, bytes: bytes.byteLength, width: info.width, height: info.height });
    const result: UploadResult = { ref: `sha256:${sha256}`, sha256, contentType, format: info.format, width: info.width, height: info.height, bytes: bytes.byteLength, created };
    return c.json(result, created ? 201 : 200);
  });
  app.get('/v1/assets/:sha256', requireAction('assets:read'), async (c) => {
    const sha256 = c.req.param('sha256').replace(/^sha256:/, '');
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new ApiError(400, 'invalid_request', 'expected a sha256 (64 lowercase hex digits) in the path');
    const meta = await findBlob(deps.db, sha256);
    const etag = `"${sha256}"`;
    if (meta && c.req.header('if-none-match') === etag) return c.body(null, 304, { ETag: etag });
    const bytes = meta ? await deps.blobs.get(sha256) : null;
    if (!meta || !bytes) throw new ApiError(404, 'not_found', `no stored asset sha256:${sha256}`);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': meta.contentType,
      'Content-Length': String(bytes.byteLength),
      ETag: etag,
      'Cache-Control': 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
  });
  return app;
}
