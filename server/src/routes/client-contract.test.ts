// The typed client from core/api against the real server over loopback HTTP: every error a plugin
// shows its user arrives as the right class, recognisable by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createBrandlockClient,
  isBrandlockAuthError,
  isBrandlockError,
  isBrandlockForbiddenError,
  isBrandlockHttpError,
  isBrandlockNetworkError,
  isBrandlockTimeoutError,
  isBrandlockValidationError,
} from '@brandlock/core/api';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ listen: true });
});
afterAll(() => t.close());

describe('the API client', () => {
  it('says who the token belongs to and what it may do', async () => {
    const me = await createBrandlockClient({ baseUrl: t.url, token: t.adminToken }).me();
    expect(me).toMatchObject({ name: 'first-admin', role: 'admin' });
    expect(me.actions).toContain('locks:publish');
  });

  it('raises BrandlockAuthError for a bad token and BrandlockForbiddenError for the wrong role', async () => {
    const bad = await createBrandlockClient({ baseUrl: t.url, token: 'bl_wrong' }).me().catch((e) => e);
    expect(isBrandlockAuthError(bad) && isBrandlockHttpError(bad) && isBrandlockError(bad)).toBe(true);
    expect(bad.message).toBe(`GET ${t.url}/v1/me: 401 the token is unknown or revoked`);
    const designer = createBrandlockClient({ baseUrl: t.url, token: await t.tokenFor('designer') });
    const forbidden = await designer.locks.publish({}).catch((e) => e);
    expect(isBrandlockForbiddenError(forbidden)).toBe(true);
    expect(forbidden.status).toBe(403);
  });

  it('raises BrandlockValidationError with the issues the server sent', async () => {
    const api = createBrandlockClient({ baseUrl: t.url, token: t.adminToken });
    const err = await api.tokens.create({ name: '', role: 'admin' }).catch((e) => e);
    expect(isBrandlockValidationError(err)).toBe(true);
    expect(err.issues[0]).toMatchObject({ path: 'name' });
  });

  it('raises BrandlockNetworkError when nothing listens, and BrandlockTimeoutError when the server never answers', async () => {
    const down = createBrandlockClient({ baseUrl: 'http://127.0.0.1:9', token: 'x', retries: 0 });
    const net = await down.health().catch((e) => e);
    expect(isBrandlockNetworkError(net)).toBe(true);
    expect(net.message).toMatch(/^GET http:\/\/127\.0\.0\.1:9\/health: server unreachable/);

    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const slow = createBrandlockClient({ baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, timeoutMs: 200, retries: 0 });
      expect(isBrandlockTimeoutError(await slow.health().catch((e) => e))).toBe(true);
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });

  it('uses the fetch it is given (a plugin host can wrap or replace it)', async () => {
    const seen: string[] = [];
    const api = createBrandlockClient({
      baseUrl: t.url,
      token: t.adminToken,
      fetch: (input: Request | string, init?: RequestInit) => {
        seen.push(typeof input === 'string' ? input : input.url);
        return fetch(input, init);
      },
    });
    expect((await api.health()).ok).toBe(true);
    expect(seen).toEqual([`${t.url}/health`]);
  });
});
