import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';

const samples = new URL('../../../samples/', import.meta.url);
let t: TestServer;
let lockDoc: Record<string, any>;
const json = (body: unknown, token?: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...(token ? { token } : {}) });

beforeAll(async () => {
  t = await startTestServer();
  lockDoc = JSON.parse(await readFile(new URL('brand-lock.json', samples), 'utf8'));
});
afterAll(() => t.close());

describe('lock versions', () => {
  it('has no current lock before the first publish', async () => {
    const res = await t.request('/v1/locks/current');
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe('no lock is published yet');
  });

  it('publishes (admin only), is idempotent for the same content, and numbers versions', async () => {
    const director = await t.tokenFor('art-director');
    expect((await t.request('/v1/locks', json(lockDoc, director))).status).toBe(403);
    const first = await t.request('/v1/locks', json(lockDoc));
    expect(first.status).toBe(201);
    const v1 = await first.json();
    expect(v1).toMatchObject({ number: 1, version: lockDoc.version, current: true, created: true });
    const reordered = Object.fromEntries(Object.entries(lockDoc).reverse());
    const same = await t.request('/v1/locks', json(reordered));
    expect(same.status).toBe(200);
    expect(await same.json()).toMatchObject({ hash: v1.hash, number: 1, created: false });

    const changed = { ...lockDoc, description: 'a changed description' };
    const clash = await t.request('/v1/locks', json(changed));
    expect(clash.status).toBe(409);
    expect((await clash.json()).error.message).toMatch(/already published as number 1 with other content/);
    const v2 = await (await t.request('/v1/locks', json({ ...changed, version: `${lockDoc.version}-b` }))).json();
    expect(v2).toMatchObject({ number: 2, current: true });

    for (const ref of ['1', lockDoc.version, v1.hash]) {
      const got = await (await t.request(`/v1/locks/${encodeURIComponent(ref)}`)).json();
      expect(got).toMatchObject({ hash: v1.hash, number: 1, current: false });
      expect(got.lock.categories.length).toBe(lockDoc.categories.length);
    }
    expect((await (await t.request('/v1/locks/current')).json()).number).toBe(2);
    expect((await (await t.request('/v1/locks')).json()).locks.map((l: { number: number }) => l.number)).toEqual([2, 1]);
  });

  it('refuses an invalid lock with every problem and its path', async () => {
    const bad = structuredClone(lockDoc);
    bad.version = 'broken';
    bad.categories[0].lighting = 'no-such-light';
    bad.categories[1].recipe = { ...bad.categories[1].recipe, stepz: 30 };
    const res = await t.request('/v1/locks', json(bad));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_lock');
    const paths = body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['categories[0].lighting', 'categories[1].recipe.stepz']));
  });

  it('answers 415 for a body that is not JSON and 400 for JSON that does not parse', async () => {
    expect((await t.request('/v1/locks', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    const res = await t.request('/v1/locks', { method: 'POST', body: '{"a":', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/not valid JSON/);
  });
});

describe('briefs', () => {
  it('plans the good rows of a broken brief and returns each bad row with its row and column', async () => {
    const text = await readFile(new URL('brief-broken.csv', samples), 'utf8');
    const res = await t.request('/v1/briefs', json({ name: 'broken', text, lock: '1' }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.skus).toBeGreaterThan(0);
    expect(body.errors).toBeGreaterThan(0);
    const categoryTypo = body.issues.find((i: { column: string; row: number }) => i.column === 'category');
    expect(categoryTypo).toMatchObject({ row: 3, severity: 'error' });
    expect(categoryTypo.found).toBe('"shirt"');
    const skus = await (await t.request(`/v1/briefs/${body.id}/skus`)).json();
    expect(skus.skus.map((s: { sku: string }) => s.sku)).not.toContain('NF-XX-0002');
  });

  it('answers 422 when no row plans, and 404 for an unknown lock version', async () => {
    const none = await t.request('/v1/briefs', json({ name: 'empty', text: 'sku,colorway,category,fabric,silhouette,swatch\nA1,Red,nope,cotton,tee,#ff0000\n' }));
    expect(none.status).toBe(422);
    expect((await none.json()).error.issues[0]).toMatchObject({ row: 2, column: 'category' });
    expect((await t.request('/v1/briefs', json({ name: 'x', text: 'sku\n', lock: '99' }))).status).toBe(404);
    const bad = await t.request('/v1/briefs', json({ name: '', text: '' }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues.map((i: { path: string }) => i.path)).toEqual(['name', 'text']);
  });
});
