// Moodboards as boards of cells against the real server: offline, an art director's 12-image board is
// 12 distinct, captioned studies made from the lock's own material; on a GPU provider (the fal
// simulator) every cell is its own request with its own prompt and seed; a board cancels as one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { createBrandlockClient, type BrandlockClient, type Moodboard } from '@brandlock/core/api';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { SimulatorFleet } from '../../test-support/simulators/simulator-fleet';
import { submissionKey } from '../../test-support/simulators/submission-ledger';

const samples = new URL('../../../samples/', import.meta.url);
const lockText = () => readFile(new URL('brand-lock.json', samples), 'utf8');

async function publishWithFiles(admin: BrandlockClient): Promise<void> {
  await admin.locks.publish(JSON.parse(await lockText()));
  for (const path of ['photos/on-model/solidus-hoodie-red-onmodel-cutout.png', 'photos/on-model/solidus-tote-onmodel-black-outfit-cutout.png']) {
    await admin.lockFiles.put('current', path, new Uint8Array(await readFile(new URL(path, samples))), 'image/png');
  }
  for (const lut of ['luts/warm-studio.cube', 'luts/cool-editorial.cube']) await admin.luts.put(await readFile(new URL(lut, samples), 'utf8'));
}

/** Mean absolute difference of two images' pixels, 0..255. */
async function meanDifference(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [pa, pb] = await Promise.all([a, b].map((x) => sharp(x).removeAlpha().resize(96, 120, { fit: 'fill' }).raw().toBuffer()));
  let d = 0;
  for (let i = 0; i < pa.length; i++) d += Math.abs(pa[i] - pb[i]);
  return d / pa.length;
}

describe('moodboards offline (local provider)', () => {
  let t: TestServer;
  let director: BrandlockClient;
  beforeAll(async () => {
    t = await startTestServer({ listen: true });
    await publishWithFiles(createBrandlockClient({ baseUrl: t.url, token: t.adminToken }));
    director = createBrandlockClient({ baseUrl: t.url, token: await t.tokenFor('art-director') });
  });
  afterAll(() => t.close());

  it("an art director's 12-image board is 12 distinct, captioned studies from the lock's references, light and palette", async () => {
    const created = await director.moodboards.create({ count: 12, environment: 'sunlit concrete loft', garmentFocus: 'linen shirts', lightingPresets: ['studio-warm', 'editorial-cool'], modelProfiles: ['ava', 'kofi'] });
    expect(created.cells).toHaveLength(12);
    expect(new Set(created.cells.map((c) => c.jobId)).size).toBe(12);
    const board = await director.moodboards.watch(created.id, { pollIntervalMs: 200 });
    expect(board.state).toBe('succeeded');
    expect(board.note).toMatch(/not photographs/);
    // Every combination of 2 lights x 2 models x 3 full-figure poses, once.
    expect(new Set(board.cells.map((c) => `${c.lightingPreset}/${c.modelProfile}/${c.view}`)).size).toBe(12);
    expect(new Set(board.cells.map((c) => c.caption)).size).toBe(12);
    expect(board.cells[0]).toMatchObject({ caption: 'Warm daylight studio · Ava · Front', varies: ['lighting', 'model', 'pose'] });
    expect(new Set(board.cells.map((c) => c.seed)).size).toBe(12);
    expect(board.cells.every((c) => c.output?.seed === c.seed)).toBe(true);
    for (const c of board.cells) {
      expect(c.prompt).toContain('sunlit concrete loft');
      expect(c.prompt).toContain(board.cells.find((x) => x.lightingPreset === c.lightingPreset)!.prompt.split(', ').at(-1)!);
    }
    const images = await Promise.all(board.cells.map(async (c) => (await director.assets.get(c.output!.ref)).bytes));
    const close: string[] = [];
    for (let i = 0; i < images.length; i++) {
      for (let j = i + 1; j < images.length; j++) if ((await meanDifference(images[i], images[j])) < 2) close.push(`${board.cells[i].caption} ~ ${board.cells[j].caption}`);
    }
    expect(close).toEqual([]);
  });

  it('says which lock material the server lacks, and cancels a board as one', async () => {
    const mei = await director.moodboards.create({ count: 6, environment: 'dunes', modelProfiles: ['mei'], lightingPresets: ['packshot-white'] });
    const done = await director.moodboards.watch(mei.id, { pollIntervalMs: 200 });
    expect(done.state).toBe('succeeded');
    expect(done.constants).toEqual(['Lighting: Packshot on white', 'Model: Mei']);
    expect(done.cells.map((c) => c.caption)).toEqual(['Front', 'Back', 'Side', 'Front · take 2', 'Back · take 2', 'Side · take 2']);

    const big = await director.moodboards.create({ count: 40, environment: 'harbour at dawn' });
    const canceled = await director.moodboards.cancel(big.id);
    const final = await director.moodboards.watch(canceled.id, { pollIntervalMs: 200 });
    expect(final.state).toBe('canceled');
    expect(final.cells.filter((c) => c.state === 'canceled').length).toBeGreaterThan(0);
    expect(final.cells.every((c) => ['canceled', 'succeeded'].includes(c.state))).toBe(true);
  });

  it('refuses names the lock does not have, by field', async () => {
    const bad = await director.moodboards.create({ count: 6, lightingPresets: ['disco'], views: ['handstand'] }).catch((e) => e);
    expect(bad.status).toBe(422);
    expect(bad.issues.map((i: { path: string; found: string }) => `${i.path}=${i.found}`)).toEqual(['lightingPresets=disco', 'views=handstand']);
  });
});

