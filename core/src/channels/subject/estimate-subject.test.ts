import { describe, expect, it } from 'vitest';
import { createRaster, type Raster } from '../../raster/raster';
import { alphaBounds } from './alpha-bounds';
import { estimateSubject, scaleBoxToImage } from './estimate-subject';

/** A deterministic pseudo-random sequence, so "noise" is the same on every run. */
function noise(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32 - 0.5) * 2;
}

/** A garment-ish ellipse (colour `fg`) on a background, with sensor-like noise of +-amp. */
function studioShot(w: number, h: number, box: { x: number; y: number; width: number; height: number }, fg: number[], bg: number[], amp = 4, depth: 8 | 16 = 8): Raster {
  const r = createRaster(w, h, depth);
  const rnd = noise(7);
  const k = depth === 16 ? 257 : 1;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const inside = ((x + 0.5 - cx) / (box.width / 2)) ** 2 + ((y + 0.5 - cy) / (box.height / 2)) ** 2 <= 1;
      const c = inside ? fg : bg;
      for (let ch = 0; ch < 3; ch++) r.data[(y * w + x) * 4 + ch] = Math.round(Math.min(255, Math.max(0, c[ch] + amp * rnd())) * k);
    }
  }
  return r;
}

describe('alphaBounds', () => {
  it('finds the opaque pixels of a cut-out and ignores an opaque image', () => {
    const r = createRaster(40, 30);
    for (let i = 3; i < r.data.length; i += 4) r.data[i] = 0;
    for (let y = 5; y < 20; y++) for (let x = 10; x < 31; x++) r.data[(y * 40 + x) * 4 + 3] = 255;
    expect(alphaBounds(r)?.box).toEqual({ x: 10, y: 5, width: 21, height: 15 });
    expect(alphaBounds(createRaster(40, 30))).toBeNull();
  });
});

describe('estimateSubject', () => {
  it('finds a garment on a white sweep from contrast with the border', () => {
    const box = { x: 60, y: 40, width: 130, height: 250 };
    const est = estimateSubject(studioShot(256, 340, box, [40, 60, 120], [250, 250, 250]));
    expect(est.method).toBe('background');
    expect(est.confidence).toBeGreaterThan(0.9);
    expect(Math.abs(est.box.x - box.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(est.box.y - box.y)).toBeLessThanOrEqual(2);
    expect(Math.abs(est.box.x + est.box.width - (box.x + box.width))).toBeLessThanOrEqual(2);
    expect(Math.abs(est.box.y + est.box.height - (box.y + box.height))).toBeLessThanOrEqual(2);
  });

  it('works the same on 16-bit rasters', () => {
    const box = { x: 30, y: 30, width: 100, height: 60 };
    const est = estimateSubject(studioShot(200, 120, box, [200, 40, 40], [235, 232, 228], 3, 16));
    expect(est.method).toBe('background');
    expect(Math.abs(est.box.width - box.width)).toBeLessThanOrEqual(3);
  });

  it('finds a light grey garment on white, which a threshold on brightness alone would miss', () => {
    const box = { x: 50, y: 50, width: 100, height: 150 };
    const est = estimateSubject(studioShot(200, 260, box, [222, 222, 220], [252, 252, 252], 2));
    expect(Math.abs(est.box.height - box.height)).toBeLessThanOrEqual(4);
  });

  it('falls back to a centre-weighted guess with low confidence on a busy scene', () => {
    const r = createRaster(200, 200);
    const rnd = noise(3);
    for (let i = 0; i < r.data.length; i += 4) for (let c = 0; c < 3; c++) r.data[i + c] = 128 + Math.round(120 * rnd());
    const est = estimateSubject(r);
    expect(est.method).toBe('saliency');
    expect(est.confidence).toBeLessThanOrEqual(0.5);
    expect(est.focal.x).toBeGreaterThan(70);
    expect(est.focal.x).toBeLessThan(130);
  });

  it('maps a proxy box to the master, growing it so no edge is cut', () => {
    const box = scaleBoxToImage({ x: 10, y: 20, width: 100, height: 200 }, { width: 256, height: 384 }, { width: 4000, height: 6000 });
    expect(box.x).toBeLessThanOrEqual((10 * 4000) / 256);
    expect(box.x + box.width).toBeGreaterThanOrEqual((110 * 4000) / 256);
    expect(box.y + box.height).toBeLessThanOrEqual(6000);
  });
});
