// An uncompressed TIFF graded in bands straight from its strips must give the very file the whole-image
// path gives (libvips decode, grade, encodeUncompressedTiff): same pixels, profile, XMP, resolution and
// orientation, byte for byte; strips in any order; a truncated file is refused by name with no output.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { applyLutToPixels, concatBytes, parseCubeOrThrow, prepareLut } from '@brandlock/core';
import { runCli } from '../../cli/run-cli';
import { captureIo } from '../../../test-support/capture-io';
import { probeImage } from '../decode-image';
import { decodeForGrading } from './decode-for-grading';
import { encodeGraded } from './encode-graded';
import { findTiffStrips } from './find-tiff-strips';
import { createImageGrader } from './image-grader';

const dir = mkdtempSync(join(tmpdir(), 'brandlock-grade-tiff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lutPath = new URL('../../../../samples/luts/warm-studio.cube', import.meta.url).pathname;
const lut = parseCubeOrThrow(readFileSync(lutPath, 'utf8'));
const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Scan 7</dc:title></rdf:Description></rdf:RDF></x:xmpmeta>';

/** Photo-like samples: gradients plus noise, so the colour table sees repeats and new colours. */
function samples(length: number, max: number): number[] {
  let s = 7;
  return Array.from({ length }, (_, i) => {
    s = (s * 16807) % 2147483647;
    return Math.min(max, Math.round(((i % 997) / 996) * max * 0.8 + (s % Math.ceil(max / 8))));
  });
}

/** The file the whole-image path writes: libvips decode, grade in one buffer, encodeUncompressedTiff. */
async function wholeImageFile(input: string): Promise<Buffer> {
  const px = await decodeForGrading(input);
  applyLutToPixels(px, prepareLut(lut, px.depth, 'tetrahedral'));
  const { info } = px;
  const encoded = await encodeGraded(px, { format: 'tiff', tiff: px.tiff, tiffTags: { density: info.density, orientation: info.orientation }, metadata: { icc: info.icc, exif: info.exif, xmp: info.xmp } });
  return Buffer.from(concatBytes(encoded.parts));
}

/** Where findTiffStrips finds the file's pixels, or null when it leaves the file to libvips. */
async function strips(path: string) {
  const file = await open(path, 'r');
  try {
    return await findTiffStrips(file);
  } finally {
    await file.close();
  }
}

/** A baseline RGB TIFF laid out by hand: directory first, then the strips in the order given. */
function handMadeTiff(width: number, height: number, pixels: Uint8Array, rowsPerStrip: number, order: 'forward' | 'reverse'): Uint8Array {
  const rowBytes = width * 3;
  const strips = Math.ceil(height / rowsPerStrip);
  const counts = Array.from({ length: strips }, (_, s) => Math.min(rowsPerStrip, height - s * rowsPerStrip) * rowBytes);
  const entries = 10;
  const ifdEnd = 8 + 2 + entries * 12 + 4;
  const bitsAt = ifdEnd;
  const offsetsAt = bitsAt + 6;
  const countsAt = offsetsAt + strips * 4;
  let at = countsAt + strips * 4;
  const offsets: number[] = new Array(strips);
  for (const s of order === 'forward' ? [...Array(strips).keys()] : [...Array(strips).keys()].reverse()) {
    offsets[s] = at;
    at += counts[s];
  }
  const file = new Uint8Array(at);
  const dv = new DataView(file.buffer);
  file.set([0x49, 0x49]);
  dv.setUint16(2, 42, true);
  dv.setUint32(4, 8, true);
  dv.setUint16(8, entries, true);
  const tags: [number, number, number, number][] = [
    [256, 4, 1, width], [257, 4, 1, height], [258, 3, 3, bitsAt], [259, 3, 1, 1], [262, 3, 1, 2],
    [273, 4, strips, offsetsAt], [277, 3, 1, 3], [278, 4, 1, rowsPerStrip], [279, 4, strips, countsAt], [284, 3, 1, 1],
  ];
  tags.forEach(([tag, type, count, value], i) => {
    const e = 10 + i * 12;
    dv.setUint16(e, tag, true);
    dv.setUint16(e + 2, type, true);
    dv.setUint32(e + 4, count, true);
    if (type === 3 && count === 1) dv.setUint16(e + 8, value, true);
    else dv.setUint32(e + 8, value, true);
  });
  [8, 8, 8].forEach((b, i) => dv.setUint16(bitsAt + i * 2, b, true));
  for (let s = 0; s < strips; s++) {
    dv.setUint32(offsetsAt + s * 4, offsets[s], true);
    dv.setUint32(countsAt + s * 4, counts[s], true);
    file.set(pixels.subarray(s * rowsPerStrip * rowBytes, s * rowsPerStrip * rowBytes + counts[s]), offsets[s]);
  }
  return file;
}

describe('grading an uncompressed TIFF in bands', () => {
  it('writes the same file as grading the whole image: 8-bit RGB with profile, XMP, resolution and orientation', async () => {
    // 1200 rows of 6000 bytes: two bands, and strips that do not line up with them.
    const width = 2000;
    const height = 1200;
    const input = join(dir, 'scan-8.tif');
    await sharp(Uint8Array.from(samples(width * height * 3, 255)), { raw: { width, height, channels: 3 } }).withIccProfile('p3').withXmp(xmp).withMetadata({ orientation: 6, density: 300 }).tiff({ compression: 'none' }).toFile(input);
    expect(await strips(input)).toMatchObject({ width, height, channels: 3, depth: 8 });
    const output = join(dir, 'scan-8-graded.tif');
    const done = await createImageGrader(lut).grade(input, output);
    expect(done).toMatchObject({ width, height, depth: 8, format: 'tiff' });
    const ours = readFileSync(output);
    expect(ours.equals(await wholeImageFile(input))).toBe(true);
    expect(await sharp(output).metadata()).toMatchObject({ density: 300, orientation: 6, width, height });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the same file as grading the whole image: 16-bit RGBA', async () => {
    const width = 900;
    const height = 800;
    const input = join(dir, 'matte-16.tif');
    await sharp(Uint16Array.from(samples(width * height * 4, 65535)), { raw: { width, height, channels: 4 } }).toColourspace('rgb16').tiff({ compression: 'none' }).toFile(input);
    expect(await strips(input)).toMatchObject({ width, height, channels: 4, depth: 16 });
    const output = join(dir, 'matte-16-graded.tif');
    await createImageGrader(lut).grade(input, output);
    expect(readFileSync(output).equals(await wholeImageFile(input))).toBe(true);
    expect(await sharp(output).metadata()).toMatchObject({ depth: 'ushort', channels: 4, hasAlpha: true });
  });

  it('reads strips wherever the file keeps them, and passes compressed or tiled TIFFs to libvips', async () => {
    const width = 700;
    const height = 900;
    const pixels = Uint8Array.from(samples(width * height * 3, 255));
    const reversed = join(dir, 'reversed.tif');
    writeFileSync(reversed, handMadeTiff(width, height, pixels, 100, 'reverse'));
    const output = join(dir, 'reversed-graded.tif');
    await createImageGrader(lut).grade(reversed, output);
    expect(readFileSync(output).equals(await wholeImageFile(reversed))).toBe(true);
    const graded = Uint8Array.from(pixels);
    applyLutToPixels({ depth: 8, channels: 3, data: graded }, prepareLut(lut, 8, 'tetrahedral'));
    expect((await sharp(output).raw().toBuffer()).equals(graded)).toBe(true);

    expect(await strips(reversed)).toMatchObject({ width, height, channels: 3, depth: 8, rowsPerStrip: 100 });
    const raw = { raw: { width: 64, height: 64, channels: 3 as const } };
    const small = Uint8Array.from(samples(64 * 64 * 3, 255));
    for (const [name, options] of [['lzw', { compression: 'lzw' }], ['tiled', { compression: 'none', tile: true, tileWidth: 16, tileHeight: 16 }]] as const) {
      const path = join(dir, `${name}.tif`);
      await sharp(small, raw).tiff(options).toFile(path);
      expect(await strips(path), name).toBeNull();
    }
    const grey = join(dir, 'grey.tif');
    await sharp(small, raw).toColourspace('b-w').tiff({ compression: 'none' }).toFile(grey);
    expect(await strips(grey)).toBeNull();
  });

  it('describes the source from its own directory as libvips does: size upright, resolution, orientation, profile, XMP', async () => {
    const width = 60;
    const height = 40;
    const rgb = Uint8Array.from(samples(width * height * 3, 255));
    const raw = { raw: { width, height, channels: 3 as const } };
    const files: [string, Uint8Array | (() => Promise<unknown>)][] = [
      ['plain', handMadeTiff(width, height, rgb, 16, 'forward')],
      ['sharp-defaults', () => sharp(rgb, raw).tiff({ compression: 'none' }).toFile(join(dir, 'sharp-defaults.tif'))],
      ['p3-xmp-300dpi-rotated', () => sharp(rgb, raw).withIccProfile('p3').withXmp(xmp).withMetadata({ orientation: 8, density: 300.4 }).tiff({ compression: 'none' }).toFile(join(dir, 'p3-xmp-300dpi-rotated.tif'))],
      ['per-centimetre', () => sharp(rgb, raw).tiff({ compression: 'none', resolutionUnit: 'cm', xres: 11.8, yres: 11.8 }).toFile(join(dir, 'per-centimetre.tif'))],
      ['low-resolution', () => sharp(rgb, raw).withMetadata({ density: 20 }).tiff({ compression: 'none' }).toFile(join(dir, 'low-resolution.tif'))],
    ];
    for (const [name, make] of files) {
      const input = join(dir, `${name}.tif`);
      if (make instanceof Uint8Array) writeFileSync(input, make);
      else await make();
      expect(await strips(input), name).not.toBeNull();
      const done = await createImageGrader(lut).grade(input, join(dir, `${name}-graded.tif`));
      // probeImage says 0 bytes for a file path (sharp gives the size of buffers only); this says the size.
      expect(done.source, name).toEqual({ ...(await probeImage(input)), bytes: statSync(input).size });
      expect(readFileSync(join(dir, `${name}-graded.tif`)).equals(await wholeImageFile(input)), name).toBe(true);
    }
  });

  it('refuses a truncated TIFF by name, leaving no output and no temporary file', async () => {
    const width = 500;
    const height = 600;
    const whole = handMadeTiff(width, height, Uint8Array.from(samples(width * height * 3, 255)), 64, 'forward');
    const input = join(dir, 'cut.tif');
    writeFileSync(input, whole.subarray(0, Math.floor(whole.length * 0.7)));
    const out = mkdtempSync(join(dir, 'cut-out-'));
    const io = captureIo(dir);
    expect(await runCli(['lut', 'apply', lutPath, input, join(out, 'cut-graded.tif')], io)).toBe(1);
    expect(io.stderr).toMatch(/cut\.tif: the file ends inside its image data \(row \d+ of 600\): it is truncated/);
    expect(readdirSync(out)).toEqual([]);
  });
});
