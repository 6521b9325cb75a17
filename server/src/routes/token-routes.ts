/**
 * Token administration (admin only): list, create (the secret is in the response once), revoke. The
 * last active admin token cannot be revoked (409): nobody could manage tokens through the API after it.
 */
import { Hono } from 'hono';
import { TokenCreateRequest } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError, parseOr400 } from '../middleware/api-error';
import { createToken, LastAdminTokenError, listTokens, revokeTokenKeepingAnAdmin } from '../store/tokens';
import { recordEvent } from '../store/audit-events';
import { readJson } from './read-json';
import type { AppEnv, RouteDeps } from './route-deps';

export function tokenRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  app.use('/v1/tokens', requireAction('tokens:manage'));
  app.use('/v1/tokens/*', requireAction('tokens:manage'));
  app.get('/v1/tokens', async (c) => c.json({ tokens: await listTokens(deps.db) }));
  app.post('/v1/tokens', async (c) => {
    const body = parseOr400(TokenCreateRequest, await readJson(c, 16 * 1024), 'token request');
    const actor = c.get('token');
    const created = await deps.db.transaction(async (tx) => {
      const t = await createToken(tx, body);
      await recordEvent(tx, { name: actor.name, tokenId: actor.id }, 'token.create', t.id, { name: t.name, role: t.role });
      return t;
    });
    return c.json(created, 201);
  });
  app.delete('/v1/tokens/:id', async (c) => {
    const actor = c.get('token');
    let revoked;
    try {
      revoked = await revokeTokenKeepingAnAdmin(deps.db, c.req.param('id'));
    } catch (e) {
      if (e instanceof LastAdminTokenError) throw new ApiError(409, 'conflict', e.message);
      throw e;
    }
    if (!revoked) throw new ApiError(404, 'not_found', `no token "${c.req.param('id')}"`);
    // The change notice also arrives, but this answer must not race it.
    deps.tokens.forget(revoked.id);
    await recordEvent(deps.db, { name: actor.name, tokenId: actor.id }, 'token.revoke', revoked.id, { name: revoked.name, role: revoked.role });
    return c.json(revoked);
  });
  return app;
}
