// The recipe-approval gate on the server, as a designer in a plugin and a production lead with a
// brief meet it: a generate job in a category nobody approved is refused (409, the category and why);
// a pilot makes at most N SKUs per category; after an art director approves, the job goes through; a
// recipe change since says who approved what; a brief queues only with approvals, a pilot, or an
// admin's audited override (a designer's is refused).
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';

const samples = new URL('../../../samples/', import.meta.url);
let t: TestServer;
let ines: string;
let designer: string;
let source: string;
let lockDoc: Record<string, any>;
const post = (body: unknown, token?: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...(token ? { token } : {}) });
const item = (sku: string, category = 'denim') => ({ sku, colorway: 'Indigo', category, fabric: 'rigid denim', silhouette: 'straight jean', swatch: 'indigo-rinse', model: 'ava' });
const generate = (sku: string, extra: Record<string, unknown> = {}, token?: string) => t.request('/v1/jobs', post({ kind: 'generate', item: item(sku), sources: [source], ...extra }, token));

beforeAll(async () => {
  t = await startTestServer({ workers: false });
  ines = await t.tokenFor('art-director', 'Ines (AD)');
  designer = await t.tokenFor('designer', 'Dana (designer)');
  lockDoc = JSON.parse(await readFile(new URL('brand-lock.json', samples), 'utf8'));
  expect((await t.request('/v1/locks', post(lockDoc))).status).toBe(201);
  const png = await sharp({ create: { width: 64, height: 96, channels: 3, background: '#f4f1ea' } }).png().toBuffer();
  source = (await (await t.request('/v1/uploads', { method: 'PUT', headers: { 'content-type': 'image/png' }, body: png })).json()).ref;
}, 120_000);
afterAll(() => t?.close());

describe('the recipe approval gate on the server', () => {
  it('refuses a generate job in an unapproved category, lets a pilot of N SKUs through, then the approved recipe', async () => {
    const refused = await generate('NF-DN-1', {}, designer);
    expect(refused.status).toBe(409);
    const body = (await refused.json()).error;
    expect(body.code).toBe('recipe_not_approved');
    expect(body.message).toMatch(/refused: the recipe of denim is not approved/);
    expect(body.issues).toEqual([expect.objectContaining({ path: 'category denim', message: expect.stringMatching(/^denim \(.*\): not approved: no art director has approved recipe [0-9a-f]{12}/) })]);

    expect((await generate('NF-DN-1', { pilot: 2 }, designer)).status).toBe(202);
    expect((await generate('NF-DN-2', { pilot: 2 }, designer)).status).toBe(202);
    const over = await generate('NF-DN-3', { pilot: 2 }, designer);
    expect(over.status).toBe(409);
    expect((await over.json()).error.issues[0]).toMatchObject({ code: 'pilot_exhausted', found: '3', expected: 'at most 2' });

    const { recipes } = await (await t.request('/v1/recipes')).json();
    const denim = recipes.find((r: { category: string }) => r.category === 'denim');
    expect((await t.request('/v1/recipes/denim/approval', post({ recipeHash: denim.recipeHash, note: 'indigo reads right' }, ines))).status).toBe(201);
    expect((await generate('NF-DN-3', {}, designer)).status).toBe(202);
  });

  it('says who approved the recipe before it changed', async () => {
    const changed = structuredClone(lockDoc);
    changed.version = 'SS27.9';
    changed.categories.find((c: { id: string }) => c.id === 'denim').recipe = { steps: 40 };
    expect((await t.request('/v1/locks', post(changed))).status).toBe(201);
    const refused = await generate('NF-DN-4', {}, designer);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.issues[0].message).toMatch(/the recipe changed since Ines \(AD\) approved [0-9a-f]{12} on \d{4}-\d\d-\d\d/);
  });

  it('queues a brief only with approvals, a pilot, or an admin override that the audit trail keeps', async () => {
    const text = ['sku,colorway,category,fabric,silhouette,swatch,views,model,source_images', 'NF-JR-9,Poppy,jersey,cotton jersey,hoodie,poppy,front,mei,a.png', 'NF-JR-10,Ink,jersey,cotton jersey,hoodie,ink,front,mei,a.png'].join('\n');
    const brief = await (await t.request('/v1/briefs', post({ name: 'gate', text }))).json();
    const queue = (extra: Record<string, unknown>, token?: string) => t.request(`/v1/briefs/${brief.id}/jobs`, post({ sources: { 'a.png': source }, ...extra }, token));
    const refused = await queue({}, designer);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.issues.map((i: { path: string }) => i.path)).toEqual(['category jersey']);
    expect((await queue({ override: { reason: 'launch shoot' } }, designer)).status).toBe(403);
    const pilot = await queue({ pilot: 1, skus: ['NF-JR-9'] }, designer);
    expect(pilot.status).toBe(202);
    expect((await pilot.json()).queued).toHaveLength(1);
    const overridden = await queue({ override: { reason: 'launch shoot, AD signs off on the contact sheet' } });
    expect(overridden.status).toBe(202);
    expect((await overridden.json()).queued.map((q: { sku: string }) => q.sku).sort()).toEqual(['NF-JR-10', 'NF-JR-9']);
    const events = (await (await t.request('/v1/audit/events?action=recipe.gate.override')).json()).events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'first-admin', subject: brief.id, detail: { reason: 'launch shoot, AD signs off on the contact sheet', categories: [expect.objectContaining({ category: 'jersey', skus: 1 })] } });
  });

  it('holds a pilot to N SKUs when the requests for it arrive at once', async () => {
    // Six plugin users start a pilot of 2 in the same minute: the gate counts what is made and what
    // is being made, so exactly two SKUs get jobs and the rest are told the pilot is used up.
    const knit = (sku: string) => t.request('/v1/jobs', post({ kind: 'generate', item: item(sku, 'knitwear'), sources: [source], pilot: 2 }, designer));
    const answers = await Promise.all(['NF-KN-1', 'NF-KN-2', 'NF-KN-3', 'NF-KN-4', 'NF-KN-5', 'NF-KN-6'].map(knit));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([202, 202, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expect((await a.json()).error.issues[0]).toMatchObject({ code: 'pilot_exhausted', expected: 'at most 2' });
    const { jobs } = await (await t.request('/v1/jobs?kind=generate&limit=100')).json();
    expect(new Set(jobs.filter((j: { category: string }) => j.category === 'knitwear').map((j: { sku: string }) => j.sku)).size).toBe(2);
  });

  it('holds a pilot to N SKUs across briefs queued at once', async () => {
    const text = ['sku,colorway,category,fabric,silhouette,swatch,source_images', ...[1, 2, 3].map((n) => `NF-OW-${n},Ink,outerwear,wool melton,car coat,indigo-rinse,a.png`)].join('\n');
    const briefs = await Promise.all([1, 2, 3].map(async (n) => (await (await t.request('/v1/briefs', post({ name: `pilot ${n}`, text: text.replaceAll('NF-OW-', `NF-OW-${n}`) }))).json()).id as string));
    const answers = await Promise.all(briefs.map((id) => t.request(`/v1/briefs/${id}/jobs`, post({ sources: { 'a.png': source }, pilot: 3 }, designer))));
    const accepted = answers.filter((a) => a.status === 202);
    expect(accepted).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(2);
    const { jobs } = await (await t.request('/v1/jobs?kind=generate&limit=100')).json();
    expect(new Set(jobs.filter((j: { category: string }) => j.category === 'outerwear').map((j: { sku: string }) => j.sku)).size).toBe(3);
  });
});
