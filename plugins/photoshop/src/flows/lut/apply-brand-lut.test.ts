// The LUT tab's flows against the fake Photoshop: what lands in each document, what is written to
// disk, and what happens on CMYK, broken files, name clashes, cancel and a busy Photoshop.
// The LUT here is a test grade (swap red and blue) so the bake is checkable by eye; the profile bytes
// are opaque to the flow, which only has to hand them to Photoshop unchanged.
import type { Raster } from '@brandlock/core/raster';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { studioImage } from '../../../test/support/studio-image';
import { FakeFileSystem } from '../../fake-host/fake-file-system';
import type { BrandLut } from './brand-lut';
import { applyBrandLut } from './apply-brand-lut';
import { showBrandLayers } from './before-after';
import { selectLayer, selectRectangle } from '../../descriptors/layers';

const swapRedBlue = (r: Raster): Raster => {
  const data = r.data.slice();
  for (let i = 0; i < data.length; i += 4) [data[i], data[i + 2]] = [r.data[i + 2], r.data[i]];
  return { ...r, data };
};

const lut: BrandLut = {
  lutId: 'warm-studio',
  name: 'Warm studio grade',
  fileName: 'warm-studio.cube',
  deviceLink: Uint8Array.from({ length: 600 }, (_, i) => (i * 7) & 255),
  cubeText: 'LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n1 1 1\n',
  bake: swapRedBlue,
};

const run = (env: ReturnType<typeof fakeEnvironment>, scope: Parameters<typeof applyBrandLut>[3], bake = false, signal = new AbortController().signal) =>
  applyBrandLut(env.ps, env.fs, lut, scope, { bake, signal, onProgress: () => {} });

async function jpeg(gains?: [number, number, number]) {
  const r = studioImage({ width: 24, height: 32, gains });
  return new Uint8Array(await sharp(Buffer.from(r.data), { raw: { width: 24, height: 32, channels: 4 } }).jpeg().toBuffer());
}

