/**
 * Bearer-token authentication and role checks. `authenticate` answers 401 (with WWW-Authenticate)
 * for a missing, malformed, unknown or revoked token; `requireAction` answers 403 when the token's role
 * may not perform the action. CORS is not auth: every route but /health passes through here.
 */
import type { MiddlewareHandler } from 'hono';
import { canPerform, type ApiAction } from '@brandlock/core/api';
import type { AuthenticatedToken } from '../../store/tokens';
import { ApiError } from '../api-error';
import type { TokenAuthenticator } from './token-authenticator';

export type AuthVariables = { token: AuthenticatedToken };

export function authenticate(tokens: TokenAuthenticator): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) {
      c.header('WWW-Authenticate', 'Bearer realm="brandlock"');
      throw new ApiError(401, 'unauthorized', header ? 'the Authorization header is not "Bearer <token>"' : 'this route needs "Authorization: Bearer <token>"');
    }
    const token = await tokens.authenticate(m[1]);
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer realm="brandlock", error="invalid_token"');
      throw new ApiError(401, 'unauthorized', 'the token is unknown or revoked');
    }
    c.set('token', token);
    await next();
  };
}

export function requireAction(action: ApiAction): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const token = c.get('token');
    if (!canPerform(token.role, action)) throw new ApiError(403, 'forbidden', `role ${token.role} may not ${action.replace(':', ' ')}`);
    await next();
  };
}
