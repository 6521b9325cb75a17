// Video jobs through the API, as a plugin or script makes them: a loop starts only from a still of
// that SKU and view that passed QC or that a person approved. A flagged still is refused until an art
// director approves it; a still of another SKU, or a view the brief asks no video of, is refused by
// field. The approved still's loop is made, frame-checked and recorded with its motion brief.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrandlockClient, type BrandlockClient } from '@brandlock/core/api';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { approveCurrentRecipes } from '../../test-support/server/approve-recipes';

const samples = new URL('../../../samples/', import.meta.url);
const BRIEF = [
  'sku,colorway,category,fabric,fabric_weight,silhouette,swatch,views,video_views,model',
  'NF-KN-5001,Jet black,knitwear,extra-fine merino rib,12 gauge,ribbed beanie,lab(11.4 0.2 2.3),front;back,front,ava',
  'NF-JR-3003,Poppy,jersey,loopback jersey,340 gsm,oversized hoodie,poppy,front,,kofi',
].join('\n');

let t: TestServer;
let director: BrandlockClient;
let retoucher: BrandlockClient;
let briefId = '';
let jumperRef = '';
let hoodieRef = '';

beforeAll(async () => {
  t = await startTestServer({ listen: true });
  const admin = createBrandlockClient({ baseUrl: t.url, token: t.adminToken });
  director = createBrandlockClient({ baseUrl: t.url, token: await t.tokenFor('art-director', 'Ines (AD)') });
  retoucher = createBrandlockClient({ baseUrl: t.url, token: await t.tokenFor('retoucher', 'Sam (retouch)') });
  const lock = JSON.parse(await readFile(new URL('brand-lock.json', samples), 'utf8'));
  for (const c of lock.categories) c.recipe = { ...c.recipe, width: 512, height: 768 };
  lock.categories.find((c: { id: string }) => c.id === 'knitwear').video = { durationSeconds: 2 };
  await admin.locks.publish(lock);
  await approveCurrentRecipes(admin);
  for (const lut of ['warm-studio', 'cool-editorial']) await admin.luts.put(await readFile(new URL(`luts/${lut}.cube`, samples)));
  briefId = (await director.briefs.upload({ name: 'video flow', text: BRIEF })).id;
  jumperRef = (await retoucher.uploads.put(await readFile(new URL('photos/packshot/solidus-beanie-black-cutout.png', samples)), 'image/png')).ref;
  hoodieRef = (await retoucher.uploads.put(await readFile(new URL('photos/packshot/solidus-hoodie-red-cutout.png', samples)), 'image/png')).ref;
}, 120_000);
afterAll(() => t.close());

describe('video jobs through the API', () => {
  it('refuses a loop until its still is approved, then makes it from that still', async () => {
    const none = await retoucher.jobs.create({ kind: 'video', brief: briefId, sku: 'NF-KN-5001', view: 'front' }).catch((e) => e);
    expect(none).toMatchObject({ status: 422, code: 'still_not_approved' });
    expect(none.message).toMatch(/no approved or passing still of SKU NF-KN-5001 \(Jet black\) view front: it has no still yet$/);

    const still = await retoucher.jobs.watch((await retoucher.jobs.create({ kind: 'generate', brief: briefId, sku: 'NF-KN-5001', view: 'front', sources: [jumperRef] })).id);
    const hoodie = await retoucher.jobs.watch((await retoucher.jobs.create({ kind: 'generate', brief: briefId, sku: 'NF-JR-3003', sources: [hoodieRef] })).id);
    // Fine knitwear: the lock says a person checks every image, so the still is flagged, not ready.
    expect(still.outputs[0].reviewStatus).toBe('flagged');
    const flagged = await retoucher.jobs.create({ kind: 'video', brief: briefId, sku: 'NF-KN-5001', view: 'front', sources: [still.outputs[0].ref] }).catch((e) => e);
    expect(flagged).toMatchObject({ status: 422, code: 'still_not_approved' });
    expect(flagged.issues[0]).toMatchObject({ path: 'sources[0]', found: 'flagged' });
    const other = await retoucher.jobs.create({ kind: 'video', brief: briefId, sku: 'NF-KN-5001', view: 'front', sources: [hoodie.outputs[0].ref] }).catch((e) => e);
    expect(other).toMatchObject({ status: 422, code: 'not_a_still' });
    const back = await retoucher.jobs.create({ kind: 'video', brief: briefId, sku: 'NF-KN-5001', view: 'back' }).catch((e) => e);
    expect(back).toMatchObject({ status: 422, code: 'no_video_planned' });

    await director.review.decide(still.outputs[0].assetId, { decision: 'approve', reason: 'rib and colour right' });
    const created = await retoucher.jobs.create({ kind: 'video', brief: briefId, sku: 'NF-KN-5001', view: 'front' });
    expect(created.sources).toEqual([still.outputs[0].ref]);
    expect(created.recipe).toMatchObject({ loras: [], width: 512, height: 768 });
    expect(created.recipe.prompt).toContain('the Jet black extra-fine merino rib ribbed beanie from the first frame');
    const video = await retoucher.jobs.watch(created.id);
    expect(video.state, video.error?.message).toBe('succeeded');
    expect(video.outputs[0]).toMatchObject({ contentType: 'video/mp4', width: 512, height: 768 });
    const [record] = (await director.audit.query({ job: video.id })).records;
    expect(record.video).toMatchObject({ offline: true, still: { assetId: still.outputs[0].assetId, reviewStatus: 'approved' }, motion: { durationSeconds: 2, loop: true }, clip: { frames: 48, fps: 24 } });
    // Frame QC ran; a knitwear clip goes to a person like its still.
    expect(record.qc.verdict).toBe('flag');
    expect(record.qc.findings.map((f) => f.rule)).toContain('human-review');
    expect(record.qc.measurements).toMatchObject({ frames: 48 });
    expect(typeof record.qc.measurements.deltaE00Worst).toBe('number');
    // The poster (first frame, full size) and the filmstrip are stored for plugins and the report.
    const detail = record.qc.detail as { poster: { sha256: string; width: number; height: number }; filmstrip: { sha256: string } };
    expect(detail.poster).toMatchObject({ width: 512, height: 768 });
    expect((await retoucher.assets.get(detail.poster.sha256)).contentType).toBe('image/jpeg');
    expect((await retoucher.assets.get(detail.filmstrip.sha256)).contentType).toBe('image/jpeg');
  }, 240_000);
});