describe('apply brand LUT', () => {
  it('says which documents of a batch a bake clipped: those outside sRGB, not the sRGB ones', async () => {
    const env = fakeEnvironment();
    env.ps.addDocument({ title: 'shirt.psd', pixels: studioImage() });
    env.ps.addDocument({ title: 'dress-adobe-rgb.psd', pixels: studioImage(), profile: 'Adobe RGB (1998)' });
    const result = await run(env, { kind: 'open' }, true);
    expect(result.outcomes.map((o) => [o.name, o.status, o.caution ?? null])).toEqual([
      ['shirt.psd', 'done', null],
      ['dress-adobe-rgb.psd', 'done', 'Baked through sRGB from Adobe RGB (1998): colours outside sRGB are clipped.'],
    ]);
  });

  it('adds a named Color Lookup layer holding the DeviceLink, as one History step', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'shirt.psd', pixels: studioImage() });
    const result = await run(env, { kind: 'active' });
    expect(result.outcomes).toEqual([{ name: 'shirt.psd', status: 'done', message: 'Added "Warm studio grade"', output: undefined }]);
    const layer = env.ps.doc(doc.id).layers[0];
    expect(layer).toMatchObject({ name: 'brandlock LUT · Warm studio grade', kind: 'adjustment', adjustment: 'colorLookup' });
    expect(Array.from(layer.settings.profile as Uint8Array)).toEqual(Array.from(lut.deviceLink));
    expect(layer.settings.LUT3DFileName).toBe('warm-studio.cube');
    expect(env.ps.doc(doc.id).history).toEqual(['Open', 'brandlock: Warm studio grade']);
  });

  it('puts the LUT layer on top of the stack and unmasked, whatever layer is active and whatever is selected', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'shirt.psd', pixels: studioImage() });
    const patch = env.ps.addPixelLayer(doc.id, 'Retouch patch', studioImage({ garment: [200, 40, 40] }));
    const background = env.ps.doc(doc.id).layers[1];
    // A retoucher left QC's "select this region" marquee and clicked the Background layer.
    await env.ps.executeAsModal('setup', () => env.ps.batchPlay([selectRectangle({ left: 4, top: 4, right: 20, bottom: 20 }), selectLayer(doc.id, background.id)]));
    await run(env, { kind: 'active' });
    const [top, ...rest] = env.ps.doc(doc.id).layers;
    expect(top).toMatchObject({ name: 'brandlock LUT · Warm studio grade', mask: null });
    expect(rest.map((l) => l.id)).toEqual([patch.id, background.id]);
    expect(env.ps.doc(doc.id).history).toEqual(['Open', 'Rectangular Marquee', 'brandlock: Warm studio grade']);
  });

  it('sets the grade at part strength, and shows the document before and after it', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'shirt.psd', pixels: studioImage() });
    await applyBrandLut(env.ps, env.fs, lut, { kind: 'active' }, { bake: true, opacity: 60, signal: new AbortController().signal, onProgress: () => {} });
    const [layer] = env.ps.doc(doc.id).layers;
    expect(layer).toMatchObject({ name: 'brandlock LUT (baked) · Warm studio grade', opacity: 60 });
    const composite = async () => Array.from((await env.ps.getPixels({ documentId: doc.id, depth: 8 })).raster.data.slice(0, 4));
    const graded = await composite();
    expect(await showBrandLayers(env.ps, false)).toBe(1);
    expect(await composite()).toEqual(Array.from(studioImage().data.slice(0, 4)));
    expect(await showBrandLayers(env.ps, true)).toBe(1);
    expect(await composite()).toEqual(graded);
    expect(env.ps.doc(doc.id).history).toEqual(['Open', 'brandlock: Warm studio grade', 'brandlock: before', 'brandlock: after']);
  });

  it("grades in the Color blend mode without changing the garment's luminance, and in Luminosity without changing its colour", async () => {
    const lum = (p: number[]) => 0.3 * p[0] + 0.59 * p[1] + 0.11 * p[2];
    const garmentPixel = async (mode?: 'normal' | 'color' | 'luminosity') => {
      const env = fakeEnvironment();
      const doc = env.ps.addDocument({ title: 'shirt.psd', pixels: studioImage({ garment: [200, 80, 40] }) });
      await applyBrandLut(env.ps, env.fs, lut, { kind: 'active' }, { bake: true, ...(mode ? { blendMode: mode } : {}), signal: new AbortController().signal, onProgress: () => {} });
      const { raster } = await env.ps.getPixels({ documentId: doc.id, depth: 8 });
      const i = (raster.height / 2) * raster.width + raster.width / 2;
      return { pixel: Array.from(raster.data.slice(i * 4, i * 4 + 3)), layer: env.ps.doc(doc.id).layers[0], history: env.ps.doc(doc.id).history };
    };
    const normal = await garmentPixel();
    expect(normal.pixel).toEqual([40, 80, 200]);
    const color = await garmentPixel('color');
    expect(color.layer).toMatchObject({ name: 'brandlock LUT (baked) · Warm studio grade', blendMode: 'color' });
    expect(Math.abs(lum(color.pixel) - lum([200, 80, 40]))).toBeLessThan(1);
    expect(color.pixel[2]).toBeGreaterThan(color.pixel[0]);
    expect(color.history).toEqual(['Open', 'brandlock: Warm studio grade']);
    const luminosity = await garmentPixel('luminosity');
    expect(luminosity.layer.blendMode).toBe('luminosity');
    expect(Math.abs(lum(luminosity.pixel) - lum([40, 80, 200]))).toBeLessThan(1);
    expect(luminosity.pixel[0]).toBeGreaterThan(luminosity.pixel[2]);
  });

  it('sets the blend mode on a Color Lookup layer too', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'shirt.psd', pixels: studioImage() });
    await applyBrandLut(env.ps, env.fs, lut, { kind: 'active' }, { bake: false, opacity: 80, blendMode: 'color', signal: new AbortController().signal, onProgress: () => {} });
    expect(env.ps.doc(doc.id).layers[0]).toMatchObject({ adjustment: 'colorLookup', opacity: 80, blendMode: 'color' });
  });

  it('grades every open RGB document and reports a CMYK one without stopping', async () => {
    const env = fakeEnvironment();
    const a = env.ps.addDocument({ title: 'a.psd', pixels: studioImage() });
    env.ps.addDocument({ title: 'print.tif', pixels: studioImage(), mode: 'CMYK' });
    const b = env.ps.addDocument({ title: 'b.psd', pixels: studioImage({ depth: 16 }) });
    const { outcomes } = await run(env, { kind: 'open' });
    for (const doc of [a, b]) expect(env.ps.doc(doc.id).layers.map((l) => l.name)).toEqual(['brandlock LUT · Warm studio grade', 'Background']);
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([['a.psd', 'done'], ['print.tif', 'failed'], ['b.psd', 'done']]);
    expect(outcomes[1].message).toBe('"print.tif" is a CMYK document; brandlock can only apply a LUT to RGB documents.');
  });

  it('bakes through the Imaging API into a new pixel layer, band by band, leaving the original untouched', async () => {
    const env = fakeEnvironment();
    const source = studioImage({ width: 20, height: 30, depth: 16 });
    const doc = env.ps.addDocument({ title: 'a.psd', pixels: source });
    const { applyLutToDocument } = await import('./apply-lut-to-document');
    await env.ps.executeAsModal('bake', (ctx) => applyLutToDocument(env.ps, ctx, doc.id, lut, { bake: true, bandRows: 7 }));
    const [baked, background] = env.ps.doc(doc.id).layers;
    expect(baked).toMatchObject({ name: 'brandlock LUT (baked) · Warm studio grade', kind: 'pixel' });
    expect(Array.from(baked.pixels!.data)).toEqual(Array.from(swapRedBlue(source).data));
    expect(Array.from(background.pixels!.data)).toEqual(Array.from(source.data));
    expect(env.ps.doc(doc.id).history).toEqual(['Open', 'brandlock: Warm studio grade']);
  });

  it('saves graded copies of a folder into a subfolder and reports broken files and clashes', async () => {
    const env = fakeEnvironment();
    env.fs.put('/shoot/a.jpg', await jpeg());
    env.fs.put('/shoot/b.jpg', await jpeg([1.1, 1, 0.9]));
    env.fs.put('/shoot/broken.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0, 1, 2]));
    env.fs.put('/shoot/notes.txt', new TextEncoder().encode('not an image'));
    env.fs.put('/shoot/brandlock-warm-studio/b.jpg', new Uint8Array([1]));
    const result = await run(env, { kind: 'folder', folder: FakeFileSystem.folder('/shoot') }, true);
    expect(result.outcomes.map((o) => [o.name, o.status])).toEqual([['a.jpg', 'done'], ['b.jpg', 'failed'], ['broken.jpg', 'failed']]);
    expect(result.outcomes[0].message).toBe('Saved brandlock-warm-studio/a.jpg');
    expect(result.outcomes[1].message).toContain('already exists; brandlock does not overwrite it');
    expect(result.outcomes[2].message).toMatch(/^Photoshop could not grade "broken.jpg"/);
    expect(env.fs.files.get('/shoot/brandlock-warm-studio/b.jpg')).toEqual(new Uint8Array([1]));
    const meta = await sharp(env.fs.files.get('/shoot/brandlock-warm-studio/a.jpg')!).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 24, height: 32 });
    expect([...env.fs.files.keys()].filter((p) => p.includes('.part-'))).toEqual([]);
    expect(env.ps.docs).toHaveLength(0);
  });

  it('keeps a WebP original a WebP (Photoshop 23.2+ saves WebP through batchPlay)', async () => {
    const env = fakeEnvironment();
    env.fs.put('/shoot/c.webp', new Uint8Array(await sharp(await jpeg()).webp().toBuffer()));
    const result = await run(env, { kind: 'folder', folder: FakeFileSystem.folder('/shoot') }, true);
    expect(result.outcomes.map((o) => [o.name, o.status, o.message])).toEqual([['c.webp', 'done', 'Saved brandlock-warm-studio/c.webp']]);
    expect((await sharp(env.fs.files.get('/shoot/brandlock-warm-studio/c.webp')!).metadata()).format).toBe('webp');
  });

  it('opens folder files without stopping at a profile-mismatch or Camera Raw dialog', async () => {
    const env = fakeEnvironment();
    for (const n of ['a', 'b']) env.fs.put(`/shoot/${n}.jpg`, await jpeg());
    env.ps.openDialogs.set('/shoot/a.jpg', 'Embedded Profile Mismatch');
    env.ps.openDialogs.set('/shoot/b.jpg', 'Camera Raw');
    const result = await run(env, { kind: 'folder', folder: FakeFileSystem.folder('/shoot') });
    expect(result.outcomes.map((o) => [o.name, o.status])).toEqual([['a.jpg', 'done'], ['b.jpg', 'done']]);
  });

  it('stops at cancel, rolls back the document in hand, and lists what was not done', async () => {
    const env = fakeEnvironment();
    for (const n of ['a', 'b', 'c']) env.fs.put(`/shoot/${n}.jpg`, await jpeg());
    env.ps.cancelAfter = 7;
    const result = await run(env, { kind: 'folder', folder: FakeFileSystem.folder('/shoot') });
    expect(result.cancelled).toBe(true);
    expect(result.outcomes.map((o) => o.status)).toEqual(['done', 'skipped', 'skipped']);
    expect([...env.fs.files.keys()].filter((p) => p.startsWith('/shoot/brandlock-warm-studio/'))).toEqual(['/shoot/brandlock-warm-studio/a.jpg']);
    expect(env.ps.docs).toHaveLength(0);
  });

  it('says so when no document is open, or when another plugin holds Photoshop', async () => {
    const env = fakeEnvironment();
    await expect(run(env, { kind: 'active' })).rejects.toMatchObject({ code: 'no-document' });
    env.ps.addDocument({ title: 'a.psd', pixels: studioImage() });
    env.ps.modalHeldBy = 'Another Plugin';
    await expect(run(env, { kind: 'open' })).rejects.toMatchObject({ code: 'modal-busy' });
  });
});
