import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { decodeImage, probeImage } from './decode-image';

describe('decodeImage', () => {
  it('decodes an 8-bit JPEG to an sRGB RGBA raster', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 4, channels: 3, background: { r: 200, g: 100, b: 50 } } }).jpeg({ quality: 100 }).toBuffer();
    const { raster, info } = await decodeImage(jpeg);
    expect(info.format).toBe('jpeg');
    expect(raster).toMatchObject({ width: 8, height: 4, depth: 8 });
    expect(raster.data.length).toBe(8 * 4 * 4);
    expect(Math.abs(raster.data[0] - 200)).toBeLessThanOrEqual(2);
    expect(raster.data[3]).toBe(255);
  });

  it('keeps 16-bit PNGs 16-bit', async () => {
    const data = new Uint16Array(4 * 4 * 3).fill(40000);
    const png = await sharp(data, { raw: { width: 4, height: 4, channels: 3 } }).toColourspace('rgb16').png().toBuffer();
    const { raster, info } = await decodeImage(png);
    expect(info.bitsPerSample).toBe(16);
    expect(raster.depth).toBe(16);
    expect(raster.data[0]).toBe(40000);
  });

  it('refuses a decompression bomb from its header alone', async () => {
    const png = await sharp({ create: { width: 4000, height: 4000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
    await expect(probeImage(png, { maxPixels: 10_000_000 })).rejects.toMatchObject({ code: 'too_many_pixels' });
  });

  it('names unsupported and corrupt input', async () => {
    await expect(decodeImage(new TextEncoder().encode('hello, not an image'))).rejects.toMatchObject({ code: 'unsupported_format' });
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } }).jpeg().toBuffer();
    await expect(decodeImage(jpeg.subarray(0, jpeg.length / 2))).rejects.toMatchObject({ code: 'corrupt' });
  });

  it("reports a file's real size and holds it to a size limit the caller sets, as it holds the same bytes in memory", async () => {
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } }).jpeg().toBuffer();
    const file = join(mkdtempSync(join(tmpdir(), 'brandlock-decode-')), 'shot.jpg');
    writeFileSync(file, jpeg);
    await expect(probeImage(jpeg, { maxBytes: jpeg.length - 1 })).rejects.toMatchObject({ code: 'too_large' });
    await expect(probeImage(file, { maxBytes: jpeg.length - 1 })).rejects.toMatchObject({ code: 'too_large' });
    expect((await probeImage(file)).bytes).toBe(jpeg.length);
  });
});
