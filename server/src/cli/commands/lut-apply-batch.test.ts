// `brandlock lut apply <lut> <files or folders...> --out <dir>` as a retoucher runs it on a shoot's
// folder: every output equals what grading that file alone gives, pixel for pixel and profile for
// profile; bad files are reported and skipped while the rest are written; sources are never replaced.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { runCli } from '../run-cli';
import { captureIo } from '../../../test-support/capture-io';

const root = new URL('../../../../', import.meta.url).pathname;
const lut = join(root, 'samples/luts/warm-studio.cube');
const photo = (p: string) => join(root, 'samples/photos', p);
const work = mkdtempSync(join(tmpdir(), 'brandlock-lut-batch-'));
const shoot = join(work, 'shoot');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file below a folder, as paths relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

async function pixels(path: string): Promise<{ data: Buffer; depth: string; channels: number; icc?: Buffer; exif?: Buffer }> {
  const meta = await sharp(path).metadata();
  const sixteen = meta.depth === 'ushort';
  const data = await sharp(path, { ignoreIcc: true }).toColourspace(sixteen ? 'rgb16' : 'srgb').raw({ depth: sixteen ? 'ushort' : 'uchar' }).toBuffer();
  return { data, depth: meta.depth!, channels: meta.channels!, icc: meta.icc, exif: meta.exif };
}

beforeAll(async () => {
  mkdirSync(join(shoot, 'day2'), { recursive: true });
  copyFileSync(photo('packshot/solidus-polo-red-navy-white-bg.jpg'), join(shoot, 'polo.jpg'));
  copyFileSync(photo('packshot/solidus-hoodie-red-cutout.png'), join(shoot, 'hoodie-cutout.png'));
  const tee = photo('flatlay/solidus-tee-blue-white-bg.jpg');
  await sharp(tee).withIccProfile('p3').withExif({ IFD0: { Artist: 'Day two' } }).jpeg({ quality: 90 }).toFile(join(shoot, 'day2', 'tee-p3.jpg'));
  await sharp(tee).toColourspace('rgb16').png().toFile(join(shoot, 'day2', 'tee-16bit.png'));
  await sharp(tee).resize(640).tiff({ compression: 'lzw', predictor: 'horizontal' }).toFile(join(shoot, 'day2', 'tee.tif'));
  await sharp(photo('packshot/solidus-hoodie-red-cutout.png')).webp({ quality: 90 }).toFile(join(shoot, 'day2', 'hoodie.webp'));
  await sharp(photo('packshot/solidus-hoodie-red-cutout.png')).toColourspace('rgb16').withIccProfile('p3').tiff({ compression: 'none' }).toFile(join(shoot, 'day2', 'hoodie-16bit-raw.tif'));
});

