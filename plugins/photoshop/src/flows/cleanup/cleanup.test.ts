// Cleanup against the fake Photoshop: exposure aimed at the SKU swatch's lightness with QC's garment
// measure (every palette swatch of the sample lock, photographed on its swatch, gets no exposure fix),
// the cast against the preset's backdrop, one named Curves layer with a soft shoulder that never blows
// the sweep out, and the layer on top of the stack whatever is selected.
import { describe, expect, it } from 'vitest';
import type { LightingPreset } from '@brandlock/core/brand';
import { labToSrgb, linearToSrgb, parseColor, srgbToLinear, type Lab } from '@brandlock/core/color';
import { swatchFromPalette } from '@brandlock/core/qc';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { sampleLock } from '../../../test/support/sample-lock';
import { studioImage } from '../../../test/support/studio-image';
import { selectLayer, selectRectangle } from '../../descriptors/layers';
import { applyBalanceCorrection } from './apply-balance-correction';
import { balanceFix, measureBalance } from './measure-balance';
import { removeBackgroundInDocument, selectSubjectInDocument } from './subject-actions';

const { lock } = sampleLock();
const wovens = lock.categories.find((c) => c.id === 'wovens')!;
const preset: LightingPreset = {
  id: 'studio-warm', name: 'Warm daylight studio', colorTemperatureK: 5200, tint: 4, keyFillRatio: 2, keyDirection: 'left-45',
  exposure: { targetL: 62, toleranceEv: 0.33 }, background: '#f4f1ec', promptFragment: '',
};
const SWEEP: [number, number, number] = [244, 241, 236];

/** sRGB 0..255 of a Lab colour, optionally `ev` stops brighter or darker in linear light. */
function srgbOf(lab: Lab, ev = 0): [number, number, number] {
  return labToSrgb(lab).map((c) => Math.round(linearToSrgb(Math.min(1, srgbToLinear(Math.min(1, Math.max(0, c))) * 2 ** ev)) * 255)) as [number, number, number];
}

/** A 60x80 studio shot of a garment on the warm sweep, with the garment rectangle selected (as a retoucher would). */
async function garmentShot(garment: [number, number, number], gains?: [number, number, number]) {
  const env = fakeEnvironment();
  const doc = env.ps.addDocument({ title: 'NF-WV-1001_front.psd', pixels: studioImage({ width: 60, height: 80, depth: 16, background: SWEEP, garment, gains, texture: 1.5 }) });
  await env.ps.executeAsModal('select', () => env.ps.batchPlay([selectRectangle({ left: 18, top: 16, right: 42, bottom: 68 })]));
  return { env, doc };
}

describe('cleanup exposure', () => {
  it.each(lock.palette.swatches.map((s) => [s.name, s.id] as const))('proposes no exposure fix for a garment on its swatch: %s', async (_name, id) => {
    const swatch = swatchFromPalette(lock, id, wovens)!;
    const { env } = await garmentShot(srgbOf(swatch.lab));
    const reading = await measureBalance(env.ps, preset, { swatch, maxEv: wovens.qc.exposure.maxEvDeviation });
    expect(reading.exposure).toMatchObject({ verdict: 'on-target' });
    expect(Math.abs(reading.exposure!.ev)).toBeLessThan(0.1);
    expect(balanceFix(reading, { exposure: true, cast: false }).fixesExposure).toBe(false);
  });

  it('aims an under-exposed navy at its swatch, with a curve that leaves the sweep an off-white instead of clipping it', async () => {
    const ink = swatchFromPalette(lock, 'ink', wovens)!;
    const { env, doc } = await garmentShot(srgbOf(ink.lab, -0.8));
    const before = await measureBalance(env.ps, preset, { swatch: ink, maxEv: 1.5 });
    expect(before.exposure).toMatchObject({ verdict: 'under' });
    expect(before.exposure!.ev).toBeCloseTo(-0.8, 1);
    const fix = balanceFix(before, { exposure: true, cast: false });
    const { layerName } = await applyBalanceCorrection(env.ps, before, fix);
    expect(layerName).toMatch(/^brandlock balance · exposure \+0\.8\d EV to Ink navy → Warm daylight studio$/);
    const after = await measureBalance(env.ps, preset, { swatch: ink, maxEv: 1.5 });
    expect(Math.abs(after.exposure!.ev)).toBeLessThan(0.1);
    const { raster } = await env.ps.getPixels({ documentId: doc.id, depth: 8, sourceBounds: { left: 0, top: 0, right: 4, bottom: 4 } });
    const [r, g, b] = raster.data;
    expect(Math.max(r, g, b)).toBeLessThan(255);
    expect(r).toBeGreaterThan(b);
  });

  it('judges no exposure without a swatch, and proposes none when the garment is further off than a correction should go', async () => {
    const cognac = swatchFromPalette(lock, 'cognac', wovens)!;
    const { env } = await garmentShot([128, 128, 128]);
    const unknown = await measureBalance(env.ps, preset, { swatch: null, maxEv: 1 });
    expect(unknown.exposure).toBeNull();
    const wrong = await measureBalance(env.ps, preset, { swatch: cognac, maxEv: 1 });
    expect(wrong.exposure).toMatchObject({ verdict: 'beyond' });
    expect(balanceFix(wrong, { exposure: true, cast: true }).fixesExposure).toBe(false);
  });
});

