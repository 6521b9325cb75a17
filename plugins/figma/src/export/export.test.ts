import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { encodeWithinBytes } from './encode-within-bytes';
import { encodeTiff } from './encode-tiff';
import { buildDeliveryZip } from './build-delivery-zip';
import { unzipSync } from 'fflate';

describe('encodeWithinBytes', () => {
  // A stand-in encoder whose size grows with quality, like JPEG and WebP do.
  const encoder = (bytesAt: (q: number) => number) => {
    const tried: number[] = [];
    return { tried, encode: async (q: number) => (tried.push(q), new Uint8Array(bytesAt(q))) };
  };

  it('keeps the spec quality when the file fits', async () => {
    const e = encoder((q) => q * 1000);
    expect(await encodeWithinBytes(e.encode, { quality: 82, maxBytes: 350_000 })).toMatchObject({ quality: 82, fits: true, attempts: 1 });
  });

  it('finds the highest quality under the byte limit by bisection', async () => {
    const e = encoder((q) => 2000 + q * q * 50);
    const r = await encodeWithinBytes(e.encode, { quality: 90, maxBytes: 300_000 });
    expect(r.fits).toBe(true);
    expect(r.bytes.length).toBeLessThanOrEqual(300_000);
    expect(2000 + (r.quality + 1) ** 2 * 50).toBeGreaterThan(300_000);
    expect(r.attempts).toBeLessThanOrEqual(8);
  });

  it('says so when even the quality floor is over the limit', async () => {
    const e = encoder(() => 1_000_000);
    const r = await encodeWithinBytes(e.encode, { quality: 90, maxBytes: 1000 });
    expect(r).toMatchObject({ fits: false, quality: 40 });
  });
});

describe('encodeTiff', () => {
  const w = 5;
  const h = 3;
  const rgba = new Uint8Array(w * h * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 37) % 256));

  it('writes an RGB TIFF that libvips reads back pixel for pixel', async () => {
    const tif = encodeTiff(w, h, rgba);
    const { data, info } = await sharp(tif).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([5, 3, 3]);
    const rgb = rgba.filter((_, i) => i % 4 !== 3);
    expect([...data]).toEqual([...rgb]);
    expect((await sharp(tif).metadata()).density).toBe(72);
  });

  it('keeps transparency as unassociated alpha', async () => {
    const withAlpha = rgba.slice();
    withAlpha[3] = 0;
    const { data, info } = await sharp(encodeTiff(w, h, withAlpha)).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(4);
    expect(data[3]).toBe(0);
    expect([...data.subarray(4, 8)]).toEqual([...withAlpha.subarray(4, 8)]);
  });
});

describe('buildDeliveryZip', () => {
  const entry = (fileName: string, format = 'jpeg') => ({ fileName, channelId: 'c', width: 10, height: 10, format, quality: 90, bytes: new Uint8Array([1, 2, 3]) });

  it('holds every file and a manifest with sizes and hashes', () => {
    const res = buildDeliveryZip([entry('a.jpg'), entry('b.tif', 'tiff')], { lockHash: 'sha256:x' });
    if (!res.success) throw new Error('expected a zip');
    const files = unzipSync(res.zip);
    expect(Object.keys(files).sort()).toEqual(['a.jpg', 'b.tif', 'manifest.json']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest).toMatchObject({ lockHash: 'sha256:x', files: [{ file: 'a.jpg', bytes: 3, sha256: '039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81' }, { file: 'b.tif' }] });
  });

  it('refuses two files that would land on one name', () => {
    expect(buildDeliveryZip([entry('Look.jpg'), entry('look.jpg')], {})).toEqual({ success: false, duplicates: ['look.jpg'] });
  });
});
