import { describe, expect, it } from 'vitest';
import { checkTechnical } from './check-technical';
import { buildQcContext, swatchFromPalette } from '../build-qc-context';
import { jpegFacts, sampleLock, smallCategory } from '../../../test-fixtures/qc/sample-lock';
import type { ImageFileFacts } from '../qc-context';

const lock = sampleLock();
const category = smallCategory(lock, 'denim');
const marketplace = lock.channels.find((c) => c.id === 'marketplace')!;

function technical(file: Partial<ImageFileFacts>, channel = marketplace) {
  const ctx = buildQcContext(lock, { category, channel, swatch: swatchFromPalette(lock, 'mid-wash', category), file: jpegFacts(2000, 2000, file) });
  return Object.fromEntries(checkTechnical(ctx).map((f) => [f.check, f]));
}

describe('checkTechnical against a channel spec (marketplace main image: 2000x2000 JPEG, 2 MB)', () => {
  it('passes a file made to the spec', () => {
    const all = technical({ bytes: 1_500_000 });
    expect(Object.values(all).map((f) => f.severity)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
  });

  it('rejects the wrong size, aspect, format and a file over the byte limit, naming the channel', () => {
    const bad = technical({ width: 1600, height: 2000, format: 'png', bytes: 2_400_000 });
    expect(bad.resolution.severity).toBe('reject');
    expect(bad.resolution.message).toContain('channel "marketplace"');
    expect(bad.aspect.severity).toBe('reject');
    expect(bad.format.severity).toBe('reject');
    expect(bad['file-size'].severity).toBe('reject');
    expect(bad['file-size'].limits?.reject).toBe(2_000_000);
  });

  it('flags an untagged file for a channel that embeds ICC, and passes it for a master', () => {
    expect(technical({ iccDescription: null })['color-profile'].severity).toBe('flag');
    const master = buildQcContext(lock, { category, channel: null, swatch: null, file: jpegFacts(1024, 1536, { iccDescription: null }) });
    expect(checkTechnical(master).find((f) => f.check === 'color-profile')?.severity).toBe('pass');
  });

  it('only flags a master whose aspect differs from the recipe (crops happen later)', () => {
    const master = buildQcContext(lock, { category, channel: null, swatch: null, file: jpegFacts(1200, 1200) });
    const aspect = checkTechnical(master).find((f) => f.check === 'aspect');
    expect(aspect?.severity).toBe('flag');
    expect(aspect?.expected).toBe('0.667:1 within 2.0%');
  });
});
