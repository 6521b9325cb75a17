import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { windowToImageFill } from './window-to-image-fill';
import { nodeBoxToImage } from './node-box-to-image';

describe('windowToImageFill', () => {
  it('a cover crop inside the image fills the whole frame with the cropped part', () => {
    const p = windowToImageFill({ x: 100, y: 0, width: 800, height: 1000 }, { width: 1000, height: 1000 }, { width: 1080, height: 1350 });
    expect(p.rect).toEqual({ x: 0, y: 0, width: 1080, height: 1350 });
    expect(p.transform).toEqual([[0.8, 0, 0.1], [0, 1, 0]]);
    expect(p.sourcePixelsPerOutputPixel).toBeCloseTo(800 / 1080);
  });

  it('a padded window (a packshot smaller than the square) leaves background bars where the image ends', () => {
    // 1000x1500 packshot in a 2000x2000 square: the window is 1500 wide, centred, running 250 px past each side.
    const p = windowToImageFill({ x: -250, y: 0, width: 1500, height: 1500 }, { width: 1000, height: 1500 }, { width: 2000, height: 2000 });
    expect(p.rect.x).toBeCloseTo(333.333, 2);
    expect(p.rect.width).toBeCloseTo(1333.333, 2);
    expect(p.rect.height).toBe(2000);
    expect(p.transform).toEqual([[1, 0, 0], [0, 1, 0]]);
  });

  it('for any window overlapping the image, the layer stays in the frame and its fill shows exactly the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 4096 }), fc.integer({ min: 16, max: 4096 }),
        fc.double({ min: -0.5, max: 0.9, noNaN: true }), fc.double({ min: -0.5, max: 0.9, noNaN: true }),
        fc.double({ min: 0.05, max: 1.5, noNaN: true }), fc.integer({ min: 16, max: 3000 }), fc.integer({ min: 16, max: 3000 }),
        (iw, ih, fx, fy, fw, ow, oh) => {
          const width = fw * iw;
          const height = (width * oh) / ow;
          const window = { x: fx * iw, y: fy * ih, width, height };
          if (window.x + width <= 1 || window.y + height <= 1 || window.y >= ih - 1) return;
          const p = windowToImageFill(window, { width: iw, height: ih }, { width: ow, height: oh });
          expect(p.rect.x).toBeGreaterThanOrEqual(-1e-3);
          expect(p.rect.y).toBeGreaterThanOrEqual(-1e-3);
          expect(p.rect.x + p.rect.width).toBeLessThanOrEqual(ow + 1e-2);
          expect(p.rect.y + p.rect.height).toBeLessThanOrEqual(oh + 1e-2);
          for (const v of p.transform.flat()) expect(v).toBeGreaterThanOrEqual(0);
          expect(p.transform[0][0] + p.transform[0][2]).toBeLessThanOrEqual(1 + 1e-9);
          // A point of the frame maps to the image pixel the window puts there.
          const back = nodeBoxToImage({ x: 0, y: 0, width: p.rect.width, height: p.rect.height }, p.rect, { width: iw, height: ih }, { scaleMode: 'CROP', imageTransform: p.transform });
          expect(back!.x).toBeCloseTo(Math.max(0, window.x), 3);
          expect(back!.width).toBeCloseTo(Math.min(iw, window.x + width) - Math.max(0, window.x), 3);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a window that misses the image', () => {
    expect(() => windowToImageFill({ x: 2000, y: 0, width: 100, height: 100 }, { width: 1000, height: 1000 }, { width: 100, height: 100 })).toThrow(/does not overlap/);
  });
});

describe('nodeBoxToImage', () => {
  it('maps a subject box drawn over a FILL (cover) image layer into image pixels', () => {
    // A 4000x6000 portrait shown in a 400x400 square layer: cover scales by 0.1, 100 px top and bottom cut.
    const box = nodeBoxToImage({ x: 100, y: 0, width: 200, height: 400 }, { width: 400, height: 400 }, { width: 4000, height: 6000 }, { scaleMode: 'FILL' });
    expect(box).toEqual({ x: 1000, y: 1000, width: 2000, height: 4000 });
  });

  it('maps through FIT (contain) and clips to the image', () => {
    // A 2000x1000 landscape in a 400x400 layer: shown 400x200 from y=100.
    const box = nodeBoxToImage({ x: 0, y: 50, width: 200, height: 200 }, { width: 400, height: 400 }, { width: 2000, height: 1000 }, { scaleMode: 'FIT' });
    expect(box).toEqual({ x: 0, y: 0, width: 1000, height: 750 });
  });

  it('has no answer for tiled fills', () => {
    expect(nodeBoxToImage({ x: 0, y: 0, width: 1, height: 1 }, { width: 4, height: 4 }, { width: 4, height: 4 }, { scaleMode: 'TILE' })).toBeNull();
  });
});
