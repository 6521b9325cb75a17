/**
 * The white-balance and exposure measures of core on real product photos (samples/photos, see
 * SOURCES.md for how each was described when it was collected): they must say what a retoucher sees.
 */
import { describe, expect, it } from 'vitest';
import { measureCast, measureExposure } from '@brandlock/core';
import { decodeImage } from './decode-image';

const photo = (p: string) => new URL(`../../../samples/photos/${p}`, import.meta.url).pathname;

describe('colour cast on real photos', () => {
  it.each([
    ['flatlay/cd-skirt-wood-floor-warm-cast.jpg', /^warm\//, 8, 30],
    ['flatlay/cd-tshirt-black-grey-blanket.jpg', /^warm\//, 3, 12],
    ['flatlay/cd-denim-shorts-quilted-cover.jpg', /^cool\//, 1, 5],
    ['packshot/solidus-zip-hoodie-grey-white-bg.jpg', /^neutral$/, 0, 1],
  ] as const)('%s reads %s with ΔE00 between %i and %i', async (file, direction, min, max) => {
    const { raster } = await decodeImage(photo(file));
    const res = measureCast(raster);
    if (!res.success) throw new Error(res.message);
    expect(res.cast.direction).toMatch(direction);
    expect(res.cast.deltaE).toBeGreaterThanOrEqual(min);
    expect(res.cast.deltaE).toBeLessThanOrEqual(max);
  });
});

describe('exposure on real photos', () => {
  it('reads the dim phone photo as under-exposed against a mid-key target and the white packshot as bright', async () => {
    const dim = await decodeImage(photo('flatlay/cd-skirt-wood-floor-warm-cast.jpg'));
    const bright = await decodeImage(photo('flatlay/solidus-tee-white-on-white.jpg'));
    const a = measureExposure(dim.raster, { targetL: 60 });
    const b = measureExposure(bright.raster, { targetL: 60 });
    expect(a.success && a.exposure.verdict).toBe('under');
    expect(b.success && b.exposure.verdict).toBe('over');
    expect(b.success && b.exposure.highlightClip).toBeGreaterThan(0.3);
  });
});
