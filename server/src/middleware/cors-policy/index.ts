/**
 * CORS for the plugins: the Figma plugin UI runs in a sandboxed iframe whose origin is the string
 * "null", so that is allowed by default, without credentials (tokens go in the Authorization header,
 * never cookies). CORS is not auth; it only lets a browser read the answers.
 */
import { cors } from 'hono/cors';

export function corsPolicy(origins: readonly string[]) {
  const allowed = new Set(origins);
  return cors({
    origin: (origin) => (allowed.has(origin) || allowed.has('*') ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID'],
    exposeHeaders: ['Content-Length', 'ETag', 'X-Request-Id'],
    maxAge: 600,
    credentials: false,
  });
}
