// The asset library over HTTP: a photo uploaded with a hostile name is stored under a harmless label;
// an SVG, an empty body and a bad tag are refused; people correct and tag; search by colour; a
// brief's coverage names the SKUs without a usable source; every change is an audit event.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';

const samples = new URL('../../../samples/', import.meta.url);
let t: TestServer;
const raw = (bytes: Uint8Array | string, token?: string) => ({ method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes, ...(token ? { token } : {}) });

beforeAll(async () => {
  t = await startTestServer();
  const lock = await readFile(new URL('brand-lock.json', samples), 'utf8');
  expect((await t.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: lock })).status).toBe(201);
});
afterAll(() => t.close());

describe('library routes', () => {
  let hoodie: string;
  it('adds a photo under a cleaned name, estimated against the current lock', async () => {
    const designer = await t.tokenFor('designer', 'Dee');
    const bytes = await readFile(new URL('photos/packshot/solidus-hoodie-red-cutout.png', samples));
    const res = await t.request(`/v1/library?path=${encodeURIComponent('../../etc/ghost/\u0007NF-JR-3002 hoodie.png')}&tags=ss24,hero`, raw(bytes, designer));
    expect(res.status).toBe(201);
    const asset = await res.json();
    expect(asset).toMatchObject({ path: 'etc/ghost/NF-JR-3002 hoodie.png', fileName: 'NF-JR-3002 hoodie.png', kind: 'ghost', kindSource: 'folder', category: 'jersey', sku: 'NF-JR-3002', tags: ['ss24', 'hero'], addedBy: 'Dee', usable: true, ref: `library:${asset.id}` });
    hoodie = asset.id;
    expect((await t.request('/v1/library?path=again.png', raw(bytes, designer))).status).toBe(200);
  });

  it('refuses what is not a photo, an empty body and a bad tag', async () => {
    expect((await t.request('/v1/library?path=x.svg', raw('<svg xmlns="http://www.w3.org/2000/svg"/>'))).status).toBe(415);
    expect((await t.request('/v1/library', raw(new Uint8Array(0)))).status).toBe(400);
    const bytes = await readFile(new URL('photos/flatlay/solidus-tee-blue-white-bg.jpg', samples));
    expect((await t.request('/v1/library?tags=%3Cscript%3E', raw(bytes))).status).toBe(400);
  });

  it('corrects and tags (audited), searches by colour and tag, and reports coverage', async () => {
    const patch = await t.request(`/v1/library/${hoodie}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ addTags: ['approved'], removeTags: ['hero'], kind: 'on-model' }) });
    expect(patch.status).toBe(200);
    expect(await patch.json()).toMatchObject({ kind: 'on-model', kindSource: 'person', tags: ['ss24', 'approved'] });
    expect((await t.request(`/v1/library/${hoodie}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ category: 'ballgowns' }) })).status).toBe(422);
    const near = await (await t.request('/v1/library?color=poppy&within=15')).json();
    expect(near.assets[0]).toMatchObject({ id: hoodie });
    expect(typeof near.assets[0].deltaE).toBe('number');
    expect((await (await t.request('/v1/library?tag=approved')).json()).total).toBe(1);
    const events = await (await t.request('/v1/audit/events?action=library.edit')).json();
    expect(events.events[0]).toMatchObject({ subject: hoodie });
    const brief = await t.request('/v1/briefs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'cov', text: 'sku,colorway,category,fabric,silhouette,swatch\nNF-JR-3002,Poppy,jersey,jersey,hoodie,poppy\nNF-WV-9,Ink,wovens,poplin,shirt,ink\n' }) });
    const { id } = await brief.json();
    const cov = await (await t.request(`/v1/library/coverage?brief=${id}`)).json();
    expect(cov).toMatchObject({ covered: 1, uncovered: 1 });
    expect(cov.skus.find((s: { sku: string }) => s.sku === 'NF-WV-9').problem).toMatch(/no source image/);
  });
});
