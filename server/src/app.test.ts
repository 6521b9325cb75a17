import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, ACTION_ROLES, Role, type Role as RoleName } from '@brandlock/core/api';
import { startTestServer, type TestServer } from '../test-support/server/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const samplePath = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'sha256' ? '0'.repeat(64) : name === 'provider' ? 'local' : 'x'));

describe('authentication and roles', () => {
  it('serves /health without a token and nothing else', async () => {
    const health = await t.request('/health', { token: null });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    for (const route of API_ROUTES.filter((r) => r.action !== null)) {
      const res = await t.request(samplePath(route.path), { method: route.method.toUpperCase(), token: null });
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect((await res.json()).error.code).toBe('unauthorized');
    }
  });

  it('refuses malformed, unknown and revoked tokens with 401', async () => {
    expect((await t.request('/v1/me', { token: 'not-a-token' })).status).toBe(401);
    expect((await t.request('/v1/me', { token: 'bl_aaaaaaaaaaaa.' + 'A'.repeat(43) })).status).toBe(401);
    const designer = await t.tokenFor('designer');
    expect((await t.request('/v1/me', { token: designer })).status).toBe(200);
    const me = await (await t.request('/v1/me', { token: designer })).json();
    const revoke = await t.request(`/v1/tokens/${me.tokenId}`, { method: 'DELETE' });
    expect(revoke.status).toBe(200);
    expect((await t.request('/v1/me', { token: designer })).status).toBe(401);
  });

  it('answers 403 when the role may not perform the action, for every guarded route', async () => {
    const tokens = Object.fromEntries(await Promise.all(Role.options.map(async (r) => [r, await t.tokenFor(r)]))) as Record<RoleName, string>;
    for (const route of API_ROUTES) {
      if (!route.action) continue;
      for (const role of Role.options) {
        if ((ACTION_ROLES[route.action] as readonly string[]).includes(role)) continue;
        const res = await t.request(samplePath(route.path), { method: route.method.toUpperCase(), token: tokens[role], headers: { 'content-type': 'application/json' }, body: route.method === 'get' ? undefined : '{}' });
        expect(res.status, `${role} ${route.method} ${route.path}`).toBe(403);
      }
    }
  });

  it('serves every route of the OpenAPI document (no route answers 404 for its own path)', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of API_ROUTES) {
      const res = await t.request(samplePath(route.path), { method: route.method.toUpperCase() });
      const body = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
      expect(body?.error?.message ?? '', `${route.method} ${route.path}`).not.toMatch(/^no route/);
    }
  });
});

describe('CORS', () => {
  it('lets the Figma UI iframe (origin "null") read answers, without credentials', async () => {
    const preflight = await t.request('/v1/jobs', { method: 'OPTIONS', token: null, headers: { origin: 'null', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('null');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const get = await t.request('/v1/me', { headers: { origin: 'null' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('null');
  });

  it('does not open the API to other origins, and CORS never replaces the token', async () => {
    const evil = await t.request('/v1/me', { headers: { origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect((await t.request('/v1/me', { token: null, headers: { origin: 'null' } })).status).toBe(401);
  });
});
