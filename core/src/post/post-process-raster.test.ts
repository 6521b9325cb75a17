import { describe, expect, it } from 'vitest';
import { postProcessRaster } from './post-process-raster';
import { createRaster, type Raster } from '../raster/raster';
import { srgbToLab } from '../color/lab';
import { deltaE2000 } from '../color/delta-e-2000';
import { buildLut3d } from '../color/lut/build-lut';
import type { LightingPreset } from '../brand/lighting-preset';

const lighting: LightingPreset = {
  id: 'studio',
  name: 'Studio',
  colorTemperatureK: 5500,
  tint: 0,
  keyFillRatio: 2,
  keyDirection: 'front',
  exposure: { targetL: 60, toleranceEv: 0.33 },
  background: '#f0f0f0',
  promptFragment: '',
};

/** A garment-coloured ellipse on a backdrop, with a per-channel multiplier (a cast) over everything. */
function studioShot(garment: [number, number, number], backdrop: [number, number, number], cast: [number, number, number] = [1, 1, 1], size = 200): Raster {
  const r = createRaster(size, size, 8);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const inside = ((x - size / 2) / (size * 0.3)) ** 2 + ((y - size / 2) / (size * 0.4)) ** 2 <= 1;
      const c = inside ? garment : backdrop;
      const i = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) r.data[i + k] = Math.min(255, Math.round(c[k] * cast[k]));
    }
  return r;
}

const labAt = (r: Raster, x: number, y: number) => {
  const i = (y * r.width + x) * 4;
  return srgbToLab(r.data[i] / 255, r.data[i + 1] / 255, r.data[i + 2] / 255);
};

describe('postProcessRaster', () => {
  it('neutralises a cast measured on a studio backdrop and puts the preset backdrop behind the garment', () => {
    const shot = studioShot([120, 60, 60], [240, 240, 240], [1.04, 1.0, 0.9]);
    const before = labAt(shot, 100, 100);
    const { raster, steps, subject } = postProcessRaster(shot, { lighting, lut: null, swatch: null });
    const wb = steps.find((s) => s.step === 'white-balance')!;
    expect(wb.applied).toBe(true);
    expect(wb.detail).toMatch(/warm/);
    expect(wb.measured).toBeGreaterThan(2);
    expect(steps.find((s) => s.step === 'background')!.applied).toBe(true);
    expect(Array.from(raster.data.subarray(0, 4))).toEqual([240, 240, 240, 255]);
    const after = labAt(raster, 100, 100);
    expect(after.b).toBeLessThan(before.b); // the warm shift is taken out of the garment too
    expect(subject).toMatchObject({ x: expect.any(Number), width: expect.any(Number) });
    expect(subject!.width).toBeGreaterThan(100);
  });

  it('moves exposure toward the swatch, at most 0.5 EV, and says when it was capped', () => {
    const shot = studioShot([60, 60, 60], [240, 240, 240]);
    const swatch = { input: '#b0b0b0', lab: srgbToLab(0.69, 0.69, 0.69), hex: '#b0b0b0', swatchId: null, name: 'Stone', tolerance: 3 };
    const { steps, raster } = postProcessRaster(shot, { lighting, lut: null, swatch });
    const exposure = steps.find((s) => s.step === 'exposure')!;
    expect(exposure).toMatchObject({ applied: true, unit: 'EV' });
    expect(exposure.measured!).toBeLessThan(-1);
    expect(exposure.detail).toContain('capped at 0.5 EV');
    expect(raster.data[(100 * 200 + 100) * 4]).toBeGreaterThan(60);
  });

  it('leaves a busy background alone rather than cutting it out badly', () => {
    const shot = studioShot([120, 60, 60], [240, 240, 240]);
    for (let i = 0; i < shot.data.length; i += 4) {
      const p = i / 4;
      if ((p % 200 < 40 || p % 200 > 160) && ((p >> 3) & 1)) shot.data[i] = shot.data[i + 1] = shot.data[i + 2] = (p * 37) % 255;
    }
    const copy = Uint8Array.from(shot.data);
    const { steps, raster } = postProcessRaster(shot, { lighting, lut: null, swatch: null });
    expect(steps.find((s) => s.step === 'background')!.applied).toBe(false);
    expect(steps.find((s) => s.step === 'white-balance')!.detail).toMatch(/not a clean studio sweep/);
    expect(Array.from(raster.data)).toEqual(Array.from(copy));
  });

  it('grades with the LUT first and records it', () => {
    const shot = studioShot([120, 60, 60], [240, 240, 240]);
    const darker = buildLut3d(9, (r, g, b, out) => { out[0] = r * 0.9; out[1] = g * 0.9; out[2] = b * 0.9; return out; });
    const { steps } = postProcessRaster(shot, { lighting, lut: { id: 'dim', table: darker }, swatch: null });
    expect(steps[0]).toMatchObject({ step: 'lut', applied: true, detail: 'graded with dim' });
  });

  it('places a cutout on the backdrop using its own alpha', () => {
    const cut = studioShot([30, 90, 160], [0, 0, 0]);
    for (let i = 0; i < cut.data.length; i += 4) if (cut.data[i] === 0 && cut.data[i + 2] === 0) cut.data[i + 3] = 0;
    const blue = srgbToLab(30 / 255, 90 / 255, 160 / 255);
    const swatch = { input: '#1e5aa0', lab: blue, hex: '#1e5aa0', swatchId: null, name: 'Blue', tolerance: 3 };
    const { raster, steps } = postProcessRaster(cut, { lighting, lut: null, swatch });
    expect(steps.find((s) => s.step === 'background')!.detail).toMatch(/cutout placed/);
    expect(steps.find((s) => s.step === 'exposure')!.applied).toBe(false);
    expect(Array.from(raster.data.subarray(0, 4))).toEqual([240, 240, 240, 255]);
    expect(deltaE2000(labAt(raster, 100, 100), blue)).toBeLessThan(0.5);
  });
});
