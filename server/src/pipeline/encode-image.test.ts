import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createRaster, type Raster } from '@brandlock/core';
import { decodeImage } from './decode-image';
import { encodeImage, formatForPath } from './encode-image';

function gradient(depth: 8 | 16, alpha = false): Raster {
  const r = createRaster(24, 16, depth);
  const max = depth === 8 ? 255 : 65535;
  for (let y = 0; y < 16; y++)
    for (let x = 0; x < 24; x++) {
      const i = (y * 24 + x) * 4;
      r.data[i] = Math.round((x / 23) * max);
      r.data[i + 1] = Math.round((y / 15) * max);
      r.data[i + 2] = depth === 8 ? (x * 7 + y * 3) % 256 : (x * 2741 + y * 977) % 65536;
      if (alpha) r.data[i + 3] = Math.round(((x + y) / 38) * max);
    }
  return r;
}

const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Northfold Studio</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>';

async function sourceMetadata() {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#884422' } }).withIccProfile('p3').withExif({ IFD0: { Artist: 'A. Retoucher' } }).withXmp(xmp).jpeg().toBuffer();
  const meta = await sharp(jpeg).metadata();
  return { icc: new Uint8Array(meta.icc!), exif: new Uint8Array(meta.exif!), xmp: new Uint8Array(meta.xmp!) };
}

describe('encodeImage', () => {
  it('writes 8-bit PNG losslessly, with alpha only when some pixel is transparent', async () => {
    for (const alpha of [false, true]) {
      const raster = gradient(8, alpha);
      const png = await encodeImage(raster, { format: 'png' });
      expect((await sharp(png).metadata()).channels).toBe(alpha ? 4 : 3);
      const back = await decodeImage(png);
      expect(Buffer.from(back.raster.data).equals(Buffer.from(raster.data))).toBe(true);
    }
  });

  it.each(['png', 'tiff'] as const)('keeps 16-bit %s 16-bit and exact', async (format) => {
    const raster = gradient(16, true);
    const bytes = await encodeImage(raster, { format });
    const back = await decodeImage(bytes);
    expect(back.info.bitsPerSample).toBe(16);
    expect(Array.from(back.raster.data)).toEqual(Array.from(raster.data));
  });

  it.each(['png', 'jpeg', 'webp', 'tiff'] as const)('carries ICC profile, EXIF and XMP into %s without converting pixels', async (format) => {
    const keep = await sourceMetadata();
    const raster = gradient(8);
    const bytes = await encodeImage(raster, { format, ...keep, quality: 100 });
    const meta = await sharp(bytes).metadata();
    expect(Buffer.from(meta.icc!).equals(Buffer.from(keep.icc))).toBe(true);
    expect(Buffer.from(meta.xmp!).toString()).toContain('Northfold Studio');
    if (format !== 'tiff') expect(Buffer.from(meta.exif!).toString('latin1')).toContain('A. Retoucher');
    const back = await decodeImage(bytes, { convertToSrgb: false });
    const worst = Math.max(...Array.from(back.raster.data, (v, i) => Math.abs(v - raster.data[i])));
    expect(worst).toBeLessThanOrEqual(format === 'png' || format === 'tiff' ? 0 : 12);
  });

  it('keeps 16-bit values through the metadata carrier', async () => {
    const raster = gradient(16);
    const bytes = await encodeImage(raster, { format: 'png', icc: (await sourceMetadata()).icc });
    const back = await decodeImage(bytes, { convertToSrgb: false });
    expect(back.raster.depth).toBe(16);
    expect(Array.from(back.raster.data)).toEqual(Array.from(raster.data));
  });

  it('writes JPEG 8-bit from 16-bit data, flattening transparency on white', async () => {
    const raster = createRaster(4, 4, 16);
    raster.data.fill(0);
    const jpeg = await encodeImage(raster, { format: 'jpeg', quality: 100 });
    const back = await decodeImage(jpeg);
    expect(back.raster.depth).toBe(8);
    expect(back.raster.data[0]).toBeGreaterThan(250);
  });

  it('maps file names to formats', () => {
    expect(['a.PNG', 'b.jpg', 'c.jpeg', 'd.tif', 'e.tiff', 'f.webp', 'g.gif', 'h'].map(formatForPath)).toEqual(['png', 'jpeg', 'jpeg', 'tiff', 'tiff', 'webp', null, null]);
  });
});
