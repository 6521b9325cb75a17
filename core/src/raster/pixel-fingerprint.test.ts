import { describe, expect, it } from 'vitest';
import { pixelFingerprint } from './pixel-fingerprint';
import type { Raster } from './raster';

function raster(width: number, height: number, fill = 128): Raster {
  return { width, height, depth: 8, data: new Uint8Array(width * height * 4).fill(fill) };
}

describe('pixelFingerprint', () => {
  it('is the same for the same pixels, read again', () => {
    expect(pixelFingerprint(raster(40, 30))).toBe(pixelFingerprint(raster(40, 30)));
    expect(pixelFingerprint(raster(40, 30))).toMatch(/^40x30x8:[0-9a-f]{16}$/);
  });

  it('changes when any one sample changes by one level, wherever it is', () => {
    const base = pixelFingerprint(raster(64, 48));
    const seen = new Set([base]);
    for (const at of [0, 1, 2, 3, 4, 777, 64 * 48 * 4 - 1]) {
      const r = raster(64, 48);
      r.data[at] += 1;
      seen.add(pixelFingerprint(r));
    }
    expect(seen.size).toBe(8);
  });

  it('tells apart two pixels swapped, another size with the same bytes, and 16-bit data', () => {
    const r = raster(8, 8);
    r.data[0] = 10;
    const s = raster(8, 8);
    s.data[4] = 10;
    expect(pixelFingerprint(r)).not.toBe(pixelFingerprint(s));
    expect(pixelFingerprint(raster(16, 4))).not.toBe(pixelFingerprint(raster(8, 8)));
    const deep: Raster = { width: 8, height: 8, depth: 16, data: new Uint16Array(8 * 8 * 4).fill(128 * 257) };
    expect(pixelFingerprint(deep)).toMatch(/^8x8x16:/);
  });

  it('reads samples that do not start on a 4-byte boundary', () => {
    const backing = new Uint8Array(8 * 8 * 4 + 1).fill(128);
    const offset: Raster = { width: 8, height: 8, depth: 8, data: backing.subarray(1) };
    expect(pixelFingerprint(offset)).toBe(pixelFingerprint(raster(8, 8)));
  });
});
