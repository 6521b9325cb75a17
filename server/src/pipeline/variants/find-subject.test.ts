import { describe, expect, it, afterAll } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { alphaBounds } from '@brandlock/core';
import { findSubject } from './find-subject';
import { loadMaster, masterRaster } from './load-master';
import { REPO, tempDir, removeTempDirs } from './test-support';

afterAll(removeTempDirs);

const PHOTOS = join(REPO, 'samples/photos');

describe('findSubject on real product photos', () => {
  it.each(['packshot/payload-tshirt-white-cutout.png', 'packshot/payload-cap-black-cutout.png', 'flatlay/solidus-tee-black-angled-cutout.png'])(
    'finds %s on a studio white almost exactly where its alpha says it is',
    async (file) => {
      const cutout = await loadMaster(join(PHOTOS, file));
      const truth = alphaBounds(masterRaster(cutout))!.box;
      const dir = await tempDir('subject');
      const flat = join(dir, 'flat.jpg');
      await sharp(join(PHOTOS, file)).flatten({ background: '#fbfaf8' }).jpeg({ quality: 90 }).toFile(flat);
      const found = await findSubject(await loadMaster(flat));
      expect(found.source).toBe('background');
      const tol = 0.03 * Math.max(cutout.width, cutout.height);
      // Never tighter than the garment by more than the tolerance, never much looser.
      expect(found.box.x).toBeLessThanOrEqual(truth.x + tol);
      expect(found.box.y).toBeLessThanOrEqual(truth.y + tol);
      expect(found.box.x + found.box.width).toBeGreaterThanOrEqual(truth.x + truth.width - tol);
      expect(found.box.y + found.box.height).toBeGreaterThanOrEqual(truth.y + truth.height - tol);
      expect(found.box.width * found.box.height).toBeLessThanOrEqual(truth.width * truth.height * 1.25);
    },
  );

  it('uses the alpha channel of a cut-out master directly', async () => {
    const found = await findSubject(await loadMaster(join(PHOTOS, 'packshot/solidus-hoodie-red-cutout.png')));
    expect(found).toMatchObject({ source: 'alpha', confidence: 1 });
  });

  it('prefers a box the user gave', async () => {
    const found = await findSubject(await loadMaster(join(PHOTOS, 'packshot/solidus-hoodie-red-cutout.png')), { x: 1, y: 2, width: 3, height: 4 });
    expect(found).toMatchObject({ source: 'given', box: { x: 1, y: 2, width: 3, height: 4 } });
  });

  it('guesses with low confidence on a lifestyle photo', async () => {
    const found = await findSubject(await loadMaster(join(PHOTOS, 'other/payload-tshirts-on-hangers-unsplash.jpg')));
    expect(found.source).toBe('saliency');
    expect(found.confidence).toBeLessThan(0.75);
  });
});
