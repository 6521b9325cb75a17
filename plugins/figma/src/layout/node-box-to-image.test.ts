import { describe, expect, it } from 'vitest';
import { nodeBoxToImage } from './node-box-to-image';

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
