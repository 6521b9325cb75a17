// What the retoucher sends to a generate job, read from the fake Photoshop, and the messages when the
// source does not exist.
import { describe, expect, it } from 'vitest';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { studioImage } from '../../../test/support/studio-image';
import { makeCurvesLayer } from '../../descriptors/curves';
import { selectRectangle } from '../../descriptors/layers';
import { readGenerationSource } from './read-generation-source';

describe('the generation source', () => {
  it('reads the whole document at most maxSide pixels on the long side', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'a.psd', pixels: studioImage({ width: 120, height: 180 }) });
    const info = (await env.ps.activeDocument())!;
    const source = await readGenerationSource(env.ps, info, 'document', 60);
    expect([source.raster.width, source.raster.height, source.raster.depth]).toEqual([40, 60, 8]);
    expect(source.bounds).toEqual({ left: 0, top: 0, right: 120, bottom: 180 });
    expect(env.ps.doc(doc.id).history).toEqual(['Open']);
  });

  it('reads the selection box, and says so when nothing is selected', async () => {
    const env = fakeEnvironment();
    env.ps.addDocument({ title: 'a.psd', pixels: studioImage({ width: 120, height: 180 }) });
    const info = (await env.ps.activeDocument())!;
    await expect(readGenerationSource(env.ps, info, 'selection', 512)).rejects.toMatchObject({ code: 'bad-input', message: 'Nothing is selected in "a.psd".' });
    await env.ps.executeAsModal('select', () => env.ps.batchPlay([selectRectangle({ left: 10, top: 20, right: 50, bottom: 100 })]));
    const source = await readGenerationSource(env.ps, info, 'selection', 512);
    expect(source.bounds).toEqual({ left: 10, top: 20, right: 50, bottom: 100 });
    expect([source.raster.width, source.raster.height]).toEqual([40, 80]);
  });

  it('sends and fits back only the part of the selection Photoshop holds pixels for, not the empty canvas around a cut-out', async () => {
    const env = fakeEnvironment();
    const cutOut = studioImage({ width: 120, height: 180 });
    for (let i = 0; i < cutOut.data.length; i += 4) {
      const x = (i / 4) % 120;
      const y = Math.floor(i / 4 / 120);
      if (x < 30 || x >= 70 || y < 50 || y >= 110) cutOut.data[i + 3] = 0;
    }
    const doc = env.ps.addDocument({ title: 'cut-out.psd', pixels: cutOut });
    Object.assign(env.ps.doc(doc.id).layers[0], { name: 'Layer 0', isBackground: false });
    await env.ps.executeAsModal('select', () => env.ps.batchPlay([selectRectangle({ left: 10, top: 40, right: 90, bottom: 100 })]));
    const info = (await env.ps.activeDocument())!;
    const source = await readGenerationSource(env.ps, info, 'selection', 512);
    expect(source.bounds).toEqual({ left: 30, top: 50, right: 70, bottom: 100 });
    expect([source.raster.width, source.raster.height]).toEqual([40, 50]);
    expect(source.mask?.bounds).toEqual({ left: 10, top: 40, right: 90, bottom: 100 });
    const small = await readGenerationSource(env.ps, info, 'selection', 20);
    expect(small.bounds).toEqual({ left: 30, top: 50, right: 70, bottom: 100 });
    expect(small.raster.width / small.raster.height).toBeCloseTo(40 / 50, 1);
  });

  it("sends a layer's own pixels, not the box its drop shadow draws (boundsNoEffects)", async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'a.psd', pixels: studioImage({ width: 120, height: 180 }) });
    const patch = studioImage({ width: 120, height: 180 });
    for (let i = 0; i < patch.data.length; i += 4) {
      const x = (i / 4) % 120;
      const y = Math.floor(i / 4 / 120);
      if (x < 30 || x >= 70 || y < 50 || y >= 110) patch.data[i + 3] = 0;
    }
    env.ps.addPixelLayer(doc.id, 'Cut-out with shadow', patch, { effectsSpread: 12 });
    const source = await readGenerationSource(env.ps, (await env.ps.activeDocument())!, 'layer', 512);
    expect(source.bounds).toEqual({ left: 30, top: 50, right: 70, bottom: 110 });
    expect([source.raster.width, source.raster.height]).toEqual([40, 60]);
  });

  it('refuses an adjustment layer as the layer source', async () => {
    const env = fakeEnvironment();
    env.ps.addDocument({ title: 'a.psd', pixels: studioImage() });
    await env.ps.executeAsModal('curves', () => env.ps.batchPlay([makeCurvesLayer('Curves 1', { composite: [{ input: 0, output: 0 }, { input: 255, output: 255 }] })]));
    const info = (await env.ps.activeDocument())!;
    await expect(readGenerationSource(env.ps, info, 'layer', 512)).rejects.toMatchObject({
      message: 'The active layer "Curves 1" has no pixels to send.', hint: 'Select a pixel or smart-object layer in the Layers panel, then try again.',
    });
  });
});
