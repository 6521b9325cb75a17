import { describe, expect, it } from 'vitest';
import { settle, startMain } from '../../../test/support/start-main';
import { pngBytes } from '../../../test/support/fixtures';
import { decodePng } from '../../../test/support/png';
import { framePlan } from '../../../test/support/frame-plan';
import { isCanceled } from '../../bus/bus-errors';
import type { Box } from '../../protocol/geometry';
import type { VariantFramePlan } from '../../protocol/variants';
import { planLegibilityPlate } from '../../variants/plan-legibility-plate';
import { contrastRatio, requiredContrast } from '../../palette/wcag-contrast';

const GREY: [number, number, number] = [200, 200, 200];
const RED: [number, number, number] = [220, 30, 30];
const IMAGE = { width: 600, height: 900 };

/** The CROP placement of a crop window (what core's figmaCropPlacement gives for an unrounded plan). */
function placement(window: Box, image: { width: number; height: number }, frame: { width: number; height: number }) {
  const sx = frame.width / window.width;
  const sy = frame.height / window.height;
  const x0 = Math.max(0, window.x);
  const y0 = Math.max(0, window.y);
  const x1 = Math.min(image.width, window.x + window.width);
  const y1 = Math.min(image.height, window.y + window.height);
  return {
    rect: { x: (x0 - window.x) * sx, y: (y0 - window.y) * sy, width: (x1 - x0) * sx, height: (y1 - y0) * sy },
    transform: [[(x1 - x0) / image.width, 0, x0 / image.width], [0, (y1 - y0) / image.height, y0 / image.height]] as [[number, number, number], [number, number, number]],
  };
}

function plan(channelId: string, width: number, height: number, window: Box, extra: Partial<VariantFramePlan> = {}): VariantFramePlan {
  return framePlan(channelId, width, height, { image: placement(window, IMAGE, { width, height }), ...extra });
}

async function withSourceImage() {
  const env = startMain();
  const { figma, host } = env;
  const photo = figma.createRectangle();
  photo.name = 'NF-1001 master';
  photo.resize(300, 450);
  const image = figma.createImage(pngBytes(IMAGE.width, IMAGE.height, GREY, [{ x: 200, y: 300, w: 200, h: 500, rgb: RED }]));
  photo.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: image.hash }];
  host.select([photo]);
  await settle();
  return { ...env, photo, hash: image.hash };
}

const pixel = (png: Uint8Array, x: number, y: number) => {
  const img = decodePng(png);
  const i = (y * img.width + x) * 4;
  return [img.data[i], img.data[i + 1], img.data[i + 2]];
};