describe('moodboards on a GPU provider (fal simulator)', () => {
  let t: TestServer;
  let fleet: SimulatorFleet;
  let api: BrandlockClient;
  beforeAll(async () => {
    fleet = await SimulatorFleet.start({ queueMs: 10, runMs: 10, pollIntervalMs: 30 });
    const env = fleet.env(await fleet.writeProviderMap());
    // The GPU adapters read the provider map from the process environment, as `npm start` does.
    process.env.BRANDLOCK_PROVIDER_MAP = env.BRANDLOCK_PROVIDER_MAP;
    t = await startTestServer({ listen: true, env: { ...env, BRANDLOCK_PROVIDER: 'fal', BRANDLOCK_CONCURRENCY_FAL: '4' } });
    await createBrandlockClient({ baseUrl: t.url, token: t.adminToken }).locks.publish(JSON.parse(await lockText()));
    api = createBrandlockClient({ baseUrl: t.url, token: await t.tokenFor('designer') });
  });
  afterAll(async () => {
    delete process.env.BRANDLOCK_PROVIDER_MAP;
    await t.close();
    await fleet.close();
  });

  it('sends one request per cell, each with its own prompt and seed, and fills every cell with its own image', async () => {
    const created = await api.moodboards.create({ count: 6, environment: 'harbour at dawn', lightingPresets: ['studio-warm', 'editorial-cool'], modelProfiles: ['kofi'], provider: 'fal' });
    const board: Moodboard = await api.moodboards.watch(created.id, { pollIntervalMs: 100 });
    expect(board.cells.map((c) => c.error?.message ?? c.state)).toEqual(Array(6).fill('succeeded'));
    expect(board.note).toBeNull();
    expect(fleet.ledger('fal').total).toBe(6);
    for (const c of board.cells) {
      expect(fleet.ledger('fal').count(submissionKey(c.prompt, c.seed))).toBe(1);
      expect(c.prompt).toContain('nfkofi Kofi');
      expect(c.output).not.toBeNull();
    }
    expect(new Set(board.cells.map((c) => c.output!.sha256)).size).toBe(6);
    // The old one-job board would have sent all six in one request: it is refused with the way to do it.
    const old = await api.jobs.create({ kind: 'moodboard', provider: 'fal', moodboard: { count: 6 } }).catch((e) => e);
    expect(old.message).toMatch(/one request per image: create it with POST \/v1\/moodboards/);
  });
});
