import { describe, expect, it, afterAll } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { CHANNEL_PRESETS, planVariants, type ChannelSpec } from '@brandlock/core';
import { findSubject } from './find-subject';
import { loadMaster } from './load-master';
import { renderVariants } from './render-variants';
import { REPO, provenance, sampleLock, tempDir, removeTempDirs } from './test-support';

afterAll(removeTempDirs);

/** Bounding box of pixels darker than `below` in every channel: the black tee on white. */
async function darkBox(path: string, below = 200) {
  const { data, info } = await sharp(path).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let x0 = info.width, y0 = info.height, x1 = -1, y1 = -1;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 3;
      if (data[i] < below && data[i + 1] < below && data[i + 2] < below) {
        x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      }
    }
  }
  return { x0, y0, x1, y1, width: info.width, height: info.height, corner: [data[0], data[1], data[2]] };
}

async function renderFile(channel: ChannelSpec): Promise<string> {
  const { lock, hash } = await sampleLock();
  const master = await loadMaster(join(REPO, 'samples/photos/packshot/payload-tshirt-black-cutout.png'));
  const subject = await findSubject(master);
  const { plans, issues } = planVariants({ lock, lockHash: hash, master, subject: subject.box, sku: 'NF-2001', colorway: 'black', view: 'front', channels: [channel], provenance });
  expect(issues).toEqual([]);
  const res = await renderVariants(master, plans, { outDir: await tempDir('render') });
  expect(res.failures).toEqual([]);
  return res.entries[0].path;
}

const render = async (channel: ChannelSpec) => darkBox(await renderFile(channel));

describe('renderVariants on a real cut-out packshot', () => {
  it('makes a marketplace main image: pure white around a product filling at least 85% of the frame', async () => {
    const box = await render({ ...CHANNEL_PRESETS['marketplace-main'], id: 'marketplace', width: 1000, height: 1000 });
    expect(box.corner).toEqual([255, 255, 255]);
    expect(Math.max(box.x1 - box.x0 + 1, box.y1 - box.y0 + 1) / 1000).toBeGreaterThanOrEqual(0.85);
    expect(box.x0).toBeGreaterThan(0);
    expect(box.x1).toBeLessThan(999);
  });

  it('keeps the product out of the Stories UI bands', async () => {
    const box = await render({ ...CHANNEL_PRESETS['instagram-story-9x16'], id: 'stories' });
    expect([box.width, box.height]).toEqual([1080, 1920]);
    expect(box.y0).toBeGreaterThanOrEqual(250);
    expect(box.y1).toBeLessThan(1920 - 340);
    expect(box.x0).toBeGreaterThan(0);
    expect(box.x1).toBeLessThan(1079);
  });

  it('keeps transparency for a PNG channel with a transparent background', async () => {
    const path = await renderFile({ ...CHANNEL_PRESETS['pinterest-2x3'], id: 'cutout', width: 300, height: 450, background: 'transparent' });
    const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(4);
    expect(data[3]).toBe(0);
    expect(data[(225 * 300 + 150) * 4 + 3]).toBe(255);
  });

  it('writes AVIF at the exact size with the sRGB profile and the XMP packet', async () => {
    const path = await renderFile({ ...CHANNEL_PRESETS['instagram-feed-4x5'], id: 'avif', width: 216, height: 270, format: 'avif', effort: 0, quality: 60 });
    const meta = await sharp(path).metadata();
    expect([meta.format, meta.compression, meta.width, meta.height]).toEqual(['heif', 'av1', 216, 270]);
    expect(meta.icc?.length).toBeGreaterThan(0);
    expect(meta.xmp?.toString()).toContain('<brandlock:sku>NF-2001</brandlock:sku>');
    expect((await sharp(path).raw().toBuffer()).length).toBe(216 * 270 * 3);
  });
});
