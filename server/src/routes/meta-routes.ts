/** /health (public), /openapi.json, /v1/me and /v1/providers. */
import { Hono } from 'hono';
import { actionsOf, buildOpenApiDocument, type Health, type Me, type ProviderList } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import type { AppEnv, RouteDeps } from './route-deps';

/** Liveness that means something: the database answers. */
export function healthRoute(deps: RouteDeps) {
  return new Hono().get('/health', async (c) => {
    try {
      await deps.db.query('SELECT 1');
      return c.json({ ok: true, version: deps.version } satisfies Health);
    } catch {
      return c.json({ ok: false, version: deps.version } satisfies Health, 503);
    }
  });
}

export function metaRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  let openApi: unknown = null;
  app.get('/openapi.json', requireAction('locks:read'), (c) => {
    openApi ??= buildOpenApiDocument({ version: deps.version });
    return c.json(openApi as Record<string, unknown>);
  });
  app.get('/v1/me', requireAction('jobs:read'), (c) => {
    const t = c.get('token');
    return c.json({ tokenId: t.id, name: t.name, role: t.role, actions: actionsOf(t.role) } satisfies Me);
  });
  app.get('/v1/providers', requireAction('jobs:read'), (c) => c.json({ providers: deps.registry.describe() } satisfies ProviderList));
  return app;
}
