/**
 * The brandlock HTTP API: routes only. CORS for the plugin iframes, /health and provider webhooks
 * without a token, everything else behind a bearer token and the role table, and one error shape.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ApiErrorBody } from '@brandlock/core/api';
import { ApiError } from './middleware/api-error';
import { authenticate } from './middleware/auth';
import { corsPolicy } from './middleware/cors-policy';
import { inputGuard } from './middleware/input-guard';
import type { AppEnv, RouteDeps } from './routes/route-deps';
import { healthRoute, metaRoutes } from './routes/meta-routes';
import { webhookRoutes } from './routes/webhook-routes';
import { tokenRoutes } from './routes/token-routes';
import { lockRoutes } from './routes/lock-routes';
import { briefRoutes } from './routes/brief-routes';
import { uploadRoutes } from './routes/upload-routes';
import { lutRoutes } from './routes/lut-routes';
import { jobRoutes } from './routes/job-routes';
import { moodboardRoutes } from './routes/moodboard-routes';
import { lockFileRoutes } from './routes/lock-file-routes';
import { encodeRoutes } from './routes/encode-routes';
import { reviewRoutes } from './routes/review-routes';
import { auditRoutes } from './routes/audit-routes';
import { recipeRoutes } from './routes/recipe-routes';
import { libraryRoutes } from './routes/library-routes';
import { lockSetupRoutes } from './routes/lock-setup-routes';
import { trainingRoutes } from './routes/training-routes';
import { isDatabaseUnavailable } from './store/database-unavailable';

/** Retry-After on a 503 while the database does not answer. */
const DATABASE_RETRY_SECONDS = 5;

export function createApp(deps: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.onError((err, c) => {
    // An error answer may quote what a provider or a library said: no configured secret leaves in it.
    if (err instanceof ApiError) {
      if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(Math.max(1, Math.ceil(err.retryAfterSeconds))));
      const body: ApiErrorBody = { error: { code: err.code, message: deps.redactor.redact(err.message), ...(err.issues ? { issues: err.issues.map((i) => Object.fromEntries(Object.entries(i).map(([k, v]) => [k, typeof v === 'string' ? deps.redactor.redact(v) : v])) as typeof i) } : {}) } };
      return c.json(body, err.status);
    }
    if (err instanceof HTTPException) return c.json({ error: { code: err.status === 413 ? 'payload_too_large' : 'invalid_request', message: deps.redactor.redact(err.message) } } satisfies ApiErrorBody, err.status);
    if (isDatabaseUnavailable(err)) {
      // An outage, not a bug: said as such, and when to try again.
      deps.log.warn('database unavailable', { method: c.req.method, path: c.req.path, error: err.message });
      c.header('Retry-After', String(DATABASE_RETRY_SECONDS));
      return c.json({ error: { code: 'database_unavailable', message: `the database is not answering; try again in ${DATABASE_RETRY_SECONDS} s` } } satisfies ApiErrorBody, 503);
    }
    deps.log.error('unhandled error', { method: c.req.method, path: c.req.path, error: err });
    return c.json({ error: { code: 'internal', message: 'internal server error; the server log has the details' } } satisfies ApiErrorBody, 500);
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } } satisfies ApiErrorBody, 404));

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    deps.log.debug('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 });
  });
  app.use('*', corsPolicy(deps.config.corsOrigins));
  app.use('*', inputGuard());

  app.route('/', healthRoute(deps));
  app.route('/', webhookRoutes(deps));
  app.use('/v1/*', authenticate(deps.tokens));
  app.use('/openapi.json', authenticate(deps.tokens));
  app.route('/', metaRoutes(deps));
  app.route('/', tokenRoutes(deps));
  app.route('/', lockRoutes(deps));
  app.route('/', briefRoutes(deps));
  app.route('/', uploadRoutes(deps));
  app.route('/', lutRoutes(deps));
  app.route('/', jobRoutes(deps));
  app.route('/', moodboardRoutes(deps));
  app.route('/', lockFileRoutes(deps));
  app.route('/', encodeRoutes(deps));
  app.route('/', reviewRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', recipeRoutes(deps));
  app.route('/', libraryRoutes(deps));
  app.route('/', lockSetupRoutes(deps));
  app.route('/', trainingRoutes(deps));
  return app;
}
