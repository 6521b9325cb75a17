/**
 * Reads a JSON request body with a size limit and a clear error: 413 over the limit (counted as it
 * streams, whatever Content-Length says), 415 when it is not JSON, 400 with the position when it
 * does not parse, and 400 naming the field when a string holds what Postgres cannot store (NUL, a
 * lone UTF-16 surrogate) or the bytes are not UTF-8.
 */
import type { Context } from 'hono';
import { ApiError } from '../middleware/api-error';
import { unstorableTextIn } from '../middleware/input-guard/unstorable-text';

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

export interface ReadJsonOptions {
  /**
   * Top-level string fields the route checks itself, cell by cell (a brief's CSV text: a bad cell
   * refuses its row, not the whole brief). Everything else is refused here when Postgres cannot store it.
   */
  checkedByRoute?: readonly string[];
}

export async function readJson(c: Context, maxBytes: number, options: ReadJsonOptions = {}): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new ApiError(415, 'unsupported_media_type', `expected Content-Type: application/json, found ${type ? JSON.stringify(type) : 'none'}`);
  const bytes = await readBodyBytes(c, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_request', 'the body is not valid UTF-8; JSON is sent as UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, 'invalid_request', `the body is not valid JSON: ${(e as Error).message}`);
  }
  const checked = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([k]) => !options.checkedByRoute?.includes(k))) : value;
  const issues = unstorableTextIn(checked);
  if (issues.length) throw new ApiError(400, 'invalid_request', `invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  return value;
}
