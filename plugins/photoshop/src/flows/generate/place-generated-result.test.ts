// Placing a generated image: one History step, fitted to the area it was made for, masked to the
// selection that was sent when that was the source, named after SKU and job, production record in the
// layer XMP, and a refused metadata write that does not undo the placement.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { studioImage } from '../../../test/support/studio-image';
import { selectRectangle } from '../../descriptors/layers';
import { readBrandlockXmp } from '../../xmp/brandlock-xmp';
import { fitTransform, placeGeneratedResult } from './place-generated-result';
import { productionRecordXmp } from './production-record-xmp';
import { ProductionRecord } from '@brandlock/core/audit';

async function resultPng(width: number, height: number) {
  const r = studioImage({ width, height, background: [250, 250, 250], garment: [180, 40, 40] });
  return new Uint8Array(await sharp(Buffer.from(r.data), { raw: { width, height, channels: 4 } }).png().toBuffer());
}

// A production record as the server's audit trail returns it (parsed by core's schema, so it is one).
const record = ProductionRecord.parse({
  assetId: 'asset_1', sha256: 'a'.repeat(64), contentType: 'image/png', width: 20, height: 30, bytes: 1234, index: 0, jobId: 'job_7f3a9c21',
  kind: 'generate', briefId: 'brief_1', row: 2, sku: 'NF-1001', colorway: 'Ecru', category: 'wovens', view: 'front', channel: null,
  lock: { hash: 'sha256:abc', brand: 'northfold', version: 'SS27.1' },
  recipe: {
    prompt: 'p', negativePrompt: '', baseModel: 'flux-1-dev', loras: [], width: 1024, height: 1536, steps: 28, guidance: 3.5, seedPolicy: 'per-sku', seed: 42,
    modelProfile: 'ava', lightingPreset: 'studio-warm', lut: null, poseSet: 'apparel', view: 'front', textureNotes: '', drapeNotes: '',
  },
  recipeHash: 'sha256:def', modelProfile: 'ava', lightingPreset: 'studio-warm', poseSet: 'apparel', provider: 'local', providerJobId: null, model: null,
  modelVersion: null, seed: 42, note: 'not generative', sources: [], qc: { verdict: 'unchecked', thresholds: null, measurements: {}, findings: [] }, reviews: [],
  costUsd: null, requestedBy: 'Dana', requestedAt: '2027-01-01T00:00:00Z', createdAt: '2027-01-01T00:00:05Z',
});

describe('placing a generated result', () => {
  it('fits a smaller result to the whole document in one named History step with its record', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'shirt.psd', pixels: studioImage({ width: 60, height: 90 }) });
    const file = await env.fs.writeTempFile('NF-1001.png', await resultPng(20, 30));
    const placed = await env.ps.executeAsModal('place', (ctx) =>
      placeGeneratedResult(env.ps, ctx, {
        documentId: doc.id, file, layerName: 'NF-1001 front · job 7f3a9c21', area: { target: { left: 0, top: 0, right: 60, bottom: 90 }, mask: null },
        xmp: productionRecordXmp(record), historyName: 'brandlock: NF-1001 front · job 7f3a9c21',
      }),
    );
    expect(placed.recordWarning).toBeNull();
    const layerId = placed.layerId;
    const d = env.ps.doc(doc.id);
    const layer = d.layers.find((l) => l.id === layerId)!;
    expect(layer).toMatchObject({ name: 'NF-1001 front · job 7f3a9c21', kind: 'smartObject' });
    expect((await env.ps.layers(doc.id)).find((l) => l.id === layerId)!.bounds).toEqual({ left: 0, top: 0, right: 60, bottom: 90 });
    expect(d.history).toEqual(['Open', 'brandlock: NF-1001 front · job 7f3a9c21']);
    const xmp = readBrandlockXmp(layer.xmp);
    expect(xmp).toMatchObject({ jobId: 'job_7f3a9c21', assetId: 'asset_1', sku: 'NF-1001', lockHash: 'sha256:abc', recipeHash: 'sha256:def', provider: 'local', seed: '42' });
    expect(ProductionRecord.parse(JSON.parse(xmp.productionRecord))).toEqual(record);
  });

  it('fits into the selection box and masks to the selection that was sent, not the one there at placement', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'shirt.psd', pixels: studioImage({ width: 60, height: 90 }) });
    await env.ps.executeAsModal('select', () => env.ps.batchPlay([selectRectangle({ left: 10, top: 20, right: 30, bottom: 50 })]));
    const sent = (await env.ps.getSelectionMask(doc.id, { width: 20, height: 30 }))!;
    // While the job ran, the retoucher selected something else.
    await env.ps.executeAsModal('select', () => env.ps.batchPlay([selectRectangle({ left: 0, top: 0, right: 5, bottom: 5 })]));
    const file = await env.fs.writeTempFile('r.png', await resultPng(40, 60));
    const { layerId } = await env.ps.executeAsModal('place', (ctx) =>
      placeGeneratedResult(env.ps, ctx, {
        documentId: doc.id, file, layerName: 'x', area: { target: { left: 10, top: 20, right: 30, bottom: 50 }, mask: sent }, xmp: { jobId: 'j' }, historyName: 'h',
      }),
    );
    const info = (await env.ps.layers(doc.id)).find((l) => l.id === layerId)!;
    expect(info.pixelBounds).toEqual({ left: 10, top: 20, right: 30, bottom: 50 });
    const mask = env.ps.doc(doc.id).layers.find((l) => l.id === layerId)!.mask!;
    expect(mask[25 * 60 + 15]).toBe(255);
    expect(mask[2 * 60 + 2]).toBe(0);
  });

  it('keeps the placed layer when Photoshop refuses to write its production record, and says so', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'shirt.psd', pixels: studioImage({ width: 60, height: 90 }) });
    env.ps.doc(doc.id).refusesLayerXmp = true;
    const file = await env.fs.writeTempFile('r.png', await resultPng(20, 30));
    const placed = await env.ps.executeAsModal('place', (ctx) =>
      placeGeneratedResult(env.ps, ctx, { documentId: doc.id, file, layerName: 'NF-1001 front · job 1', area: { target: { left: 0, top: 0, right: 60, bottom: 90 }, mask: null }, xmp: { jobId: 'j' }, historyName: 'brandlock: NF-1001' }),
    );
    expect(placed.recordWarning).toMatch(/production record.*-25920/);
    expect(env.ps.doc(doc.id).layers.map((l) => l.name)).toEqual(['NF-1001 front · job 1', 'Background']);
    expect(env.ps.doc(doc.id).history).toEqual(['Open', 'brandlock: NF-1001']);
  });

  it('leaves the document as it was when placing fails', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'shirt.psd', pixels: studioImage() });
    const file = await env.fs.writeTempFile('bad.png', Uint8Array.from([1, 2, 3]));
    await expect(env.ps.executeAsModal('place', (ctx) =>
      placeGeneratedResult(env.ps, ctx, { documentId: doc.id, file, layerName: 'x', area: { target: { left: 0, top: 0, right: 48, bottom: 64 }, mask: null }, xmp: {}, historyName: 'h' }),
    )).rejects.toMatchObject({ name: 'PanelError' });
    expect(env.ps.doc(doc.id).layers).toHaveLength(1);
    expect(env.ps.doc(doc.id).history).toEqual(['Open']);
  });
});

it('computes a centred uniform fit', () => {
  expect(fitTransform({ left: 0, top: 0, right: 100, bottom: 50 }, { left: 10, top: 10, right: 60, bottom: 110 })).toEqual({ scale: 50, offset: { x: -15, y: 35 } });
});
