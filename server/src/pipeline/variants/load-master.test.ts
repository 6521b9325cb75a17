import { describe, expect, it, afterAll } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { loadMaster } from './load-master';
import { tempDir, removeTempDirs } from './test-support';

afterAll(removeTempDirs);

describe('loadMaster', () => {
  it('converts a Display P3 master to sRGB through its profile', async () => {
    const dir = await tempDir('p3');
    const path = join(dir, 'p3.png');
    // sharp treats `create` colours as sRGB and converts them into the P3 profile it embeds.
    await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 60, b: 40 } } }).withIccProfile('p3').png().toFile(path);
    const stored = await sharp(path, { ignoreIcc: true }).raw().toBuffer();
    const master = await loadMaster(path);
    expect(master.info.iccDescription).toMatch(/P3/);
    expect(Math.abs(stored[0] - 200) + Math.abs(stored[1] - 60) + Math.abs(stored[2] - 40)).toBeGreaterThan(15);
    expect(Math.abs(master.pixels[0] - 200)).toBeLessThanOrEqual(2);
    expect(Math.abs(master.pixels[1] - 60)).toBeLessThanOrEqual(2);
    expect(Math.abs(master.pixels[2] - 40)).toBeLessThanOrEqual(2);
  });

  it('turns an EXIF-rotated master upright', async () => {
    const dir = await tempDir('orient');
    const path = join(dir, 'rotated.jpg');
    await sharp({ create: { width: 60, height: 40, channels: 3, background: '#808080' } }).withMetadata({ orientation: 6 }).jpeg().toFile(path);
    const master = await loadMaster(path);
    expect([master.width, master.height]).toEqual([40, 60]);
  });

  it('keeps the alpha channel of a cut-out and drops it from an opaque JPEG', async () => {
    const dir = await tempDir('alpha');
    await sharp({ create: { width: 10, height: 10, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toFile(join(dir, 'cut.png'));
    await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).jpeg().toFile(join(dir, 'flat.jpg'));
    expect((await loadMaster(join(dir, 'cut.png'))).channels).toBe(4);
    expect((await loadMaster(join(dir, 'flat.jpg'))).channels).toBe(3);
  });

  it('names a missing file and a file that is not an image', async () => {
    const dir = await tempDir('bad');
    await expect(loadMaster(join(dir, 'nope.jpg'))).rejects.toMatchObject({ code: 'unreadable' });
    const text = join(dir, 'x.jpg');
    await import('node:fs/promises').then((fs) => fs.writeFile(text, 'not an image'));
    await expect(loadMaster(text)).rejects.toMatchObject({ code: 'unsupported_format' });
  });
});
