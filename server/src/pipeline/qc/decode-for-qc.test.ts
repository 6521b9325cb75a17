import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { decodeForQc } from './decode-for-qc';

const photo = (path: string) => readFileSync(new URL(`../../../../samples/photos/${path}`, import.meta.url));

/** The proxy as libvips makes it from the file: decoded, sRGB, alpha, reduced with a linear kernel. */
async function proxyFromFile(bytes: Buffer, width: number, height: number): Promise<Buffer> {
  return sharp(bytes).autoOrient().toColourspace('srgb').ensureAlpha().resize({ width, height, fit: 'fill', kernel: 'linear' }).raw({ depth: 'uchar' }).toBuffer();
}

describe('decodeForQc', () => {
  // A PNG has no shrink-on-load: its proxy is reduced from the full decode instead of decoding it twice.
  it.each(['packshot/payload-cap-black-cutout.png', 'on-model/solidus-hoodie-red-onmodel-cutout.png'])('gives a PNG (%s) the proxy a second decode of the file would, pixel for pixel', async (path) => {
    const bytes = photo(path);
    const { proxy, raster } = await decodeForQc(bytes);
    expect(proxy.factor).toBeGreaterThan(1);
    expect(proxy.raster.width).toBe(Math.ceil(raster.width / proxy.factor));
    const expected = await proxyFromFile(bytes, proxy.raster.width, proxy.raster.height);
    expect(Buffer.compare(Buffer.from(proxy.raster.data.buffer, proxy.raster.data.byteOffset, proxy.raster.data.byteLength), expected)).toBe(0);
  });

  it('decodes a JPEG proxy from the file with shrink-on-load, beside the full decode', async () => {
    const bytes = photo('flatlay/solidus-tee-blue-white-bg.jpg');
    const { proxy } = await decodeForQc(bytes);
    const expected = await proxyFromFile(bytes, proxy.raster.width, proxy.raster.height);
    expect(Buffer.compare(Buffer.from(proxy.raster.data.buffer, proxy.raster.data.byteOffset, proxy.raster.data.byteLength), expected)).toBe(0);
  });

  it('keeps a small PNG whole as its own proxy', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).png().toBuffer();
    const { proxy, raster } = await decodeForQc(png);
    expect(proxy.factor).toBe(1);
    expect(proxy.raster.width).toBe(40);
    expect(Array.from(proxy.raster.data.slice(0, 4))).toEqual([0x33, 0x66, 0x99, 255]);
    expect(raster.width).toBe(40);
  });
});
