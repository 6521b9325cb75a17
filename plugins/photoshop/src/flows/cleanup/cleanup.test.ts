// Cleanup against the fake Photoshop: measure a warm, dark studio shot against the lock's lighting
// preset, add the Curves correction, measure again through the rendered composite.
import { describe, expect, it } from 'vitest';
import type { LightingPreset } from '@brandlock/core/brand';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { studioImage } from '../../../test/support/studio-image';
import { applyBalanceCorrection } from './apply-balance-correction';
import { balanceFix, measureBalance } from './measure-balance';
import { removeBackgroundInDocument, selectSubjectInDocument } from './subject-actions';
import { selectLayer } from '../../descriptors/layers';

const preset: LightingPreset = {
  id: 'studio-warm', name: 'Warm daylight studio', colorTemperatureK: 5200, tint: 4, keyFillRatio: 2, keyDirection: 'left-45',
  exposure: { targetL: 50, toleranceEv: 0.2 }, background: '#f0f0f0', promptFragment: '',
};

describe('cleanup', () => {
  it('measures a cast and underexposure, corrects both with one named Curves layer, and re-measures near target', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({
      title: 'NF-1001.psd',
      pixels: studioImage({ width: 60, height: 80, depth: 16, background: [200, 200, 200], garment: [95, 95, 95], gains: [1.0, 0.93, 0.8] }),
    });
    const before = await measureBalance(env.ps, preset);
    expect(before.subjectFrom).toBe('select-subject');
    expect(before.exposure.verdict).toBe('under');
    expect(before.cast!.direction).toMatch(/^warm/);
    expect(env.ps.doc(doc.id).selection).toBeNull();
    expect(env.ps.doc(doc.id).history).toEqual(['Open']);

    const fix = balanceFix(before, { exposure: true, cast: true });
    const { layerName } = await applyBalanceCorrection(env.ps, before, fix);
    expect(layerName).toMatch(/^brandlock balance · cast \d+\.\d ΔE00 warm\/\w+ · exposure −\d\.\d\d EV → Warm daylight studio$/);
    const layer = env.ps.doc(doc.id).layers[0];
    expect(layer).toMatchObject({ kind: 'adjustment', adjustment: 'curves', name: layerName });
    expect(env.ps.doc(doc.id).history).toEqual(['Open', 'brandlock: Balance correction']);

    const after = await measureBalance(env.ps, preset);
    expect(Math.abs(after.exposure.ev)).toBeLessThan(0.05);
    expect(after.cast!.deltaE).toBeLessThan(0.5);
  });

  it('puts the correction on top of the stack and over the whole image, though Select Subject left a selection', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({
      title: 'NF-1001.psd',
      pixels: studioImage({ width: 60, height: 80, background: [200, 200, 200], garment: [95, 95, 95], gains: [1.0, 0.93, 0.8] }),
    });
    const tag = env.ps.addPixelLayer(doc.id, 'Price tag', studioImage({ width: 60, height: 80, background: [0, 0, 0], garment: [0, 0, 0] }), { opacity: 0 });
    const background = env.ps.doc(doc.id).layers[1];
    await env.ps.executeAsModal('pick', () => env.ps.batchPlay([selectLayer(doc.id, background.id)]));
    await selectSubjectInDocument(env.ps);
    const reading = await measureBalance(env.ps, preset);
    await applyBalanceCorrection(env.ps, reading, balanceFix(reading, { exposure: false, cast: true }));
    const [top, second] = env.ps.doc(doc.id).layers;
    expect(top).toMatchObject({ kind: 'adjustment', adjustment: 'curves', mask: null });
    expect(second.id).toBe(tag.id);
    // The backdrop, outside the subject selection, is neutral again.
    const after = await measureBalance(env.ps, preset);
    expect(after.cast!.deltaE).toBeLessThan(0.5);
  });

  it('uses the selection as the subject when there is one, and refuses a document already on target', async () => {
    const env = fakeEnvironment();
    env.ps.addDocument({ title: 'ok.psd', pixels: studioImage({ width: 40, height: 60, background: [240, 240, 240], garment: [119, 119, 119] }) });
    await selectSubjectInDocument(env.ps);
    const reading = await measureBalance(env.ps, preset);
    expect(reading.subjectFrom).toBe('selection');
    expect(reading.exposure.verdict).toBe('on-target');
    await expect(applyBalanceCorrection(env.ps, reading, balanceFix(reading, { exposure: true, cast: true }))).rejects.toThrow(/already within the Warm daylight studio targets/);
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
    await expect(measureBalance(env.ps, preset)).rejects.toMatchObject({
      code: 'unsupported-depth', hint: expect.stringContaining('Image > Mode > 16 Bits/Channel'),
    });
  });
});
