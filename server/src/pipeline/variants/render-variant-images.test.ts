import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { CHANNEL_PRESETS } from '@brandlock/core';
import { renderVariantImages } from './render-variant-images';
import { REPO } from './test-support';

describe('renderVariantImages', () => {
  it('renders channels in memory, in the order given, at their exact sizes and formats', async () => {
    const master = await readFile(join(REPO, 'samples/photos/packshot/solidus-hoodie-red-cutout.png'));
    const channels = [
      { ...CHANNEL_PRESETS['marketplace-main'], width: 400, height: 400 },
      { ...CHANNEL_PRESETS['pinterest-2x3'], width: 200, height: 300, format: 'webp' as const },
    ];
    const { subject, images } = await renderVariantImages({ master, channels });
    expect(subject.source).toBe('alpha');
    expect(images.map((i) => i.channel)).toEqual(['marketplace-main', 'pinterest-2x3']);
    for (const [i, image] of images.entries()) {
      const meta = await sharp(image.bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual([channels[i].format, channels[i].width, channels[i].height]);
    }
  });
});
