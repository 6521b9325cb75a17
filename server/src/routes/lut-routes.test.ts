import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('PUT /v1/luts', () => {
  it('stores a .cube under the sha256 a lock pins, once', async () => {
    const cube = await readFile(new URL('../../../samples/luts/warm-studio.cube', import.meta.url));
    const first = await t.request('/v1/luts', { method: 'PUT', body: cube });
    expect(first.status).toBe(201);
    const body = await first.json();
    expect(body).toMatchObject({ sha256: createHash('sha256').update(cube).digest('hex'), title: 'Northfold warm studio', description: '3D 33³', created: true });
    expect((await t.request('/v1/luts', { method: 'PUT', body: cube })).status).toBe(200);
  });

  it('serves a lock\'s LUT by id once uploaded, and says when it is not', async () => {
    await t.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: await readFile(new URL('../../../samples/brand-lock.json', import.meta.url)) });
    const warm = await t.request('/v1/locks/current/luts/warm-studio');
    expect(warm.status).toBe(200);
    expect(await warm.text()).toContain('TITLE "Northfold warm studio"');
    const cool = await t.request('/v1/locks/current/luts/cool-editorial');
    expect(cool.status).toBe(404);
    expect((await cool.json()).error.message).toContain('has not been uploaded');
  });

  it('refuses a broken .cube with the line that is wrong, and non-admins', async () => {
    const bad = await t.request('/v1/luts', { method: 'PUT', body: 'LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 one 0\n' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toMatchObject({ code: 'invalid_lut', message: expect.stringMatching(/line 4/) });
    const retoucher = await t.tokenFor('retoucher', 'Sam');
    const denied = await t.request('/v1/luts', { method: 'PUT', body: 'LUT_3D_SIZE 2\n', token: retoucher });
    expect(denied.status).toBe(403);
  });
});
