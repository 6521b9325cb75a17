// Graded pixels to each output format, with the source's ICC profile, EXIF and XMP spliced in: read
// back by libvips, by exifr and by ImageMagick (readers other than the one that wrote the pixels).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import exifr from 'exifr';
import { concatBytes } from '@brandlock/core';
import { decodeImage } from '../decode-image';
import { encodeGraded, type GradedPixels } from './encode-graded';
import { formatForPath } from './output-format';

const dir = mkdtempSync(join(tmpdir(), 'brandlock-encode-graded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hasMagick = spawnSync('convert', ['-version']).status === 0;

function gradient(depth: 8 | 16, channels: 3 | 4 = 3): GradedPixels {
  const width = 24;
  const height = 16;
  const max = depth === 8 ? 255 : 65535;
  const data = depth === 8 ? new Uint8Array(width * height * channels) : new Uint16Array(width * height * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      data[i] = Math.round((x / 23) * max);
      data[i + 1] = Math.round((y / 15) * max);
      data[i + 2] = depth === 8 ? (x * 7 + y * 3) % 256 : (x * 2741 + y * 977) % 65536;
      if (channels === 4) data[i + 3] = Math.round(((x + y) / 38) * max);
    }
  return { width, height, depth, channels, data };
}

const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Northfold Studio</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>';

async function sourceMetadata(profile = 'p3') {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#884422' } }).withIccProfile(profile).withExif({ IFD0: { Artist: 'A. Retoucher' } }).withXmp(xmp).jpeg().toBuffer();
  const meta = await sharp(jpeg).metadata();
  return { icc: new Uint8Array(meta.icc!), exif: new Uint8Array(meta.exif!), xmp: new Uint8Array(meta.xmp!) };
}

const samples = (px: GradedPixels) => Array.from(px.data);

describe('encodeGraded', () => {
  it('writes 8-bit PNG losslessly, with alpha exactly when the pixels have it', async () => {
    for (const channels of [3, 4] as const) {
      const px = gradient(8, channels);
      const png = concatBytes((await encodeGraded(px, { format: 'png' })).parts);
      expect((await sharp(png).metadata()).channels).toBe(channels);
      expect(Array.from(await sharp(png).raw().toBuffer())).toEqual(samples(px));
    }
  });

  it.each(['png', 'tiff'] as const)('keeps 16-bit %s 16-bit and exact, with metadata spliced in', async (format) => {
    const px = gradient(16, 4);
    const bytes = concatBytes((await encodeGraded(px, { format, metadata: { icc: (await sourceMetadata()).icc } })).parts);
    const back = await decodeImage(bytes, { convertToSrgb: false });
    expect(back.info.bitsPerSample).toBe(16);
    expect(back.info.iccDescription).toMatch(/P3/);
    expect(Array.from(await sharp(bytes).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer().then((b) => new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2)))).toEqual(samples(px));
  });

  // exifr does not read WebP; libwebp's own demuxer (inside libvips) is the reference reader there.
  it.each(['png', 'jpeg', 'webp', 'tiff'] as const)('carries ICC profile, EXIF and XMP into %s without converting pixels, readable by exifr', async (format) => {
    const keep = await sourceMetadata();
    const px = gradient(8);
    const { parts, notes } = await encodeGraded(px, { format, metadata: keep, quality: 100 });
    const bytes = concatBytes(parts);
    const meta = await sharp(bytes).metadata();
    expect(Buffer.from(meta.icc!).equals(Buffer.from(keep.icc))).toBe(true);
    expect(Buffer.from(meta.xmp!).toString()).toContain('Northfold Studio');
    const tags = format === 'webp' ? null : await exifr.parse(Buffer.from(bytes), { xmp: true, icc: true, mergeOutput: false });
    if (tags) expect(JSON.stringify(tags.icc)).toMatch(/P3/);
    if (format !== 'tiff') {
      expect(Buffer.from(meta.exif!).toString('latin1')).toContain('A. Retoucher');
      if (tags) expect(tags.ifd0?.Artist).toBe('A. Retoucher');
    } else expect(notes.join(' ')).toMatch(/EXIF is not written into TIFF/);
    const back = new Uint8Array(await sharp(bytes, { ignoreIcc: true }).toColourspace('srgb').raw().toBuffer());
    const worst = Math.max(...Array.from(back, (v, i) => Math.abs(v - px.data[i])));
    expect(worst).toBeLessThanOrEqual(format === 'png' || format === 'tiff' ? 0 : 12);
  });

  it.skipIf(!hasMagick).each(['png', 'jpeg', 'webp', 'tiff'] as const)('writes a %s whose profile ImageMagick extracts byte for byte', async (format) => {
    const keep = await sourceMetadata();
    const file = join(dir, `magick.${format}`);
    writeFileSync(file, concatBytes((await encodeGraded(gradient(8, 4), { format, metadata: keep })).parts));
    const icc = join(dir, `magick-${format}.icc`);
    const res = spawnSync('convert', [file, icc], { encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    expect(Buffer.from(readFileSync(icc)).equals(Buffer.from(keep.icc))).toBe(true);
  });

  it('splits a profile larger than one JPEG segment into numbered chunks', async () => {
    const big = new Uint8Array(150_000);
    big.set((await sourceMetadata()).icc);
    for (let i = 2000; i < big.length; i++) big[i] = (i * 31) % 251;
    const jpeg = concatBytes((await encodeGraded(gradient(8), { format: 'jpeg', metadata: { icc: big } })).parts);
    const meta = await sharp(jpeg).metadata();
    expect(meta.icc?.length).toBe(big.length);
    expect(Buffer.from(meta.icc!).equals(Buffer.from(big))).toBe(true);
  });

  it('writes JPEG 8-bit from 16-bit data, flattening transparency on white, and says so', async () => {
    const px = gradient(16, 4);
    px.data.fill(0);
    const { parts, notes } = await encodeGraded(px, { format: 'jpeg', quality: 100 });
    const back = await decodeImage(concatBytes(parts));
    expect(back.raster.depth).toBe(8);
    expect(back.raster.data[0]).toBeGreaterThan(250);
    expect(notes.join(' ')).toMatch(/flattened on white/);
    expect(notes.join(' ')).toMatch(/rounded to 8/);
  });

  it.skipIf(!hasMagick)('stores a TIFF the way its source was stored (uncompressed stays uncompressed, deflate stays deflate)', async () => {
    for (const [tag, expected] of [[1, 'none'], [8, 'deflate'], [5, 'lzw']] as const) {
      const file = join(dir, `store-${tag}.tif`);
      writeFileSync(file, concatBytes((await encodeGraded(gradient(8), { format: 'tiff', tiff: { compression: tag, predictor: 2 } })).parts));
      const res = spawnSync('identify', ['-format', '%C', file], { encoding: 'utf8' });
      expect(res.status, res.stderr).toBe(0);
      expect(res.stdout.toLowerCase()).toContain(expected === 'deflate' ? 'zip' : expected);
    }
  });

  it.each([8, 16] as const)('writes an uncompressed %i-bit TIFF around the pixels, exact, with alpha, profile and XMP, readable by libvips, exifr and ImageMagick', async (depth) => {
    const keep = await sourceMetadata();
    const px = gradient(depth, 4);
    const { parts, notes } = await encodeGraded(px, { format: 'tiff', tiff: { compression: 1 }, metadata: keep, tiffTags: { density: 240, orientation: 3 } });
    const bytes = concatBytes(parts);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'tiff', width: 24, height: 16, channels: 4, hasAlpha: true, density: 240, orientation: 3, depth: depth === 16 ? 'ushort' : 'uchar' });
    expect(Buffer.from(meta.icc!).equals(Buffer.from(keep.icc))).toBe(true);
    expect(Buffer.from(meta.xmp!).toString()).toContain('Northfold Studio');
    expect(notes.join(' ')).toMatch(/EXIF is not written into TIFF/);
    const back = await sharp(bytes, { ignoreIcc: true }).toColourspace(depth === 16 ? 'rgb16' : 'srgb').raw({ depth: depth === 16 ? 'ushort' : 'uchar' }).toBuffer();
    expect(Array.from(depth === 16 ? new Uint16Array(back.buffer, back.byteOffset, back.byteLength / 2) : back)).toEqual(samples(px));
    const tags = await exifr.parse(Buffer.from(bytes), { xmp: true, icc: true, mergeOutput: false });
    expect(JSON.stringify(tags.icc)).toMatch(/P3/);
    if (hasMagick) {
      const file = join(dir, `direct-${depth}.tif`);
      writeFileSync(file, bytes);
      const res = spawnSync('identify', ['-format', '%C %z %[channels] %wx%h', file], { encoding: 'utf8' });
      expect(res.status, res.stderr).toBe(0);
      expect(res.stdout).toMatch(new RegExp(`^None ${depth} srgba 24x16`));
    }
  });

  it('writes a tall uncompressed TIFF in strips that libvips reads back exactly', async () => {
    const width = 5;
    const height = 700;
    const data = new Uint8Array(width * height * 3).map((_, i) => (i * 7 + Math.floor(i / 15)) % 256);
    const bytes = concatBytes((await encodeGraded({ width, height, depth: 8, channels: 3, data }, { format: 'tiff', tiff: { compression: 1 } })).parts);
    expect(Array.from(await sharp(bytes).raw().toBuffer())).toEqual(Array.from(data));
  });

  it('maps file names to formats', () => {
    expect(['a.PNG', 'b.jpg', 'c.jpeg', 'd.tif', 'e.tiff', 'f.webp', 'g.gif', 'h'].map(formatForPath)).toEqual(['png', 'jpeg', 'jpeg', 'tiff', 'tiff', 'webp', null, null]);
  });
});
