import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { CHANNEL_PRESETS, planVariants, type ChannelSpec } from '@brandlock/core';
import { findSubject } from './find-subject';
import { loadMaster } from './load-master';
import { renderVariants } from './render-variants';
import { REPO, provenance, sampleLock, tempDir } from './test-support';

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

async function render(channel: ChannelSpec) {
  const { lock, hash } = await sampleLock();
  const master = await loadMaster(join(REPO, 'samples/photos/packshot/payload-tshirt-black-cutout.png'));
  const subject = await findSubject(master);
  const { plans, issues } = planVariants({ lock, lockHash: hash, master, subject: subject.box, sku: 'NF-2001', colorway: 'black', view: 'front', channels: [channel], provenance });
  expect(issues).toEqual([]);
  const res = await renderVariants(master, plans, { outDir: await tempDir('render') });
  expect(res.failures).toEqual([]);
  return darkBox(res.entries[0].path);
}

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
});
