import { describe, expect, it } from 'vitest';
import { settle, startMain } from '../../../test/support/start-main';
import { pngBytes } from '../../../test/support/fixtures';

describe('LUT preview on the main thread', () => {
  it('hands the UI the original image bytes, then places the graded copy beside the original', async () => {
    const { ui, figma, host } = startMain();
    const card = figma.createFrame();
    card.resize(800, 600);
    const photo = figma.createRectangle();
    photo.name = 'Look 12';
    photo.resize(300, 400);
    photo.x = 20;
    const original = pngBytes(30, 40, [200, 180, 160]);
    const hash = figma.createImage(original).hash;
    const transform: Transform = [[0.5, 0, 0.25], [0, 0.5, 0.25]];
    photo.fills = [{ type: 'IMAGE', scaleMode: 'CROP', imageHash: hash, imageTransform: transform }];
    card.appendChild(photo);
    host.select([photo]);
    await settle();

    const read = await ui.call('readImage', { imageHash: hash });
    expect(read).toEqual({ bytes: original, width: 30, height: 40 });

    const graded = pngBytes(30, 40, [210, 170, 140]);
    const placed = await ui.call('placeLutPreview', { sourceNodeId: photo.id, imageHash: hash, bytes: graded, label: 'Warm studio grade' });
    const copy = figma.currentPage.findOne((n) => n.id === placed.nodeId) as RectangleNode;
    expect(placed.name).toBe('Look 12 · Warm studio grade');
    expect(copy.parent).toBe(card);
    expect(copy.x).toBe(20 + 300 + 24);
    expect(copy.fills).toEqual([expect.objectContaining({ type: 'IMAGE', scaleMode: 'CROP', imageTransform: transform, imageHash: figma.createImage(graded).hash })]);
    expect(photo.fills).toEqual([expect.objectContaining({ imageHash: hash })]);
    expect(figma.currentPage.selection).toEqual([photo]);
    expect(host.zoomedTo.map((n) => n.id)).toEqual([photo.id, copy.id]);
    expect(host.undoCommits).toBe(1);
    expect(JSON.parse(copy.getSharedPluginData('brandlock', 'lut-preview'))).toEqual({ lut: 'Warm studio grade', strength: 100, sourceNodeId: photo.id });
  });

  it('names a copy graded at less than full strength after its strength', async () => {
    const { ui, figma } = startMain();
    const photo = figma.createRectangle();
    photo.name = 'Look 12';
    const hash = figma.createImage(pngBytes(4, 4, [200, 180, 160])).hash;
    photo.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: hash }];
    const placed = await ui.call('placeLutPreview', { sourceNodeId: photo.id, imageHash: hash, bytes: pngBytes(4, 4, [205, 175, 150]), label: 'Warm studio grade', strength: 50 });
    expect(placed.name).toBe('Look 12 · Warm studio grade at 50 %');
    const copy = figma.currentPage.findOne((n) => n.id === placed.nodeId)!;
    expect(JSON.parse(copy.getSharedPluginData('brandlock', 'lut-preview'))).toEqual({ lut: 'Warm studio grade', strength: 50, sourceNodeId: photo.id });
    const bad = await ui.call('placeLutPreview', { sourceNodeId: photo.id, imageHash: hash, bytes: pngBytes(4, 4, [0, 0, 0]), label: 'x', strength: 140 }).catch((e) => e);
    expect(bad.message).toMatch(/strength/);
  });

  it('explains when Figma refuses the graded image or the original is gone', async () => {
    const { ui, figma } = startMain();
    const photo = figma.createRectangle();
    const hash = figma.createImage(pngBytes(4, 4, [0, 0, 0])).hash;
    photo.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: hash }];
    const err = await ui.call('placeLutPreview', { sourceNodeId: photo.id, imageHash: hash, bytes: new Uint8Array([1, 2, 3]), label: 'x' }).catch((e) => e);
    expect(err.message).toBe('Figma refused the graded image: Image type is unsupported (PNG, JPEG or GIF up to 4096 px)');
    photo.remove();
    const gone = await ui.call('placeLutPreview', { sourceNodeId: photo.id, imageHash: hash, bytes: pngBytes(4, 4, [0, 0, 0]), label: 'x' }).catch((e) => e);
    expect(gone.code).toBe('source-gone');
    expect((await ui.call('readImage', { imageHash: 'nope' }).catch((e) => e)).code).toBe('image-gone');
  });
});
