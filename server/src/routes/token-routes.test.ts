// Token revocation keeps someone able to manage tokens: the only admin revoking its own token (which
// locked everyone out of token management until someone stopped the server and used the CLI) is
// refused with 409 and a message saying what to do; with a second admin it goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const me = async (token?: string) => (await t.request('/v1/me', { token })).json();

describe('DELETE /v1/tokens/{id}', () => {
  it('refuses to revoke the last active admin token, and allows it once another admin exists', async () => {
    const { tokenId } = await me();
    const refused = await t.request(`/v1/tokens/${tokenId}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/last active admin token; create another admin token first/) });
    expect((await t.request('/v1/me')).status).toBe(200);

    const second = await (await t.request('/v1/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'second admin', role: 'admin' }) })).json();
    expect((await t.request(`/v1/tokens/${tokenId}`, { method: 'DELETE' })).status).toBe(200);
    expect((await t.request('/v1/me')).status).toBe(401);
    // Now the second admin is the last one.
    const refusedAgain = await t.request(`/v1/tokens/${second.id}`, { method: 'DELETE', token: second.token });
    expect(refusedAgain.status).toBe(409);
    expect((await me(second.token)).role).toBe('admin');
  });
});
