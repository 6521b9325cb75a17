import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { encodeWithinBytes } from './encode-within-bytes';
import { encodeTiff } from './encode-tiff';
import { startDeliveryZip } from './start-delivery-zip';
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

describe('startDeliveryZip', () => {
  const entry = (fileName: string, format = 'jpeg') => ({ fileName, channelId: 'c', width: 10, height: 10, format, quality: 90, bytes: new Uint8Array([1, 2, 3]) });
  const unzipBlob = async (blob: Blob) => unzipSync(new Uint8Array(await blob.arrayBuffer()));

  it('holds every file and a manifest with sizes and hashes', async () => {
    const zip = startDeliveryZip();
    zip.add(entry('a.jpg'));
    zip.add(entry('b.tif', 'tiff'));
    const files = await unzipBlob(zip.finish({ lockHash: 'sha256:x' }));
    expect(Object.keys(files).sort()).toEqual(['a.jpg', 'b.tif', 'manifest.json']);
    expect([...files['b.tif']]).toEqual([1, 2, 3]);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest).toMatchObject({ lockHash: 'sha256:x', files: [{ file: 'a.jpg', bytes: 3, sha256: '039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81' }, { file: 'b.tif' }] });
  });

  it('refuses two files that would land on one name, and the manifest\'s name', async () => {
    const zip = startDeliveryZip();
    zip.add(entry('Look.jpg'));
    expect(() => zip.add(entry('look.jpg'))).toThrow('The zip already holds a file named look.jpg');
    expect(() => zip.add(entry('Manifest.json'))).toThrow('The zip already holds a file named Manifest.json');
    expect(Object.keys(await unzipBlob(zip.finish({}))).sort()).toEqual(['Look.jpg', 'manifest.json']);
  });

  it('stores images as they are and deflates TIFF, as zipSync did', async () => {
    // Large enough that the zip arrives in several chunks.
    const photo = new Uint8Array(3_000_000).map((_, i) => (i * 7919) % 251);
    const tiff = new Uint8Array(2_000_000).map((_, i) => (i >> 12) & 0xff);
    const zip = startDeliveryZip();
    zip.add({ ...entry('p.jpg'), bytes: photo });
    zip.add({ ...entry('w.tif', 'tiff'), bytes: tiff });
    const blob = zip.finish({});
    expect(blob.type).toBe('application/zip');
    // The JPEG is stored (the zip is bigger than it), the TIFF deflated far below its size.
    expect(blob.size).toBeGreaterThan(photo.length);
    expect(blob.size).toBeLessThan(photo.length + tiff.length / 10);
    const files = await unzipBlob(blob);
    expect(Buffer.from(files['p.jpg']).equals(Buffer.from(photo))).toBe(true);
    expect(Buffer.from(files['w.tif']).equals(Buffer.from(tiff))).toBe(true);
  });
});
