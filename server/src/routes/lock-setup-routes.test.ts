// Lock set-up over HTTP: a swatch file read with its bad entries named; a swatch measured and a
// lighting preset calibrated from photos in the library.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAse } from '@brandlock/core';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';

const samples = new URL('../../../samples/', import.meta.url);
let t: TestServer;
const ids: Record<string, string> = {};
const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  t = await startTestServer();
  expect((await t.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: await readFile(new URL('brand-lock.json', samples), 'utf8') })).status).toBe(201);
  for (const f of ['packshot/solidus-hoodie-blue-white-bg.jpg', 'packshot/solidus-polo-red-navy-white-bg.jpg', 'packshot/solidus-zip-hoodie-grey-white-bg.jpg', 'packshot/solidus-hoodie-red-cutout.png', 'packshot/solidus-longsleeve-red-cutout.png']) {
    const res = await t.request(`/v1/library?path=${encodeURIComponent(f)}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: await readFile(new URL(`photos/${f}`, samples)) });
    ids[f.split('/')[1]] = (await res.json()).id;
  }
}, 120_000);
afterAll(() => t.close());

describe('lock set-up routes', () => {
  it('reads an .ase upload into swatches and names the entry it refuses', async () => {
    const good = writeAse([{ id: 'a', name: 'Classic Blue', code: '19-4052 TCX', color: 'lab(31.2 -0.3 -30.1)' }]);
    const res = await t.request('/v1/palette/import?name=ss28.ase', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: good });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ format: 'ase', swatches: [{ name: 'Classic Blue', code: '19-4052 TCX' }], issues: [] });
    const text = await t.request('/v1/palette/import?name=list.txt', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'PANTONE 11-0601 TCX Bright White\n' });
    expect((await text.json()).issues[0]).toMatchObject({ line: 1, file: 'list.txt' });
  });

  it('measures a swatch from two library photos, nearest the lock\'s reds', async () => {
    const res = await t.request('/v1/palette/measure', post({ references: [`library:${ids['solidus-hoodie-red-cutout.png']}`, ids['solidus-longsleeve-red-cutout.png'], '0'.repeat(64)] }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.references[2]).toMatchObject({ error: 'not in the library', lab: null });
    expect(body.nearest.id).toMatch(/poppy|terracotta/);
  });

  it('calibrates the packshot preset from three library photos', async () => {
    const refs = ['solidus-hoodie-blue-white-bg.jpg', 'solidus-polo-red-navy-white-bg.jpg', 'solidus-zip-hoodie-grey-white-bg.jpg'].map((f) => ids[f]);
    const res = await t.request('/v1/lighting/packshot-white/calibrate', post({ references: refs }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.preset).toMatchObject({ id: 'packshot-white', background: '#ffffff', colorTemperatureK: 6500 });
    expect(body.references).toHaveLength(3);
    expect((await t.request('/v1/lighting/nope/calibrate', post({ references: refs }))).status).toBe(404);
  });
});
