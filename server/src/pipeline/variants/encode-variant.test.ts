import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { encodeVariant } from './encode-variant';
import type { VariantPixels } from './render-variant-pixels';

/** Hard-to-compress pixels: gaussian noise over a gradient, like a sharp fabric texture. */
async function texture(width: number, height: number): Promise<VariantPixels> {
  const { data, info } = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

const base = { quality: 95, effort: undefined, dpi: 72, metadata: ['icc' as const] };

describe('encodeVariant', () => {
  it('searches the JPEG quality down until the file fits maxBytes, and no further than needed', async () => {
    const px = await texture(400, 400);
    const full = await encodeVariant(px, { ...base, format: 'jpeg', maxBytes: undefined }, null, null);
    const maxBytes = Math.round(full.bytes.length / 3);
    const res = await encodeVariant(px, { ...base, format: 'jpeg', maxBytes }, null, null);
    expect(res.bytes.length).toBeLessThanOrEqual(maxBytes);
    expect(res.quality).toBeLessThan(95);
    const oneBetter = await encodeVariant(px, { ...base, quality: res.quality! + 1, format: 'jpeg', maxBytes: undefined }, null, null);
    expect(oneBetter.bytes.length).toBeGreaterThan(maxBytes);
  });

  it('meets maxBytes for WebP and AVIF too', async () => {
    const px = await texture(200, 200);
    for (const format of ['webp', 'avif'] as const) {
      const res = await encodeVariant(px, { ...base, format, effort: 0, maxBytes: 12_000 }, null, null);
      expect(res.bytes.length, format).toBeLessThanOrEqual(12_000);
      expect((await sharp(res.bytes).metadata()).width).toBe(200);
    }
  });

  it('refuses a lossless file it cannot shrink under maxBytes instead of writing it oversized', async () => {
    const px = await texture(200, 200);
    await expect(encodeVariant(px, { ...base, format: 'png', maxBytes: 5_000 }, null, null)).rejects.toMatchObject({ name: 'VariantError', code: 'max_bytes', message: expect.stringContaining('lossless') });
  });

  it("embeds libvips' sRGB profile in a JPEG (with XMP and IPTC) and a PNG (with XMP), with the pixels converting to that profile gives", async () => {
    // Every 4th value of each channel: 64^3 colours, the gamut's corners and edges included.
    const side = 512;
    const data = Buffer.alloc(side * side * 3);
    const level = (v: number) => (v === 63 ? 255 : v * 4);
    for (let i = 0; i < side * side; i++) data.set([level(i & 63), level((i >> 6) & 63), level((i >> 12) & 63)], i * 3);
    const px: VariantPixels = { data, width: side, height: side, channels: 3 };
    const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:format="image/jpeg"/></rdf:RDF></x:xmpmeta>';
    const res = await encodeVariant(px, { ...base, format: 'jpeg', maxBytes: undefined }, xmp, { title: 'NF-1001 front', description: 'Northfold tee', credit: 'brandlock', keywords: ['black'] });
    const converted = await sharp(data, { raw: { width: side, height: side, channels: 3 } }).withIccProfile('srgb').jpeg({ quality: 95 }).toBuffer();
    const [ours, theirs] = await Promise.all([sharp(res.bytes).metadata(), sharp(converted).metadata()]);
    expect(ours.icc).toBeDefined();
    expect(Buffer.from(ours.icc!).equals(Buffer.from(theirs.icc!))).toBe(true);
    expect(ours.xmp?.toString()).toContain('image/jpeg');
    expect(ours.iptc).toBeDefined();
    const [a, b] = await Promise.all([sharp(res.bytes).raw().toBuffer(), sharp(converted).raw().toBuffer()]);
    expect(a.equals(b)).toBe(true);
    const png = await encodeVariant(px, { ...base, format: 'png', maxBytes: undefined }, xmp, null);
    const pngMeta = await sharp(png.bytes).metadata();
    expect(Buffer.from(pngMeta.icc!).equals(Buffer.from(theirs.icc!))).toBe(true);
    expect(pngMeta.xmp?.toString()).toContain('image/jpeg');
    expect((await sharp(png.bytes).raw().toBuffer()).equals(data)).toBe(true);
  });

  it('splices the same sRGB profile and the XMP into WebP and TIFF, transparency kept, with the file converting to the profile would give', async () => {
    const side = 96;
    const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:format="image/webp"/></rdf:RDF></x:xmpmeta>';
    for (const channels of [3, 4] as const) {
      const data = Buffer.alloc(side * side * channels);
      for (let i = 0; i < data.length; i++) data[i] = (i * 37 + (i >> 7) * 11) & 255;
      const px: VariantPixels = { data, width: side, height: side, channels };
      for (const format of ['webp', 'tiff'] as const) {
        const res = await encodeVariant(px, { ...base, format, quality: 80, maxBytes: undefined }, xmp, null);
        let converted = sharp(data, { raw: { width: side, height: side, channels } }).withIccProfile('srgb').withXmp(xmp);
        converted = format === 'webp' ? converted.webp({ quality: 80, effort: 4 }) : converted.withDensity(72).tiff({ compression: 'lzw', predictor: 'horizontal' });
        const theirs = await converted.toBuffer();
        const [m, t] = await Promise.all([sharp(res.bytes).metadata(), sharp(theirs).metadata()]);
        const what = `${format}, ${channels} channels`;
        expect([m.width, m.height, m.channels, m.hasAlpha], what).toEqual([side, side, channels, channels === 4]);
        expect(Buffer.from(m.icc!).equals(Buffer.from(t.icc!)), what).toBe(true);
        expect(m.xmp?.toString(), what).toContain('image/webp');
        expect((await sharp(res.bytes).raw().toBuffer()).equals(await sharp(theirs).raw().toBuffer()), what).toBe(true);
      }
    }
  });

  it('writes the channel dpi into JPEG, PNG and TIFF', async () => {
    const px = await texture(32, 32);
    for (const format of ['jpeg', 'png', 'tiff'] as const) {
      const res = await encodeVariant(px, { ...base, format, dpi: 300, maxBytes: undefined }, null, null);
      expect((await sharp(res.bytes).metadata()).density, format).toBe(300);
    }
  });
});
