import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { runCli } from '../run-cli';
import { captureIo } from '../../../test-support/capture-io';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'brandlock-lut-apply-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const warmStudio = new URL('../../../../samples/luts/warm-studio.cube', import.meta.url).pathname;


/** A photo-like 16-bit RGB test image: smooth gradients plus fine noise, so every LUT cell is visited. */
async function png16(path: string, width = 96, height = 64): Promise<void> {
  const data = new Uint16Array(width * height * 3);
  let s = 99;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < 3; c++) {
        s = (s * 16807) % 2147483647;
        const base = c === 0 ? x / (width - 1) : c === 1 ? y / (height - 1) : (x + y) / (width + height - 2);
        data[(y * width + x) * 3 + c] = Math.min(65535, Math.max(0, Math.round(base * 65535 + (s % 4001) - 2000)));
      }
  await sharp(data, { raw: { width, height, channels: 3 } }).toColourspace('rgb16').png().toFile(path);
}

async function pixels16(path: string): Promise<Uint16Array> {
  const buf = await sharp(path).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer();
  return new Uint16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2);
}

function ffmpegLut(input: string, lut: string, interp: string, output: string, pixFmt: string): void {
  const res = spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', input, '-vf', `lut3d=file=${lut}:interp=${interp}`, '-pix_fmt', pixFmt, output]);
  if (res.status !== 0) throw new Error(`ffmpeg failed: ${res.stderr}`);
}

