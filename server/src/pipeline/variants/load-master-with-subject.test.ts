import { afterAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { planCrop, type Box } from '@brandlock/core';
import { cropHints, findSubject } from './find-subject';
import { decodeMaster } from './load-master';
import { loadMasterWithSubject } from './load-master-with-subject';
import { REPO, removeTempDirs, sampleLock, tempDir } from './test-support';

afterAll(removeTempDirs);

const PHOTOS = join(REPO, 'samples/photos');

/** The largest distance between the edges of two boxes. */
const edgeGap = (a: Box, b: Box) => Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y), Math.abs(a.x + a.width - b.x - b.width), Math.abs(a.y + a.height - b.y - b.height));

async function jpegOf(file: string, transform: (s: Sharp) => Sharp = (s) => s): Promise<Buffer> {
  const dir = await tempDir('subject-jpeg');
  const out = join(dir, 'master.jpg');
  await transform(sharp(join(PHOTOS, file)).flatten({ background: '#fbfaf8' })).jpeg({ quality: 90 }).toFile(out);
  return readFile(out);
}

describe('loadMasterWithSubject: a JPEG master\'s subject from a shrink-on-load proxy, beside the decode', () => {
  it.each([
    ['a studio packshot', () => jpegOf('packshot/payload-tshirt-white-cutout.png')],
    ['a flat lay', () => jpegOf('flatlay/solidus-tee-black-angled-cutout.png')],
    ['a lifestyle photo (saliency)', () => readFile(join(PHOTOS, 'other/payload-tshirts-on-hangers-unsplash.jpg'))],
    ['an EXIF-rotated capture', () => jpegOf('packshot/payload-cap-black-cutout.png', (s) => s.rotate(-90).withMetadata({ orientation: 6 }))],
  ])('finds the subject of %s where the full decode does, and every sample channel crops the same region', async (_, make) => {
    const bytes = await make();
    const full = await decodeMaster(bytes);
    const before = await findSubject(full);
    const { master, subject } = await loadMasterWithSubject(bytes, null);
    expect(master.pixels.equals(full.pixels)).toBe(true);
    expect({ w: master.width, h: master.height }).toEqual({ w: full.width, h: full.height });
    expect(subject.source).toBe(before.source);
    expect(subject.confidence).toBeCloseTo(before.confidence, 1);
    const long = Math.max(master.width, master.height);
    expect(edgeGap(subject.box, before.box)).toBeLessThanOrEqual(0.01 * long);
    const { lock } = await sampleLock();
    const hintsNow = cropHints(subject);
    const hintsBefore = cropHints(before);
    for (const spec of lock.channels) {
      const now = planCrop({ image: master, spec, subject: hintsNow.subject, focal: hintsNow.focal });
      const then = planCrop({ image: full, spec, subject: hintsBefore.subject, focal: hintsBefore.focal });
      const gap = edgeGap({ x: now.crop.left, y: now.crop.top, width: now.crop.width, height: now.crop.height }, { x: then.crop.left, y: then.crop.top, width: then.crop.width, height: then.crop.height });
      expect(gap, spec.id).toBeLessThanOrEqual(2);
    }
  });

  it('names a corrupt JPEG as the decode does', async () => {
    const bytes = await jpegOf('packshot/payload-tshirt-white-cutout.png');
    const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
    await expect(loadMasterWithSubject(cut, null)).rejects.toMatchObject({ name: 'ImageDecodeError', code: 'corrupt' });
  });
});