describe('cleanup white balance and layers', () => {
  it('measures a cast on the sweep and corrects it with one named Curves layer, re-measured near neutral', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'NF-1001.psd', pixels: studioImage({ width: 60, height: 80, depth: 16, background: SWEEP, garment: [95, 95, 95], gains: [1.0, 0.95, 0.86] }) });
    const before = await measureBalance(env.ps, preset, { swatch: null, maxEv: 1 });
    expect(before.subjectFrom).toBe('select-subject');
    expect(before.cast!.direction).toMatch(/^warm/);
    expect(env.ps.doc(doc.id).selection).toBeNull();
    expect(env.ps.doc(doc.id).history).toEqual(['Open']);
    const { layerName } = await applyBalanceCorrection(env.ps, before, balanceFix(before, { exposure: true, cast: true }));
    expect(layerName).toMatch(/^brandlock balance · cast \d+\.\d ΔE00 warm\/\w+ → Warm daylight studio$/);
    expect(env.ps.doc(doc.id).layers[0]).toMatchObject({ kind: 'adjustment', adjustment: 'curves', name: layerName });
    expect(env.ps.doc(doc.id).history).toEqual(['Open', 'brandlock: Balance correction']);
    const after = await measureBalance(env.ps, preset, { swatch: null, maxEv: 1 });
    expect(after.cast!.deltaE).toBeLessThan(0.6);
  });

  it('puts the correction on top of the stack and over the whole image, though Select Subject left a selection', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'NF-1001.psd', pixels: studioImage({ width: 60, height: 80, background: [200, 200, 200], garment: [95, 95, 95], gains: [1.0, 0.93, 0.8] }) });
    const tag = env.ps.addPixelLayer(doc.id, 'Price tag', studioImage({ width: 60, height: 80, background: [0, 0, 0], garment: [0, 0, 0] }), { opacity: 0 });
    const background = env.ps.doc(doc.id).layers[1];
    await env.ps.executeAsModal('pick', () => env.ps.batchPlay([selectLayer(doc.id, background.id)]));
    await selectSubjectInDocument(env.ps);
    const warm = { ...preset, background: '#c8c8c8' };
    const reading = await measureBalance(env.ps, warm, { swatch: null, maxEv: 1 });
    await applyBalanceCorrection(env.ps, reading, balanceFix(reading, { exposure: false, cast: true }));
    const [top, second] = env.ps.doc(doc.id).layers;
    expect(top).toMatchObject({ kind: 'adjustment', adjustment: 'curves', mask: null });
    expect(second.id).toBe(tag.id);
    // The backdrop, outside the subject selection, is neutral again.
    const after = await measureBalance(env.ps, warm, { swatch: null, maxEv: 1 });
    expect(after.cast!.deltaE).toBeLessThan(0.6);
  });

  it('uses the selection as the subject when there is one, and refuses a document already on target', async () => {
    const chalk = swatchFromPalette(lock, 'chalk', wovens)!;
    const backdrop = parseColor(preset.background);
    expect(backdrop.success).toBe(true);
    const { env } = await garmentShot(srgbOf(swatchFromPalette(lock, 'camel', wovens)!.lab));
    const camel = swatchFromPalette(lock, 'camel', wovens)!;
    const reading = await measureBalance(env.ps, preset, { swatch: camel, maxEv: 1 });
    expect(reading.subjectFrom).toBe('selection');
    expect(reading.exposure!.verdict).toBe('on-target');
    await expect(applyBalanceCorrection(env.ps, reading, balanceFix(reading, { exposure: true, cast: true }))).rejects.toThrow(/already within its targets \(Camel swatch, Warm daylight studio\)/);
    expect(chalk.name).toBe('Chalk');
  });

  it('stops when the retoucher cancels, leaving the document as it was', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'NF-1001.psd', pixels: studioImage({ width: 60, height: 80 }) });
    const controller = new AbortController();
    controller.abort();
    await expect(measureBalance(env.ps, preset, { swatch: null, maxEv: 1, signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    expect(env.ps.doc(doc.id).history).toEqual(['Open']);
    expect(env.ps.doc(doc.id).selection).toBeNull();
  });

  it('removes the background of a Background layer by converting it first, in one History step', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'packshot.jpg', pixels: studioImage() });
    expect(await removeBackgroundInDocument(env.ps)).toBe('Masked the background of "Product" in "packshot.jpg".');
    const [layer] = env.ps.doc(doc.id).layers;
    expect(layer).toMatchObject({ name: 'Product', isBackground: false });
    expect(layer.mask!.some((v) => v === 0) && layer.mask!.some((v) => v === 255)).toBe(true);
    expect(env.ps.doc(doc.id).history).toEqual(['Open', 'brandlock: Remove Background']);
  });

  it('falls back to Select Subject when Photoshop refuses Remove Background by throwing, as newer versions do', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'packshot.jpg', pixels: studioImage() });
    env.ps.throwingCommands.add('removeBackground');
    expect(await removeBackgroundInDocument(env.ps)).toMatch(/^Masked "packshot.jpg" from Select Subject \(Remove Background was not available: .*removeBackground.* not currently available/);
    const [layer] = env.ps.doc(doc.id).layers;
    expect(layer.mask!.some((v) => v === 0) && layer.mask!.some((v) => v === 255)).toBe(true);
  });

  it('refuses a 32-bit document with the menu path that fixes it', async () => {
    const env = fakeEnvironment();
    env.ps.addDocument({ title: 'hdr.psd', pixels: studioImage({ depth: 16 }), bitsPerChannel: 32 });
    await expect(measureBalance(env.ps, preset, { swatch: null, maxEv: 1 })).rejects.toMatchObject({
      code: 'unsupported-depth', hint: expect.stringContaining('Image > Mode > 16 Bits/Channel'),
    });
  });
});
