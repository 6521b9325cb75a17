import { describe, expect, it } from 'vitest';
import { createRaster, type Raster } from '../../raster/raster';
import { linearToSrgb, srgbToLinear } from '../lab';
import { applyBalance } from './apply-curves';
import { castCorrection } from './balance-correction';
import { castDirection } from './cast-direction';
import { measureCast } from './measure-cast';
import { parseColor } from '../parse-color';

/** A photo-like neutral scene: a grey ramp with mild noise, seen through linear-light channel gains. */
function castScene(gains: [number, number, number], depth: 8 | 16 = 8, width = 64, height = 48): Raster {
  const raster = createRaster(width, height, depth);
  const max = depth === 8 ? 255 : 65535;
  let seed = 11;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const grey = 0.15 + (0.7 * x) / width + (rand() - 0.5) * 0.04;
      const lin = srgbToLinear(grey);
      for (let c = 0; c < 3; c++) raster.data[(y * width + x) * 4 + c] = Math.round(linearToSrgb(Math.min(1, lin * gains[c])) * max);
    }
  return raster;
}

function paint(raster: Raster, x0: number, y0: number, w: number, h: number, rgb: [number, number, number]) {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) rgb.forEach((v, c) => (raster.data[(y * raster.width + x) * 4 + c] = v));
}

describe('measureCast', () => {
  it('finds no cast on a neutral scene', () => {
    const res = measureCast(castScene([1, 1, 1]));
    expect(res.success).toBe(true);
    if (!res.success) return;
    expect(res.cast.deltaE).toBeLessThan(0.3);
    expect(res.cast.direction).toBe('neutral');
  });

  it('calls a tungsten-like cast warm and undoes it with its gains', () => {
    const raster = castScene([1.12, 1, 0.78]);
    const res = measureCast(raster);
    if (!res.success) throw new Error(res.message);
    expect(res.cast.direction).toMatch(/^warm\//);
    expect(res.cast.deltaE).toBeGreaterThan(4);
    // the gains are the inverse of the cast, up to the luminance-keeping scale
    const [gr, gg, gb] = res.cast.gains;
    expect(gr / gg).toBeCloseTo(1 / 1.12, 2);
    expect(gb / gg).toBeCloseTo(1 / 0.78, 2);
    applyBalance(raster, castCorrection(res.cast));
    const after = measureCast(raster);
    if (!after.success) throw new Error(after.message);
    expect(after.cast.deltaE).toBeLessThan(0.5);
    expect(after.cast.direction).toBe('neutral');
  });

  it('calls a daylight-shade cast cool/blue and a fluorescent one green', () => {
    const blue = measureCast(castScene([0.85, 0.97, 1.2]));
    const green = measureCast(castScene([0.9, 1.1, 0.9]));
    expect(blue.success && blue.cast.direction).toBe('cool/blue');
    expect(green.success && green.cast.direction).toBe('green');
  });

  it('ignores a saturated garment and clipped highlights in grey-world', () => {
    const raster = castScene([1, 1, 1]);
    paint(raster, 0, 0, 40, 30, [200, 20, 30]); // a red dress over a third of the frame
    paint(raster, 40, 30, 24, 18, [255, 255, 255]); // blown-out window
    const res = measureCast(raster);
    if (!res.success) throw new Error(res.message);
    expect(res.cast.direction).toBe('neutral');
    expect(res.cast.skipped.saturated).toBe(40 * 30);
    expect(res.cast.skipped.clipped).toBeGreaterThanOrEqual(24 * 18);
    const naive = measureCast(raster, { maxSaturation: 1 });
    expect(naive.success && naive.cast.deltaE).toBeGreaterThan(5);
  });

  it('measures a neutral region against the lighting preset backdrop', () => {
    const raster = castScene([1, 1, 1]);
    paint(raster, 0, 0, 16, 16, [244, 241, 236]); // the preset's warm off-white backdrop, #f4f1ec
    const backdrop = parseColor('#f4f1ec');
    if (!backdrop.success) throw new Error('bad colour');
    const region = { x: 0, y: 0, width: 16, height: 16 };
    const vsNeutral = measureCast(raster, { method: 'neutral-region', region });
    const vsPreset = measureCast(raster, { method: 'neutral-region', region, reference: backdrop.lab });
    if (!vsNeutral.success || !vsPreset.success) throw new Error('no measure');
    expect(vsNeutral.cast.direction).toMatch(/warm/);
    expect(vsPreset.cast.deltaE).toBeLessThan(0.05);
    expect(vsPreset.cast.direction).toBe('neutral');
  });

  it('only looks inside the mask', () => {
    const raster = castScene([1, 1, 1]);
    paint(raster, 0, 0, 32, 48, [150, 160, 200]); // bluish left half
    const mask = new Uint8Array(64 * 48);
    for (let y = 0; y < 48; y++) for (let x = 32; x < 64; x++) mask[y * 64 + x] = 1;
    const res = measureCast(raster, { mask });
    expect(res.success && res.cast.direction).toBe('neutral');
    expect(res.success && res.cast.pixelsUsed).toBeLessThanOrEqual(32 * 48);
  });

  it('gives the same answer on 16-bit data', () => {
    const a = measureCast(castScene([1.12, 1, 0.78], 8));
    const b = measureCast(castScene([1.12, 1, 0.78], 16));
    if (!a.success || !b.success) throw new Error('no measure');
    expect(b.cast.deltaE).toBeCloseTo(a.cast.deltaE, 0);
    expect(b.cast.direction).toBe(a.cast.direction);
  });

  it('reports too few pixels as data and refuses a wrong-sized mask', () => {
    const raster = castScene([1, 1, 1]);
    const res = measureCast(raster, { mask: new Uint8Array(64 * 48) });
    expect(res).toMatchObject({ success: false, code: 'too_few_pixels' });
    expect(() => measureCast(raster, { mask: new Uint8Array(10) })).toThrow(/mask has 10 entries/);
    expect(() => measureCast(raster, { region: { x: 60, y: 0, width: 10, height: 10 } })).toThrow(/not inside/);
  });
});

describe('castDirection', () => {
  it.each([
    [0, 5, 'warm/yellow'],
    [4, 4, 'warm/orange'],
    [5, 1, 'warm/red'],
    [-4, 4, 'green'],
    [-5, -2, 'cool/cyan'],
    [0, -5, 'cool/blue'],
    [5, -2, 'magenta'],
  ] as const)('a*%d b*%d is %s', (da, db, word) => {
    expect(castDirection(da, db, 3)).toBe(word);
  });
});
