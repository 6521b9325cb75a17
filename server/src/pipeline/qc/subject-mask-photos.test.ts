// Segmentation quality on real product photos (see test-support/cutout-iou.ts for the method).
import { describe, expect, it } from 'vitest';
import { BACKDROPS, cutoutFiles, cutoutIou } from '../../../test-support/cutout-iou';

describe('subject mask on real cutouts composited onto studio backdrops', () => {
  const cutouts = cutoutFiles();
  it(`finds the garment in ${cutouts.length} cutouts x ${BACKDROPS.length} backdrops with IoU of at least 0.9 each, 0.97 on average`, async () => {
    const ious: number[] = [];
    for (const file of cutouts) for (const backdrop of BACKDROPS) ious.push(await cutoutIou(file, backdrop));
    expect(cutouts.length).toBeGreaterThanOrEqual(10);
    expect(Math.min(...ious)).toBeGreaterThan(0.9);
    expect(ious.reduce((a, b) => a + b, 0) / ious.length).toBeGreaterThan(0.97);
  }, 120_000);
});