describe('brandlock lut apply', () => {
  it.skipIf(!hasFfmpeg).each(['tetrahedral', 'trilinear'])('matches FFmpeg lut3d within 1 code on a 16-bit PNG (%s)', async (interp) => {
    const input = join(dir, `in16-${interp}.png`);
    await png16(input);
    const ours = join(dir, `ours16-${interp}.png`);
    const io = captureIo(dir);
    expect(await runCli(['lut', 'apply', warmStudio, input, ours, '--interp', interp], io)).toBe(0);
    expect(io.stdout).toMatch(/96x64 16-bit PNG, "Northfold warm studio" applied/);
    const theirs = join(dir, `ffmpeg16-${interp}.png`);
    ffmpegLut(input, warmStudio, interp, theirs, 'rgb48be');
    const [a, b, src] = await Promise.all([pixels16(ours), pixels16(theirs), pixels16(input)]);
    expect(a.length).toBe(b.length);
    let worst = 0;
    let changed = 0;
    for (let i = 0; i < a.length; i++) {
      worst = Math.max(worst, Math.abs(a[i] - b[i]));
      if (Math.abs(a[i] - src[i]) > 256) changed++;
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(changed).toBeGreaterThan(a.length / 4); // the grade did something visible
  });

  it.skipIf(!hasFfmpeg)('matches FFmpeg within 1 code on 8-bit input too', async () => {
    const input = join(dir, 'in8.png');
    const raw = Buffer.alloc(80 * 40 * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 37 + (i % 3) * 91 + Math.floor(i / 240) * 13) % 256;
    await sharp(raw, { raw: { width: 80, height: 40, channels: 3 } }).png().toFile(input);
    const ours = join(dir, 'ours8.png');
    expect(await runCli(['lut', 'apply', warmStudio, input, ours], captureIo(dir))).toBe(0);
    const theirs = join(dir, 'ffmpeg8.png');
    ffmpegLut(input, warmStudio, 'tetrahedral', theirs, 'rgb24');
    const [a, b] = await Promise.all([sharp(ours).raw().toBuffer(), sharp(theirs).raw().toBuffer()]);
    expect(Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])))).toBeLessThanOrEqual(1);
  });

  it('keeps the source profile, metadata and alpha, and leaves no temporary file', async () => {
    const input = join(dir, 'p3.png');
    const rgba = Buffer.alloc(32 * 16 * 4, 0);
    for (let i = 0; i < rgba.length; i += 4) rgba.set([i % 256, 128, 255 - (i % 256), (i / 4) % 256], i);
    await sharp(rgba, { raw: { width: 32, height: 16, channels: 4 } }).withIccProfile('p3').withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>SKU 1042</dc:title></rdf:Description></rdf:RDF></x:xmpmeta>').png().toFile(input);
    const before = await sharp(input).metadata();
    const output = join(dir, 'p3-graded.webp');
    const io = captureIo(dir);
    expect(await runCli(['lut', 'apply', warmStudio, input, output, '--quality', '100'], io)).toBe(0);
    expect(io.stdout).toMatch(/profile kept/);
    const after = await sharp(output).metadata();
    expect(Buffer.from(after.icc!).equals(Buffer.from(before.icc!))).toBe(true);
    expect(after.xmp?.toString()).toContain('SKU 1042');
    expect(after.hasAlpha).toBe(true);
    const alpha = await sharp(output).extractChannel(3).raw().toBuffer();
    expect(Array.from(alpha.subarray(0, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes standard Huffman tables by default, and with --optimize-jpeg a smaller file of the same pixels', async () => {
    const input = join(dir, 'hangers.jpg');
    await sharp(new URL('../../../../samples/photos/other/payload-tshirts-on-hangers-unsplash.jpg', import.meta.url).pathname).jpeg({ quality: 95 }).toFile(input);
    const plain = join(dir, 'hangers-plain.jpg');
    const small = join(dir, 'hangers-small.jpg');
    expect(await runCli(['lut', 'apply', warmStudio, input, plain], captureIo(dir))).toBe(0);
    expect(await runCli(['lut', 'apply', warmStudio, input, small, '--optimize-jpeg'], captureIo(dir))).toBe(0);
    expect(statSync(small).size).toBeLessThan(statSync(plain).size * 0.97);
    const [a, b] = await Promise.all([sharp(plain).raw().toBuffer(), sharp(small).raw().toBuffer()]);
    expect(a.equals(b)).toBe(true);
  });

  it('keeps a camera JPEG as shot: same size and EXIF orientation, pixels not rotated', async () => {
    const input = join(dir, 'rotated.jpg');
    await sharp({ create: { width: 40, height: 20, channels: 3, background: '#a06040' } }).withMetadata({ orientation: 6 }).jpeg().toFile(input);
    const output = join(dir, 'rotated-graded.jpg');
    expect(await runCli(['lut', 'apply', warmStudio, input, output], captureIo(dir))).toBe(0);
    expect(await sharp(output).metadata()).toMatchObject({ width: 40, height: 20, orientation: 6 });
  });

  it('keeps an uncompressed TIFF as scanned: uncompressed, its resolution and orientation, pixels not rotated', async () => {
    const input = join(dir, 'scan.tif');
    const raw = Buffer.alloc(40 * 20 * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 29) % 256;
    await sharp(raw, { raw: { width: 40, height: 20, channels: 3 } }).withMetadata({ orientation: 6, density: 300 }).tiff({ compression: 'none' }).toFile(input);
    expect(await sharp(input).metadata()).toMatchObject({ density: 300, orientation: 6 });
    const output = join(dir, 'scan-graded.tif');
    expect(await runCli(['lut', 'apply', warmStudio, input, output], captureIo(dir))).toBe(0);
    expect(await sharp(output).metadata()).toMatchObject({ width: 40, height: 20, density: 300, orientation: 6 });
    expect(statSync(output).size).toBeGreaterThan(40 * 20 * 3);
    const png = join(dir, 'scan-graded.png');
    expect(await runCli(['lut', 'apply', warmStudio, input, png], captureIo(dir))).toBe(0);
    const [a, b] = await Promise.all([sharp(output, { ignoreIcc: true }).raw().toBuffer(), sharp(png, { ignoreIcc: true }).raw().toBuffer()]);
    expect(a.equals(b)).toBe(true);
  });

  it('reports a malformed LUT by line, an unreadable image, and a bad option', async () => {
    const bad = join(dir, 'bad.cube');
    writeFileSync(bad, 'LUT_3D_SIZE 2\n0 0 0\n1 0 0\n');
    const input = join(dir, 'in-small.png');
    await sharp({ create: { width: 4, height: 4, channels: 3, background: '#808080' } }).png().toFile(input);
    let io = captureIo(dir);
    expect(await runCli(['lut', 'apply', bad, input, join(dir, 'x.png')], io)).toBe(1);
    expect(io.stderr).toMatch(/bad\.cube:3: found 2 table entries, expected 8/);
    const notImage = join(dir, 'notes.png');
    writeFileSync(notImage, 'not an image');
    io = captureIo(dir);
    expect(await runCli(['lut', 'apply', warmStudio, notImage, join(dir, 'y.png')], io)).toBe(1);
    expect(io.stderr).toMatch(/notes\.png: .*not an image format/);
    io = captureIo(dir);
    expect(await runCli(['lut', 'apply', warmStudio, input, join(dir, 'z.gif')], io)).toBe(1);
    expect(io.stderr).toMatch(/z\.gif: cannot tell the output format/);
    io = captureIo(dir);
    expect(await runCli(['lut', 'apply', warmStudio, input, join(dir, 'z.png'), '--interp', 'cubic'], io)).toBe(2);
    expect(io.stderr).toMatch(/--interp "cubic" is not one of tetrahedral, trilinear/);
  });
});

if (!hasFfmpeg) console.warn('lut-apply.test.ts: ffmpeg is not installed, so the FFmpeg comparisons are skipped (apt-get install ffmpeg)');
