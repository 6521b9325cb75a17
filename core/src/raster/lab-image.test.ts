import { describe, expect, it } from 'vitest';
import { rasterToLab, srgb8ToLab } from './lab-image';
import { downsampleRaster, proxyFactor } from './downsample-raster';
import { srgbToLab } from '../color/lab';
import { createRaster } from './raster';

describe('Lab planes and the analysis proxy', () => {
  it('matches the exact conversion to 0.001 for every grey and a spread of colours', () => {
    const r = createRaster(256, 3, 8);
    for (let x = 0; x < 256; x++) {
      r.data.set([x, x, x, 255], x * 4);
      r.data.set([x, 255 - x, (x * 7) % 256, 255], (256 + x) * 4);
      r.data.set([255, x, 0, 128], (512 + x) * 4);
    }
    const lab = rasterToLab(r);
    for (let i = 0; i < 768; i++) {
      const p = i * 4;
      const want = srgbToLab(r.data[p] / 255, r.data[p + 1] / 255, r.data[p + 2] / 255);
      expect(Math.abs(lab.l[i] - want.l)).toBeLessThan(1e-3);
      expect(Math.abs(lab.a[i] - want.a)).toBeLessThan(1e-3);
      expect(Math.abs(lab.b[i] - want.b)).toBeLessThan(1e-3);
    }
    expect(lab.alpha?.[600]).toBe(128);
    expect(srgb8ToLab(255, 255, 255, { l: 0, a: 0, b: 0 }).l).toBeCloseTo(100, 3);
  });

  it('converts 16-bit rasters too', () => {
    const r = createRaster(1, 1, 16);
    r.data.set([65535, 0, 0, 65535]);
    const lab = rasterToLab(r);
    expect(lab.l[0]).toBeCloseTo(53.24, 1);
    expect(lab.alpha).toBeNull();
  });

  it('averages k x k blocks at an integer factor, weighting colour by alpha', () => {
    expect(proxyFactor(6000, 4000, 1_000_000)).toBe(5);
    const r = createRaster(4, 2, 8);
    r.data.set([200, 0, 0, 255, 0, 0, 200, 0, 100, 100, 100, 255, 100, 100, 100, 255]);
    r.data.set([10, 20, 30, 255, 10, 20, 30, 255, 10, 20, 30, 255, 10, 20, 30, 255], 16);
    const { raster, factor } = downsampleRaster(r, 2);
    expect(factor).toBe(2);
    expect([raster.width, raster.height]).toEqual([2, 1]);
    expect(Array.from(raster.data.subarray(0, 4))).toEqual([73, 13, 20, 191]);
  });
});
