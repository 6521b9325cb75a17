/**
 * LUT uploads: the .cube files a lock pins by sha256. Post-production reads a category's grade from
 * the blob store by that hash, so a lock published without its LUTs grades nothing (and says so).
 * The file is parsed before it is stored: a bad LUT is refused with the line that is wrong.
 */
import { Hono } from 'hono';
import { describeLutShape, formatCubeIssue, parseCube } from '@brandlock/core';
import type { LutUploadResult } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError } from '../middleware/api-error';
import { recordBlob } from '../store/blobs';
import { readBodyBytes } from './read-json';
import type { AppEnv, RouteDeps } from './route-deps';

/** A 65-point 3D LUT written with 6 decimals is about 8 MB; 32 MB leaves room for shapers and comments. */
const MAX_LUT_BYTES = 32 * 1024 * 1024;

export function lutRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  app.put('/v1/luts', requireAction('locks:publish'), async (c) => {
    const bytes = await readBodyBytes(c, MAX_LUT_BYTES);
    if (!bytes.byteLength) throw new ApiError(400, 'invalid_request', 'the upload is empty; send the .cube file as the request body');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ApiError(422, 'invalid_lut', 'a .cube file is text; this upload is not valid UTF-8');
    }
    const parsed = parseCube(text);
    if (!parsed.success) throw new ApiError(422, 'invalid_lut', `not a valid .cube file: ${formatCubeIssue(parsed.issue)}`);
    const { sha256 } = await deps.blobs.put(bytes);
    const created = await recordBlob(deps.db, { sha256, contentType: 'application/x-cube', format: 'cube', bytes: bytes.byteLength, width: null, height: null });
    const result: LutUploadResult = { ref: `sha256:${sha256}`, sha256, title: parsed.lut.title, description: describeLutShape(parsed.lut), bytes: bytes.byteLength, created };
    return c.json(result, created ? 201 : 200);
  });
  return app;
}
