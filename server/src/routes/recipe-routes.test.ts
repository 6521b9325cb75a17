// Recipe approval over HTTP: an art director approves the recipe hash they saw; a stale hash is
// refused with the current one; designers may not approve; every decision is an audit event; a
// recipe change in a new lock version undoes the approval for that category only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';

let t: TestServer;
let lockDoc: Record<string, any>;
const post = (body: unknown, token?: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...(token ? { token } : {}) });

beforeAll(async () => {
  t = await startTestServer();
  lockDoc = JSON.parse(await readFile(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8'));
  expect((await t.request('/v1/locks', post(lockDoc))).status).toBe(201);
});
afterAll(() => t.close());

describe('recipe approval routes', () => {
  it('lists every category unapproved at first, with its recipe hash', async () => {
    const body = await (await t.request('/v1/recipes')).json();
    expect(body.recipes).toHaveLength(lockDoc.categories.length);
    expect(body.recipes.every((r: { approval: unknown; recipeHash: string }) => r.approval === null && /^sha256:[0-9a-f]{64}$/.test(r.recipeHash))).toBe(true);
    expect(body.recipes[0].message).toMatch(/not approved: no art director has approved/);
  });

  it('records an art director\'s approval with the audit event; refuses designers and stale hashes', async () => {
    const ines = await t.tokenFor('art-director', 'Ines (AD)');
    const designer = await t.tokenFor('designer');
    const { recipes } = await (await t.request('/v1/recipes')).json();
    const denim = recipes.find((r: { category: string }) => r.category === 'denim');
    expect((await t.request('/v1/recipes/denim/approval', post({ recipeHash: denim.recipeHash }, designer))).status).toBe(403);
    const stale = await t.request('/v1/recipes/denim/approval', post({ recipeHash: `sha256:${'0'.repeat(64)}` }, ines));
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toContain(denim.recipeHash);
    expect((await t.request('/v1/recipes/nope/approval', post({ recipeHash: denim.recipeHash }, ines))).status).toBe(404);
    const ok = await t.request('/v1/recipes/denim/approval', post({ recipeHash: denim.recipeHash, note: 'pilot 1: indigo reads right', pilot: 'pilot/' }, ines));
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ category: 'denim', approval: { by: 'Ines (AD)', recipeHash: denim.recipeHash, note: 'pilot 1: indigo reads right' } });
    const events = await (await t.request('/v1/audit/events?action=recipe.approve')).json();
    expect(events.events[0]).toMatchObject({ actor: 'Ines (AD)', action: 'recipe.approve', subject: 'northfold/denim' });
  });

  it('a new lock version that changes the denim recipe undoes its approval, and only its', async () => {
    const ines = await t.tokenFor('art-director', 'Ines (AD)');
    const { recipes } = await (await t.request('/v1/recipes')).json();
    const jersey = recipes.find((r: { category: string }) => r.category === 'jersey');
    expect((await t.request('/v1/recipes/jersey/approval', post({ recipeHash: jersey.recipeHash }, ines))).status).toBe(201);
    const changed = structuredClone(lockDoc);
    changed.version = `${lockDoc.version}-steps`;
    changed.categories.find((c: { id: string }) => c.id === 'denim').recipe = { steps: 40 };
    changed.categories.find((c: { id: string }) => c.id === 'jersey').qc = { maxDeltaE00: 2.2 };
    expect((await t.request('/v1/locks', post(changed))).status).toBe(201);
    const after = (await (await t.request('/v1/recipes')).json()).recipes;
    expect(after.find((r: { category: string }) => r.category === 'denim')).toMatchObject({ approval: null, previous: { by: 'Ines (AD)' } });
    expect(after.find((r: { category: string }) => r.category === 'denim').message).toMatch(/the recipe changed since Ines \(AD\) approved/);
    expect(after.find((r: { category: string }) => r.category === 'jersey').approval).toMatchObject({ by: 'Ines (AD)' });
  });

  it('an art director adjusts a recipe: a new lock version with the change in words, its recipe unapproved', async () => {
    const ines = await t.tokenFor('art-director', 'Ines (AD)');
    const designer = await t.tokenFor('designer');
    const body = { changes: { steps: 36, guidance: 4 }, version: 'SS27.1-knit', note: 'pilot: rib looked soft' };
    expect((await t.request('/v1/recipes/knitwear/adjust', post(body, designer))).status).toBe(403);
    const bad = await t.request('/v1/recipes/knitwear/adjust', post({ ...body, changes: { steps: 'many' } }, ines));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toMatch(/^categories\[\d+\]\.recipe\.steps$/);
    const res = await t.request('/v1/recipes/knitwear/adjust', post(body, ines));
    expect(res.status).toBe(201);
    const adjusted = await res.json();
    expect(adjusted.lock.version).toBe('SS27.1-knit');
    expect(adjusted.changes.join('\n')).toMatch(/Fine knitwear.*steps changed from \d+ to 36/);
    expect(adjusted.recipe).toMatchObject({ category: 'knitwear', approval: null });
    expect((await (await t.request('/v1/locks/current')).json()).version).toBe('SS27.1-knit');
    const events = await (await t.request('/v1/audit/events?action=recipe.adjust')).json();
    expect(events.events[0]).toMatchObject({ actor: 'Ines (AD)', subject: 'northfold/knitwear' });
  });
});
