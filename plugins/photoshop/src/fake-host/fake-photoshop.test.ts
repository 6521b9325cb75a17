// The fake Photoshop must enforce what Photoshop enforces, or flow tests against it prove nothing.
import { describe, expect, it } from 'vitest';
import { fakeEnvironment } from '../../test/support/fake-env';
import { studioImage } from '../../test/support/studio-image';
import { makeColorLookupLayer } from '../descriptors/color-lookup';
import { makeCurvesLayer } from '../descriptors/curves';
import { getXmp, setXmp, xmpFromResult } from '../descriptors/xmp';
import { selectLayer, selectRectangle } from '../descriptors/layers';
import { deleteChannel, loadChannelAsSelection, saveSelectionAsChannel } from '../descriptors/channels';
import { deselect } from '../descriptors/subject';

describe('fake Photoshop', () => {
  it('refuses modifying calls outside executeAsModal', async () => {
    const { ps } = fakeEnvironment();
    ps.addDocument({ title: 'a.psd', pixels: studioImage() });
    await expect(ps.batchPlay([makeColorLookupLayer('x')])).rejects.toThrow(/must run inside executeAsModal/);
  });

  it('answers like Photoshop when another plugin holds the modal state', async () => {
    const { ps } = fakeEnvironment();
    ps.modalHeldBy = 'Retouch Pro';
    await expect(ps.executeAsModal('Apply brand LUT', async () => 1)).rejects.toMatchObject({
      name: 'PanelError', code: 'modal-busy', message: expect.stringContaining('"Retouch Pro"'),
    });
  });

  it('folds a suspended history into one named step, or rolls it back', async () => {
    const { ps } = fakeEnvironment();
    const doc = ps.addDocument({ title: 'a.psd', pixels: studioImage() });
    await ps.executeAsModal('two layers', async (ctx) => {
      const id = await ctx.suspendHistory(doc.id, 'brandlock: two layers');
      await ps.batchPlay([makeColorLookupLayer('one'), makeColorLookupLayer('two')]);
      await ctx.resumeHistory(id, true);
    });
    expect(doc.history).toEqual(['Open', 'brandlock: two layers']);
    await ps.executeAsModal('dropped', async (ctx) => {
      const id = await ctx.suspendHistory(doc.id, 'dropped');
      await ps.batchPlay([makeColorLookupLayer('three')]);
      await ctx.resumeHistory(id, false);
    });
    expect(ps.doc(doc.id).layers.map((l) => l.name)).toEqual(['two', 'one', 'Background']);
    expect(ps.doc(doc.id).history).toEqual(['Open', 'brandlock: two layers']);
  });

  it('rolls back a suspension left open by a failing command', async () => {
    const { ps } = fakeEnvironment();
    const doc = ps.addDocument({ title: 'a.psd', pixels: studioImage() });
    await expect(ps.executeAsModal('fails', async (ctx) => {
      await ctx.suspendHistory(doc.id, 'fails');
      await ps.batchPlay([makeColorLookupLayer('left behind')]);
      throw new Error('boom');
    })).rejects.toMatchObject({ code: 'host-command-failed' });
    expect(ps.doc(doc.id).layers).toHaveLength(1);
  });

  it('cancels at the next Photoshop call once the user has cancelled', async () => {
    const { ps } = fakeEnvironment();
    ps.addDocument({ title: 'a.psd', pixels: studioImage() });
    ps.cancelAfter = 1;
    await expect(ps.executeAsModal('cancel me', async () => {
      await ps.batchPlay([makeColorLookupLayer('one')]);
      await ps.batchPlay([makeColorLookupLayer('two')]);
    })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('keeps XMP per document and per layer', async () => {
    const { ps } = fakeEnvironment();
    const doc = ps.addDocument({ title: 'a.psd', pixels: studioImage() });
    const layerId = doc.layers[0].id;
    await ps.executeAsModal('xmp', async () => {
      await ps.batchPlay([setXmp({ documentId: doc.id }, '<doc/>'), setXmp({ documentId: doc.id, layerId }, '<layer/>')]);
    });
    const [d, l] = await ps.batchPlay([getXmp({ documentId: doc.id }), getXmp({ documentId: doc.id, layerId })]);
    expect(d.XMPMetadataAsUTF8).toBe('<doc/>');
    expect(l).toEqual({ metadata: { layerXMP: '<layer/>' } });
    expect(xmpFromResult(l, { documentId: doc.id, layerId })).toBe('<layer/>');
    // A layer's XMP does not come back as XMPMetadataAsUTF8; a read Photoshop refuses counts as none.
    const [refused] = await ps.batchPlay([{ _obj: 'get', _target: [{ _property: 'XMPMetadataAsUTF8' }, { _ref: 'layer', _id: layerId }, { _ref: 'document', _id: doc.id }] }]);
    expect(refused._obj).toBe('error');
    expect(xmpFromResult(refused, { documentId: doc.id, layerId })).toBeUndefined();
  });

  it('renders a Curves layer into the composite it hands to getPixels', async () => {
    const { ps } = fakeEnvironment();
    const doc = ps.addDocument({ title: 'grey.psd', pixels: studioImage({ background: [100, 100, 100], garment: [100, 100, 100] }) });
    await ps.executeAsModal('curves', async () => {
      await ps.batchPlay([makeCurvesLayer('lift', { composite: [{ input: 0, output: 0 }, { input: 100, output: 150 }, { input: 255, output: 255 }] })]);
    });
    const { raster } = await ps.getPixels({ documentId: doc.id, depth: 8, targetSize: { width: 12, height: 16 } });
    expect(raster.width).toBe(12);
    expect(Array.from(raster.data.subarray(0, 4))).toEqual([150, 150, 150, 255]);
  });

  it('puts a new adjustment layer above the active layer and masks it with the active selection, as Photoshop does', async () => {
    const { ps } = fakeEnvironment();
    const doc = ps.addDocument({ title: 'grey.psd', pixels: studioImage({ width: 20, height: 20, background: [100, 100, 100], garment: [100, 100, 100] }) });
    const top = ps.addPixelLayer(doc.id, 'Patch', studioImage({ width: 20, height: 20 }), { opacity: 0 });
    const background = ps.doc(doc.id).layers[1];
    await ps.executeAsModal('curves', async () => {
      await ps.batchPlay([selectLayer(doc.id, background.id), selectRectangle({ left: 0, top: 0, right: 10, bottom: 20 })]);
      await ps.batchPlay([makeCurvesLayer('lift', { composite: [{ input: 0, output: 0 }, { input: 100, output: 150 }, { input: 255, output: 255 }] })]);
    });
    expect(ps.doc(doc.id).layers.map((l) => l.name)).toEqual(['Patch', 'lift', 'Background']);
    const { raster } = await ps.getPixels({ documentId: doc.id, depth: 8 });
    expect(raster.data[(5 * 20 + 2) * 4]).toBe(150);
    expect(raster.data[(5 * 20 + 15) * 4]).toBe(100);
    expect(top.id).toBe(ps.doc(doc.id).layers[0].id);
  });

  it('composites a layer in the Color blend mode with the luminance below it, and refuses a mode Photoshop has not', async () => {
    const { ps } = fakeEnvironment();
    const doc = ps.addDocument({ title: 'a.psd', pixels: studioImage({ width: 4, height: 4, background: [200, 80, 40], garment: [200, 80, 40] }) });
    const blue = studioImage({ width: 4, height: 4, background: [40, 80, 200], garment: [40, 80, 200] });
    const layer = ps.addPixelLayer(doc.id, 'Blue', blue);
    const results = await ps.executeAsModal('mode', () => ps.batchPlay([
      { _obj: 'set', _target: [{ _ref: 'layer', _id: layer.id }], to: { _obj: 'layer', mode: { _enum: 'blendMode', _value: 'color' } } },
      { _obj: 'set', _target: [{ _ref: 'layer', _id: layer.id }], to: { _obj: 'layer', mode: { _enum: 'blendMode', _value: 'sparkle' } } },
    ]));
    expect(results[1]._obj).toBe('error');
    expect(ps.doc(doc.id).layers[0].blendMode).toBe('color');
    const [r, g, b] = Array.from((await ps.getPixels({ documentId: doc.id, depth: 8 })).raster.data.slice(0, 3));
    expect(0.3 * r + 0.59 * g + 0.11 * b).toBeCloseTo(0.3 * 200 + 0.59 * 80 + 0.11 * 40, 0);
    expect(b).toBeGreaterThan(r);
  });

  it("trims a getPixels request to where the layer has pixels and says so in sourceBounds, as the Imaging API does", async () => {
    const { ps } = fakeEnvironment();
    const doc = ps.addDocument({ title: 'a.psd', pixels: studioImage({ width: 40, height: 40 }) });
    const patch = studioImage({ width: 40, height: 40 });
    for (let i = 0; i < patch.data.length; i += 4) {
      const x = (i / 4) % 40;
      const y = Math.floor(i / 4 / 40);
      if (x < 10 || x >= 30 || y < 20) patch.data[i + 3] = 0;
    }
    const layer = ps.addPixelLayer(doc.id, 'Patch', patch);
    const read = await ps.getPixels({ documentId: doc.id, layerId: layer.id, sourceBounds: { left: 0, top: 0, right: 40, bottom: 40 }, depth: 8 });
    expect(read.sourceBounds).toEqual({ left: 10, top: 20, right: 30, bottom: 40 });
    expect([read.raster.width, read.raster.height]).toEqual([20, 20]);
    const small = await ps.getPixels({ documentId: doc.id, layerId: layer.id, sourceBounds: { left: 0, top: 0, right: 40, bottom: 40 }, targetSize: { width: 10, height: 10 }, depth: 8 });
    expect(small.sourceBounds).toEqual({ left: 10, top: 20, right: 30, bottom: 40 });
    expect([small.raster.width, small.raster.height]).toEqual([10, 10]);
  });

  it('trims getSelection to the selection box and says where it is, as the Imaging API does', async () => {
    const { ps } = fakeEnvironment();
    const doc = ps.addDocument({ title: 'a.psd', pixels: studioImage({ width: 40, height: 40 }) });
    await ps.executeAsModal('select', () => ps.batchPlay([selectRectangle({ left: 10, top: 20, right: 30, bottom: 30 })]));
    expect(await ps.getSelectionMask(doc.id, { width: 100, height: 100 })).toMatchObject({ width: 20, height: 10, bounds: { left: 10, top: 20, right: 30, bottom: 30 } });
  });

  it('keeps a selection in a named alpha channel as Photoshop does: none without a selection, by name, with the image, at most 56 channels', async () => {
    const { ps } = fakeEnvironment();
    const doc = ps.addDocument({ title: 'a.psd', pixels: studioImage({ width: 40, height: 40 }) });
    const [refused] = await ps.executeAsModal('save', () => ps.batchPlay([saveSelectionAsChannel('Sleeve')]));
    expect(refused._obj).toBe('error');
    await ps.executeAsModal('keep', () => ps.batchPlay([selectRectangle({ left: 10, top: 20, right: 30, bottom: 30 }), saveSelectionAsChannel('Sleeve'), deselect()]));
    expect(await ps.alphaChannelNames(doc.id)).toEqual(['Sleeve']);
    expect(await ps.selectionBounds(doc.id)).toBeNull();
    const [missing] = await ps.executeAsModal('load', () => ps.batchPlay([loadChannelAsSelection('Collar')]));
    expect(missing._obj).toBe('error');
    await ps.executeAsModal('load', () => ps.batchPlay([loadChannelAsSelection('Sleeve')]));
    expect(await ps.selectionBounds(doc.id)).toEqual({ left: 10, top: 20, right: 30, bottom: 30 });
    // Image Size resamples alpha channels with the image; a crop cuts them.
    await ps.executeAsModal('resize', async () => {
      await ps.batchPlay([deselect()]);
      await ps.resizeDocument(doc.id, 80, 80);
      await ps.batchPlay([loadChannelAsSelection('Sleeve')]);
    });
    expect(await ps.selectionBounds(doc.id)).toEqual({ left: 20, top: 40, right: 60, bottom: 60 });
    await ps.executeAsModal('crop', async () => {
      await ps.cropDocument(doc.id, { left: 0, top: 0, right: 40, bottom: 80 });
      await ps.batchPlay([deselect(), loadChannelAsSelection('Sleeve')]);
    });
    expect(await ps.selectionBounds(doc.id)).toEqual({ left: 20, top: 40, right: 40, bottom: 60 });
    // Names need not be unique; delete takes the first with the name.
    await ps.executeAsModal('delete', () => ps.batchPlay([saveSelectionAsChannel('Cuff'), saveSelectionAsChannel('Sleeve'), deleteChannel('Sleeve')]));
    expect(await ps.alphaChannelNames(doc.id)).toEqual(['Cuff', 'Sleeve']);
    // An RGB document holds 3 component channels and at most 53 alpha channels.
    const results = await ps.executeAsModal('many', () => ps.batchPlay(Array.from({ length: 52 }, (_, i) => saveSelectionAsChannel(`Alpha ${i + 3}`))));
    expect(results.filter((r) => r._obj === 'error')).toHaveLength(1);
    expect(await ps.alphaChannelNames(doc.id)).toHaveLength(53);
  });

  it('undoes a saved channel with the History step that made it', async () => {
    const { ps } = fakeEnvironment();
    const doc = ps.addDocument({ title: 'a.psd', pixels: studioImage({ width: 40, height: 40 }) });
    await ps.executeAsModal('keep', async (ctx) => {
      const id = await ctx.suspendHistory(doc.id, 'keep');
      await ps.batchPlay([selectRectangle({ left: 0, top: 0, right: 5, bottom: 5 }), saveSelectionAsChannel('Sleeve')]);
      await ctx.resumeHistory(id, false);
    });
    expect(await ps.alphaChannelNames(doc.id)).toEqual([]);
  });

  it('refuses CMYK pixels as the Imaging API does', async () => {
    const { ps } = fakeEnvironment();
    const doc = ps.addDocument({ title: 'print.tif', pixels: studioImage(), mode: 'CMYK' });
    await expect(ps.getPixels({ documentId: doc.id, depth: 8 })).rejects.toThrow(/CMYK/);
  });
});
