// Lock set-up measures photos on a thread of its own, not the server's API thread: describing a 24 MP
// library photo is about a second of synchronous JavaScript, and on the API thread every plugin's
// request waited behind it. With the built measure worker (as `npm start` runs), a photo added to the
// library over HTTP is described on another thread, with the same facts as this thread computes, and
// a file that is not an image is still refused with its own status.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import sharp from 'sharp';
import { loadBrandLock } from '@brandlock/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { lastMeasureThread } from './measure-pool';
import { measurePhoto } from './photo-measures';

const root = new URL('../../../', import.meta.url).pathname;
const out = join(root, 'dist', `test-measure-worker-${process.pid}`);
const raw = (bytes: Uint8Array | string, token: string) => ({ method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes, token });
let t: TestServer;
let before: string | undefined;

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['esbuild.config.mjs', 'server'], { cwd: root, encoding: 'utf8', env: { ...process.env, BRANDLOCK_DIST: out } });
  expect(build.status, build.stderr).toBe(0);
  before = process.env.BRANDLOCK_WORKER_DIR;
  process.env.BRANDLOCK_WORKER_DIR = out;
  t = await startTestServer();
  const lock = readFileSync(join(root, 'samples/brand-lock.json'), 'utf8');
  expect((await t.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: lock })).status).toBe(201);
}, 120_000);
afterAll(async () => {
  if (before === undefined) delete process.env.BRANDLOCK_WORKER_DIR;
  else process.env.BRANDLOCK_WORKER_DIR = before;
  await t?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('photos measured for lock set-up', () => {
  it('describes a 24 MP library photo on the measure thread, as this thread would', async () => {
    // A studio packshot enlarged to 4000 x 6000, as a camera master arrives.
    const bytes = await sharp(join(root, 'samples/photos/packshot/solidus-polo-red-navy-white-bg.jpg')).resize(4000, 6000, { fit: 'fill' }).jpeg({ quality: 92 }).toBuffer();
    const designer = await t.tokenFor('designer', 'Dee');
    const res = await t.request('/v1/library?path=NF-WV-1002%20polo.jpg', raw(bytes, designer));
    expect(res.status).toBe(201);
    expect(lastMeasureThread()).not.toBe(threadId);
    const asset = await res.json();
    const loaded = loadBrandLock(JSON.parse(readFileSync(join(root, 'samples/brand-lock.json'), 'utf8')));
    if (!loaded.success) throw new Error('the sample lock does not load');
    const lock = loaded.lock;
    const here = await measurePhoto({ kind: 'describe', path: 'NF-WV-1002 polo.jpg', bytes, lock, knownSkus: [] });
    expect({ width: asset.width, height: asset.height, kind: asset.kind, category: asset.category, color: asset.color, usable: asset.usable }).toEqual({
      width: 4000, height: 6000, kind: here.described.kind.kind, category: here.described.category, color: here.described.color, usable: here.described.usable,
    });
  }, 120_000);

  it('refuses what is not an image from the measure thread with the status it had (415 for an SVG)', async () => {
    const designer = await t.tokenFor('designer', 'Dee');
    const res = await t.request('/v1/library?path=logo.svg', raw('<svg xmlns="http://www.w3.org/2000/svg"/>', designer));
    expect(res.status).toBe(415);
    expect((await res.json()).error.message).toMatch(/not an image format brandlock reads/);
  });

  it('measures a swatch from library photos there too', async () => {
    const designer = await t.tokenFor('designer', 'Dee');
    const bytes = readFileSync(join(root, 'samples/photos/packshot/solidus-hoodie-red-cutout.png'));
    const added = await (await t.request('/v1/library?path=hoodie.png', raw(bytes, designer))).json();
    const res = await t.request('/v1/palette/measure', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ references: [added.ref] }), token: designer });
    expect(res.status).toBe(200);
    const lab = (await res.json()).lab;
    const here = await measurePhoto({ kind: 'swatch', path: 'hoodie.png', bytes });
    expect(lab).toEqual(here);
    expect(lastMeasureThread()).not.toBe(threadId);
  });
});
