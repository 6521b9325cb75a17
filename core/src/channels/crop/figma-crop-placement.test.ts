import { describe, expect, it } from 'vitest';
import { figmaCropPlacement } from './figma-crop-placement';
import { planCrop } from './plan-crop';
import { CHANNEL_PRESETS } from '../catalog';

describe('figmaCropPlacement', () => {
  it('normalises a cover crop to the source image and fills the whole frame', () => {
    const image = { width: 6000, height: 4000 };
    const plan = planCrop({ image, spec: CHANNEL_PRESETS['instagram-feed-1x1'] });
    const { imageTransform, rect } = figmaCropPlacement(plan, image);
    expect(imageTransform[0][0]).toBeCloseTo(4000 / 6000, 3);
    expect(imageTransform[0][2]).toBeCloseTo(1000 / 6000, 3);
    expect(imageTransform[1][1]).toBeCloseTo(1, 3);
    expect(rect).toEqual({ x: 0, y: 0, width: 1080, height: 1080 });
  });

  it('keeps every transform inside the image and the rectangle inside the frame when the plan pads', () => {
    const image = { width: 3000, height: 4500 };
    const plan = planCrop({ image, subject: { x: 900, y: 200, width: 1200, height: 4100 }, spec: CHANNEL_PRESETS['instagram-feed-1x1'] });
    const { imageTransform: [[a, , c], [, d, f]], rect } = figmaCropPlacement(plan, image);
    for (const v of [a, c, d, f, a + c, d + f]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1 + 1e-9);
    }
    expect(rect.x).toBeGreaterThan(0);
    expect(rect.x + rect.width).toBeLessThanOrEqual(1080);
  });
});
