// A frame exported from Figma becomes its channel's delivery file on the server, byte for byte what
// `brandlock variants`' encoder writes for the same pixels: WebP within its byte limit, LZW TIFF, the
// sRGB ICC profile, and the provenance variants carry (XMP DigitalSourceType trainedAlgorithmicMedia,
// IPTC for JPEG; the SKU and the master's job when the plugin knows them); a frame of the wrong size
// or a non-PNG is refused by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { createBrandlockClient, type BrandlockClient } from '@brandlock/core/api';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { encodeVariant } from '../pipeline/variants/encode-variant';

const samples = new URL('../../../samples/', import.meta.url);
let t: TestServer;
let api: BrandlockClient;
beforeAll(async () => {
  t = await startTestServer({ listen: true });
  await createBrandlockClient({ baseUrl: t.url, token: t.adminToken }).locks.publish(JSON.parse(await readFile(new URL('brand-lock.json', samples), 'utf8')));
  api = createBrandlockClient({ baseUrl: t.url, token: await t.tokenFor('designer') });
});
afterAll(() => t.close());

async function frame(width: number, height: number): Promise<Uint8Array> {
  const photo = await sharp(new URL('photos/packshot/solidus-hoodie-blue-white-bg.jpg', samples).pathname).resize(width, height, { fit: 'cover' }).png().toBuffer();
  return new Uint8Array(photo);
}

/** The XMP packet embedded in a file (WebP XMP chunk, JPEG APP1, PNG iTXt all hold it as text). */
function xmpOf(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('latin1');
  const start = text.indexOf('<?xpacket begin');
  const end = text.indexOf('<?xpacket end', start);
  if (start < 0 || end < 0) return '';
  return Buffer.from(bytes.subarray(start, text.indexOf('?>', end) + 2)).toString('utf8');
}

describe('POST /v1/encode', () => {
  it('embeds provenance as variants do: the SKU, the job of the master, and the digital source type', async () => {
    const jpeg = await api.encode('ig-square', await frame(1080, 1080), 'current', { sku: 'NF-JR-3005', job: 'job-abc', sourceType: 'compositeWithTrainedAlgorithmicMedia' });
    const xmp = xmpOf(jpeg.bytes);
    expect(xmp).toContain('digitalsourcetype/compositeWithTrainedAlgorithmicMedia');
    expect(xmp).toContain('<brandlock:sku>NF-JR-3005</brandlock:sku>');
    expect(xmp).toContain('<brandlock:jobId>job-abc</brandlock:jobId>');
    expect(jpeg.digitalSourceType).toBe('compositeWithTrainedAlgorithmicMedia');
    // IPTC IIM (APP13 Photoshop 3.0) for JPEG, as variants write it.
    expect(Buffer.from(jpeg.bytes).includes(Buffer.from('Photoshop 3.0'))).toBe(true);
    await expect(api.encode('ig-square', await frame(1080, 1080), 'current', { sourceType: 'madeUp' as never })).rejects.toThrow(/sourceType/);
  });

  it('writes WebP and TIFF as the variants encoder does, with the sRGB profile, WebP within maxBytes', async () => {
    const png = await frame(1200, 1500);
    const webp = await api.encode('pdp-webp', png);
    const meta = await sharp(webp.bytes).metadata();
    expect([meta.format, meta.width, meta.height, !!meta.icc]).toEqual(['webp', 1200, 1500, true]);
    expect(webp.bytes.length).toBeLessThanOrEqual(350_000);
    expect(webp.quality).toBeLessThanOrEqual(82);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const lock = (await api.locks.get('current')).lock;
    const spec = lock.channels.find((c) => c.id === 'pdp-webp')!;
    const xmp = xmpOf(webp.bytes);
    expect(xmp).toContain('<Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia</Iptc4xmpExt:DigitalSourceType>');
    expect(xmp).toContain('<brandlock:channel>pdp-webp</brandlock:channel>');
    const direct = await encodeVariant({ data, width: info.width, height: info.height, channels: info.channels as 3 | 4 }, spec, xmp, null);
    expect(Buffer.from(webp.bytes).equals(direct.bytes)).toBe(true);

    const tiff = await api.encode('wholesale', await frame(2048, 2048));
    const tmeta = await sharp(tiff.bytes).metadata();
    expect([tmeta.format, tiffCompression(tiff.bytes), !!tmeta.icc]).toEqual(['tiff', 5, true]);
    expect(tiff.bytes.length).toBeLessThan(2048 * 2048 * 3 * 0.8);
  });

  it('refuses a frame of the wrong size, a channel the lock lacks and bytes that are not PNG', async () => {
    const wrong = await api.encode('pdp-webp', await frame(100, 100)).catch((e) => e);
    expect(wrong.message).toMatch(/channel pdp-webp is 1200x1500; the frame is 100x100/);
    expect((await api.encode('tiktok', await frame(100, 100)).catch((e) => e)).message).toMatch(/the lock has no channel "tiktok"/);
    expect((await api.encode('pdp-webp', new TextEncoder().encode('GIF89a')).catch((e) => e)).status).toBe(415);
  });
});

/** The Compression tag (259) of a TIFF's first IFD: 1 none, 5 LZW, 8 deflate. */
function tiffCompression(b: Uint8Array): number | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const le = b[0] === 0x49;
  const ifd = dv.getUint32(4, le);
  const n = dv.getUint16(ifd, le);
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + i * 12;
    if (dv.getUint16(e, le) === 259) return dv.getUint16(e + 8, le);
  }
  return null;
}
