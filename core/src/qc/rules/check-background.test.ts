import { describe, expect, it } from 'vitest';
import { checkBackground } from './check-background';
import { buildQcContext, swatchFromPalette } from '../build-qc-context';
import { prepareQcImage } from '../qc-image';
import { jpegFacts, sampleLock, smallCategory } from '../../../test-fixtures/qc/sample-lock';
import { syntheticGarment } from '../../../test-fixtures/qc/synthetic-garment';

const lock = sampleLock();
const category = smallCategory(lock, 'basics-packshot');
const swatch = swatchFromPalette(lock, 'poppy', category)!;
const W = 400;
const H = 400;

function background(backdrop: [number, number, number], channelId: string | null) {
  const shot = syntheticGarment({ width: W, height: H, garment: swatch.lab, background: backdrop, falloff: 0 });
  const channel = channelId ? (lock.channels.find((c) => c.id === channelId) ?? null) : null;
  const ctx = buildQcContext(lock, { category, channel, swatch, file: jpegFacts(W, H) });
  return Object.fromEntries(checkBackground(prepareQcImage(shot.raster, { matte: [255, 255, 255] }), ctx).map((f) => [f.check, f]));
}

describe('checkBackground where a marketplace demands pure white and 85% fill', () => {
  it('passes pure white, and measures an off-white sweep as not white', () => {
    const white = background([255, 255, 255], 'marketplace');
    expect(white['pure-white'].severity).toBe('pass');
    expect(white['pure-white'].measured).toBe(0);
    const offWhite = background([250, 250, 250], 'marketplace');
    expect(offWhite['pure-white'].measured).toBe(100);
    expect(offWhite['pure-white'].severity).toBe('reject');
  });

  it('flags a product that fills less of the frame than the channel asks', () => {
    const fill = background([255, 255, 255], 'marketplace').fill;
    expect(fill.measured as number).toBeCloseTo(68, 0);
    expect(fill.severity).toBe('flag');
    expect(fill.limits).toEqual({ direction: 'min', flag: 85 });
  });

  it('asks a master for pure white when its category feeds white-background marketplaces', () => {
    expect(background([250, 250, 250], null)['pure-white']?.severity).toBe('reject');
    expect(background([255, 255, 255], null).fill).toBeUndefined();
  });
});
