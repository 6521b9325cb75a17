/**
 * Reads a JSON request body with a size limit and a clear error: 413 over the limit (counted as it
 * streams, whatever Content-Length says), 415 when it is not JSON, 400 with the position when it
 * does not parse.
 */
import type { Context } from 'hono';
import { ApiError } from '../middleware/api-error';

export async function readBodyBytes(c: Context, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? NaN);
  const tooLarge = () => new ApiError(413, 'payload_too_large', `the body is larger than ${maxBytes} bytes`);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const body = c.req.raw.body;
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export async function readJson(c: Context, maxBytes: number): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new ApiError(415, 'unsupported_media_type', `expected Content-Type: application/json, found ${type ? JSON.stringify(type) : 'none'}`);
  const text = new TextDecoder().decode(await readBodyBytes(c, maxBytes));
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, 'invalid_request', `the body is not valid JSON: ${(e as Error).message}`);
  }
}