describe('brandlock lut apply on files and folders', () => {
  it('writes every file of a folder, in its own format and depth, equal pixel for pixel to grading it alone', async () => {
    const out = join(work, 'graded');
    const io = captureIo(work);
    expect(await runCli(['lut', 'apply', lut, 'shoot', '--out', 'graded', '--jobs', '2'], io), io.stderr).toBe(0);
    expect(io.stdout).toMatch(/7 of 7 files graded with "Northfold warm studio" \(tetrahedral\) into graded in [\d.]+ s/);
    expect(listFiles(out)).toEqual(listFiles(shoot));
    for (const file of listFiles(shoot)) {
      const single = join(work, 'single', file);
      mkdirSync(join(single, '..'), { recursive: true });
      expect(await runCli(['lut', 'apply', lut, join(shoot, file), single], captureIo(work))).toBe(0);
      const [batch, alone, source] = await Promise.all([pixels(join(out, file)), pixels(single), pixels(join(shoot, file))]);
      expect({ file, depth: batch.depth, channels: batch.channels }).toEqual({ file, depth: source.depth, channels: source.channels });
      expect(batch.data.equals(alone.data), `${file}: batch and single-file outputs differ`).toBe(true);
      expect(batch.data.equals(source.data), `${file}: not graded`).toBe(false);
      expect(Buffer.compare(batch.icc ?? Buffer.alloc(0), source.icc ?? Buffer.alloc(0)), `${file}: profile`).toBe(0);
    }
    const p3 = await pixels(join(out, 'day2/tee-p3.jpg'));
    expect(p3.exif?.toString('latin1')).toContain('Day two');
  });

  it('reports a bad file, skips it and writes the rest; leaves no temporary files', async () => {
    const mixed = join(work, 'mixed');
    mkdirSync(mixed);
    copyFileSync(photo('packshot/solidus-polo-red-navy-white-bg.jpg'), join(mixed, 'good.jpg'));
    const jpeg = readFileSync(photo('flatlay/solidus-tee-blue-white-bg.jpg'));
    writeFileSync(join(mixed, 'truncated.jpg'), jpeg.subarray(0, jpeg.length >> 1));
    writeFileSync(join(mixed, 'notes.png'), 'this is not an image');
    await sharp(photo('flatlay/solidus-tee-blue-white-bg.jpg')).toColourspace('cmyk').jpeg().toFile(join(mixed, 'print-cmyk.jpg'));
    await sharp(photo('packshot/solidus-polo-red-navy-white-bg.jpg')).gif().toFile(join(mixed, 'anim.gif'));
    copyFileSync(photo('flatlay/solidus-tee-white-on-white.jpg'), join(mixed, 'zz-good.jpg'));
    const io = captureIo(work);
    expect(await runCli(['lut', 'apply', lut, 'mixed', '--out', 'mixed-graded'], io)).toBe(1);
    expect(listFiles(join(work, 'mixed-graded'))).toEqual(['good.jpg', 'zz-good.jpg']);
    expect(io.stdout).toMatch(/2 of 6 files graded/);
    expect(io.stderr).toMatch(/4 files not graded/);
    expect(io.stderr).toMatch(/mixed\/truncated\.jpg: cannot decode the image/);
    expect(io.stderr).toMatch(/mixed\/notes\.png: not an image format brandlock reads/);
    expect(io.stderr).toMatch(/mixed\/print-cmyk\.jpg: a CMYK image/);
    expect(io.stderr).toMatch(/mixed\/anim\.gif: not graded: lut apply writes PNG, JPEG, TIFF and WebP/);
    expect(io.stdout).toMatch(/^error {2}mixed\/truncated\.jpg/m);
  });

  it('never replaces a source: an output folder that is the input folder is refused file by file', async () => {
    const io = captureIo(work);
    const before = readFileSync(join(shoot, 'polo.jpg'));
    expect(await runCli(['lut', 'apply', lut, 'shoot/polo.jpg', '--out', 'shoot'], io)).toBe(1);
    expect(io.stderr).toMatch(/shoot\/polo\.jpg: not graded: its output .* would replace the source itself/);
    expect(readFileSync(join(shoot, 'polo.jpg')).equals(before)).toBe(true);
  });

  it('finishes an interrupted batch with --skip-existing, and prints JSON for scripts', async () => {
    const out = join(work, 'resumed');
    mkdirSync(join(out, 'day2'), { recursive: true });
    writeFileSync(join(out, 'polo.jpg'), 'left by an earlier run');
    const io = captureIo(work);
    expect(await runCli(['lut', 'apply', lut, 'shoot', '--out', 'resumed', '--skip-existing', '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout);
    expect(report.skipped.map((s: { input: string }) => relative(shoot, s.input))).toEqual(['polo.jpg']);
    expect(report.graded).toHaveLength(6);
    expect(readFileSync(join(out, 'polo.jpg'), 'utf8')).toBe('left by an earlier run');
    expect(existsSync(join(out, 'day2/tee.tif'))).toBe(true);
  });

  it('asks for --out when given more than one input, and takes --jobs only with it', async () => {
    let io = captureIo(work);
    expect(await runCli(['lut', 'apply', lut, 'shoot/polo.jpg', 'shoot/hoodie-cutout.png', 'x.jpg'], io)).toBe(2);
    expect(io.stderr).toMatch(/3 inputs need --out <dir>/);
    io = captureIo(work);
    expect(await runCli(['lut', 'apply', lut, 'shoot/polo.jpg', 'x.jpg', '--jobs', '2'], io)).toBe(2);
    expect(io.stderr).toMatch(/--jobs applies with --out <dir> only/);
  });
});