describe('channel variants on the main thread', () => {
  it('builds one frame per spec whose exported pixels show the crop the plan asked for', async () => {
    const { ui, photo, hash, figma } = await withSourceImage();
    const square = plan('ig-square', 300, 300, { x: 0, y: 250, width: 600, height: 600 });
    const wide = plan('banner', 400, 200, { x: -300, y: 300, width: 1200, height: 600 });
    const created = await ui.call('createVariants', { source: { nodeId: photo.id, imageHash: hash }, groupName: 'NF-1001 variants', frames: [square, wide] });
    expect(created.map((c) => c.frameName)).toEqual(['nf-1001 · ig-square', 'nf-1001 · banner']);

    const sq = await ui.call('exportFrame', { nodeId: created[0].nodeId });
    expect([sq.width, sq.height]).toEqual([300, 300]);
    expect(pixel(sq.bytes, 150, 150)).toEqual(RED); // subject centre
    expect(pixel(sq.bytes, 150, 20)).toEqual(GREY); // above the subject (y 250..300 of the image)
    expect(pixel(sq.bytes, 50, 150)).toEqual(GREY);

    const bn = await ui.call('exportFrame', { nodeId: created[1].nodeId });
    expect(pixel(bn.bytes, 50, 100)).toEqual([255, 255, 255]); // padded with the spec background
    expect(pixel(bn.bytes, 200, 100)).toEqual(RED);

    const frame = figma.currentPage.findOne((n) => n.id === created[0].nodeId) as FrameNode;
    expect(frame.parent?.type).toBe('SECTION');
    expect(frame.parent?.name).toBe('NF-1001 variants');
    expect(frame.exportSettings).toEqual([{ format: 'JPG', constraint: { type: 'WIDTH', value: 300 }, suffix: '', colorProfile: 'SRGB' }]);
    // Figma's own JPG export ignores the channel's quality: the relaunch text says so where a designer would use it.
    expect(frame.getRelaunchData()).toEqual({ variants: "ig-square: 300×300 JPEG, exports as northfold_nf-1001_ig-square_300x300.jpg (quality 90 through brandlock's Export all; Figma's Export panel sets its own)" });
    const imageLayer = frame.children[0] as RectangleNode;
    expect(imageLayer.fills).toEqual([expect.objectContaining({ type: 'IMAGE', scaleMode: 'CROP', imageHash: hash, imageTransform: [[1, 0, 0], [0, 600 / 900, 250 / 900]] })]);
  });

  it('keeps what a frame compromises on with it: the relaunch text on the canvas and the record Export all reads, after the plugin closes', async () => {
    const { ui, photo, hash, figma } = await withSourceImage();
    const upscaled = 'upscaled 1.35x: the source is smaller than this channel; it will look soft at 100%';
    const padded = 'padded 40 px at the top with the channel background';
    const [made, clean] = await ui.call('createVariants', {
      source: { nodeId: photo.id, imageHash: hash }, groupName: 'notes',
      frames: [plan('zalando', 300, 300, { x: 0, y: 250, width: 600, height: 600 }, { warnings: [upscaled, padded], delivery: { format: 'jpeg', quality: 85, maxBytes: 300_000 } }), plan('ig', 300, 300, { x: 0, y: 250, width: 600, height: 600 })],
    });
    const frame = figma.currentPage.findOne((n) => n.id === made.nodeId) as FrameNode;
    expect(frame.getRelaunchData().variants).toBe(`zalando: 300×300 JPEG, exports as northfold_nf-1001_zalando_300x300.jpg (quality 85, at most 300 kB through brandlock's Export all; Figma's Export panel sets its own) · ${upscaled} (+1 more)`);
    const other = figma.currentPage.findOne((n) => n.id === clean.nodeId) as FrameNode;
    expect(other.getRelaunchData().variants).toBe("ig: 300×300 JPEG, exports as northfold_nf-1001_ig_300x300.jpg (quality 90 through brandlock's Export all; Figma's Export panel sets its own)");
    // A later session (the plugin closed and opened again) lists the frame with its notes.
    const list = await ui.call('listVariantFrames', { scope: 'page' });
    expect(list.find((f) => f.nodeId === made.nodeId)?.notes).toEqual([upscaled, padded]);
    expect(list.find((f) => f.nodeId === clean.nodeId)?.notes).toEqual([]);
  });

  it('shows the safe area as layout grids and lists the frames for Export all, with the SKU and the job of the moodboard cell they came from', async () => {
    const { ui, photo, hash, figma } = await withSourceImage();
    // The source is a moodboard cell's image: it carries the server job that made it.
    photo.setSharedPluginData('brandlock', 'board-cell', JSON.stringify({ index: 0, jobId: 'job-7', seed: 1, prompt: 'p', caption: 'c', captionId: 'x', placed: true }));
    const stories = plan('stories', 108, 192, { x: 0, y: 0, width: 506.25, height: 900 }, { safeArea: { top: 25, right: 0, bottom: 34, left: 0 } });
    const [made] = await ui.call('createVariants', { source: { nodeId: photo.id, imageHash: hash }, groupName: 'g', frames: [stories], naming: { sku: 'NF-1001', colorway: 'ink' } });
    const list = await ui.call('listVariantFrames', { scope: 'page' });
    expect(list).toEqual([{ nodeId: made.nodeId, frameName: 'nf-1001 · stories', fileName: 'northfold_nf-1001_stories_108x192.jpg', channelId: 'stories', width: 108, height: 192, delivery: { format: 'jpeg', quality: 90, maxBytes: null }, sku: 'NF-1001', jobId: 'job-7', notes: [], place: { container: 'g', x: expect.any(Number), y: expect.any(Number) } }]);
    const frame = figma.currentPage.findOne((n) => n.id === made.nodeId) as FrameNode;
    // The bands the platform's interface covers are tinted (top 25, bottom 34 of 192), not the safe middle.
    expect(frame.layoutGrids).toEqual([
      expect.objectContaining({ pattern: 'ROWS', alignment: 'MIN', offset: 0, sectionSize: 25 }),
      expect.objectContaining({ pattern: 'ROWS', alignment: 'MAX', offset: 0, sectionSize: 34 }),
    ]);
    // Layout grids never export: the exported frame is just the image.
    const png = await ui.call('exportFrame', { nodeId: made.nodeId });
    expect(pixel(png.bytes, 54, 10)).toEqual(GREY);
  });

  it('fits overlay copy with core\'s copy-fit measured on text nodes: shorter copy gets a bigger size, copy too long is flagged', async () => {
    const { ui, photo, hash, figma } = await withSourceImage();
    const box = { x: 40, y: 800, width: 1000, height: 240 };
    const overlay = (text: string, b = box) => ({ text, box: b, font: { family: 'Inter', style: 'Bold' }, color: { r: 1, g: 1, b: 1 }, align: 'LEFT' as const, vertical: 'BOTTOM' as const, minSize: 24, maxSize: 160, contrast: null });
    const base = plan('ig', 1080, 1080, { x: 0, y: 150, width: 600, height: 600 });
    const long = 'The linen shirt you will wear all summer long, in five washed colours';
    const made = await ui.call('createVariants', {
      source: { nodeId: photo.id, imageHash: hash },
      groupName: 'copy',
      frames: [
        { ...base, overlay: overlay('Linen, at last') },
        { ...base, channelId: 'b', overlay: overlay(long) },
        { ...base, channelId: 'c', overlay: overlay('word '.repeat(40), { x: 40, y: 40, width: 300, height: 60 }) },
        { ...base, channelId: 'd', overlay: overlay('Supercalifragilisticexpialidocious'.repeat(3)) },
      ],
    });
    const [short, longer, tooLong, oneWord] = made;
    expect(short.fontSize).toBeGreaterThan(longer.fontSize!);
    expect([short.overflow, longer.overflow, short.brokeWords, longer.brokeWords]).toEqual([false, false, false, false]);
    expect(tooLong).toMatchObject({ fontSize: 24, overflow: true });
    expect(oneWord).toMatchObject({ overflow: false, brokeWords: true });
    const frame = figma.currentPage.findOne((n) => n.id === longer.nodeId) as FrameNode;
    const copy = frame.children.find((c) => c.name === 'Copy') as TextNode;
    const { x, y, width, height, fontSize, textAlignVertical } = copy;
    expect({ x, y, width, height, fontSize, textAlignVertical }).toEqual({ x: 40, y: 800, width: 1000, height: 240, fontSize: longer.fontSize, textAlignVertical: 'BOTTOM' });
    expect(frame.children.map((c) => c.name)).toEqual(['Image', 'Copy']); // the measuring layer is gone
    // No hard line breaks: Figma wraps the copy in its box, and every wrapped line fits at the chosen size.
    expect(copy.characters).toBe(long);
    expect(copy.textAutoResize).toBe('NONE');
    const lines = (copy as unknown as { textLines: string[] }).textLines;
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(long);
    const probe = figma.createText();
    probe.fontName = { family: 'Inter', style: 'Bold' };
    const widthAt = (line: string, size: number) => {
      probe.fontSize = size;
      probe.characters = line;
      return probe.width;
    };
    for (const line of lines) expect(widthAt(line, longer.fontSize!)).toBeLessThanOrEqual(1000);
    expect(lines.length * longer.fontSize! * 1.2).toBeLessThanOrEqual(240);
    const next = longer.fontSize! + 1;
    const fitsNext = (() => {
      const words = long.split(' ');
      let rows = 1;
      let line = '';
      for (const w of words) {
        const cand = line ? `${line} ${w}` : w;
        if (widthAt(cand, next) <= 1000) line = cand;
        else {
          rows++;
          line = w;
        }
      }
      return rows * next * 1.2 <= 240;
    })();
    expect(fitsNext).toBe(false);
  });

  it('puts a translucent legibility plate behind copy that does not read over the image, and the exported frame reads', async () => {
    const { ui, photo, hash, figma } = await withSourceImage();
    const box = { x: 40, y: 40, width: 600, height: 160 };
    const white = { r: 1, g: 1, b: 1 };
    const grey = { r: GREY[0] / 255, g: GREY[1] / 255, b: GREY[2] / 255 };
    const required = requiredContrast(24, true);
    // White over the light grey backdrop measures about 1.7:1: the plate is what makes it read.
    const plate = planLegibilityPlate([grey], white, required);
    expect(plate).toMatchObject({ color: { r: 0, g: 0, b: 0 } });
    expect(plate!.ratio).toBeGreaterThanOrEqual(required);
    const overlay = { text: 'Linen, at last', box, font: { family: 'Inter', style: 'Bold' }, color: white, align: 'LEFT' as const, vertical: 'TOP' as const, minSize: 24, maxSize: 96, contrast: { ratio: 1.7, required, colorName: 'Chalk' }, plate };
    const [made] = await ui.call('createVariants', { source: { nodeId: photo.id, imageHash: hash }, groupName: 'plate', frames: [{ ...plan('ig', 1080, 1080, { x: 0, y: 150, width: 600, height: 600 }), overlay }] });
    const frame = figma.currentPage.findOne((n) => n.id === made.nodeId) as FrameNode;
    expect(frame.children.map((c) => c.name)).toEqual(['Image', 'Legibility plate', 'Copy']);
    const png = await ui.call('exportFrame', { nodeId: made.nodeId });
    // A pixel under the copy box, away from the glyphs (the bottom-right corner of the box).
    const [r, g, b] = pixel(png.bytes, box.x + box.width - 4, box.y + box.height - 4);
    expect(contrastRatio(white, { r: r / 255, g: g / 255, b: b / 255 })).toBeGreaterThanOrEqual(required);
    expect(pixel(png.bytes, 1000, 1000)).toEqual(GREY); // the plate stays behind the copy only
  });

  it('refuses a font the file does not have, and removes a half-built section on cancel', async () => {
    const { ui, photo, hash, figma } = await withSourceImage();
    const base = plan('ig', 100, 100, { x: 0, y: 150, width: 600, height: 600 });
    const badFont = { ...base, overlay: { text: 'x', box: { x: 0, y: 0, width: 50, height: 50 }, font: { family: 'Brand Sans', style: 'Bold' }, color: { r: 0, g: 0, b: 0 }, align: 'LEFT' as const, vertical: 'TOP' as const, minSize: 8, maxSize: 20, contrast: null } };
    const err = await ui.call('createVariants', { source: { nodeId: photo.id, imageHash: hash }, groupName: 'g', frames: [badFont] }).catch((e) => e);
    expect(err).toMatchObject({ code: 'font-missing', message: 'The font "Brand Sans Bold" is not available here; choose another for the copy' });

    const abort = new AbortController();
    const many = Array.from({ length: 40 }, (_, i) => ({ ...base, channelId: `c${i}` }));
    const run = ui.call('createVariants', { source: { nodeId: photo.id, imageHash: hash }, groupName: 'canceled', frames: many }, {
      signal: abort.signal,
      onProgress: (p) => p.done === 3 && abort.abort(),
    });
    expect(isCanceled(await run.catch((e) => e))).toBe(true);
    expect(figma.currentPage.children.filter((n) => n.type === 'SECTION')).toHaveLength(0);
  });
});
