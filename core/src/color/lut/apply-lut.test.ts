import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRaster, maxValue, type BitDepth, type Raster } from '../../raster/raster';
import { applyLut, applyLutToPixels, createColourMemo } from './apply-lut';
import { buildLut3d, identityLut } from './build-lut';
import type { CubeLut } from './cube-lut';
import { evaluateLut } from './evaluate-lut';
import type { LutInterpolation } from './lut-interpolation';
import { parseCubeOrThrow } from './parse-cube-or-throw';
import { prepareLut } from './prepare-lut';

const fixture = (path: string) => parseCubeOrThrow(readFileSync(new URL(`../../../test-fixtures/luts/${path}`, import.meta.url), 'utf8'), path);
const warmStudio = parseCubeOrThrow(readFileSync(new URL('../../../../samples/luts/warm-studio.cube', import.meta.url), 'utf8'));

/** Random pixels with random alpha, seeded. */
function noise(width: number, height: number, depth: BitDepth, seed = 3): Raster {
  const raster = createRaster(width, height, depth);
  const max = maxValue(depth);
  let s = seed;
  for (let i = 0; i < raster.data.length; i++) {
    s = (s * 16807) % 2147483647;
    raster.data[i] = s % (max + 1);
  }
  return raster;
}

/** Largest difference between the raster kernel and the float reference (evaluateLut, clamped, rounded). */
function maxErrorVsReference(lut: CubeLut, depth: BitDepth, interpolation: LutInterpolation): number {
  const src = noise(64, 32, depth);
  const out = applyLut(src, lut, { interpolation, into: createRaster(64, 32, depth) });
  const max = maxValue(depth);
  let worst = 0;
  for (let i = 0; i < src.data.length; i += 4) {
    const ref = evaluateLut(lut, [src.data[i] / max, src.data[i + 1] / max, src.data[i + 2] / max], interpolation);
    for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(out.data[i + c] - Math.min(max, Math.max(0, ref[c] * max))));
  }
  return worst;
}

describe('applyLut', () => {
  it.each([8, 16] as const)('leaves a %i-bit image unchanged through an identity LUT, both interpolations', (depth) => {
    for (const interpolation of ['tetrahedral', 'trilinear'] as const) {
      const src = noise(50, 20, depth);
      const out = applyLut(src, identityLut(17), { interpolation, into: createRaster(50, 20, depth) });
      expect(Array.from(out.data)).toEqual(Array.from(src.data));
    }
  });

  it.each([
    [8, 'tetrahedral'],
    [8, 'trilinear'],
    [16, 'tetrahedral'],
    [16, 'trilinear'],
  ] as const)('agrees with the float reference on the warm studio grade (%i-bit, %s) within rounding', (depth, interpolation) => {
    expect(maxErrorVsReference(warmStudio, depth, interpolation)).toBeLessThanOrEqual(0.5 + (depth === 16 ? 0.05 : 0.001));
  });

  it('honours a per-channel DOMAIN_MIN/MAX (OCIO iridas_3d) and a Resolve shaper with input ranges', () => {
    expect(maxErrorVsReference(fixture('ocio/iridas_3d.cube'), 16, 'tetrahedral')).toBeLessThanOrEqual(0.55);
    expect(maxErrorVsReference(fixture('colour-science/resolve_cube/Three_Dimensional_Table_With_Shaper.cube'), 16, 'tetrahedral')).toBeLessThanOrEqual(0.55);
    expect(maxErrorVsReference(fixture('colour-science/resolve_cube/LogC_Video.cube'), 8, 'trilinear')).toBeLessThanOrEqual(0.501);
  });

  it('applies a 1D-only LUT as per-channel curves (colour-science Demo: DOMAIN_MAX 1 2 3)', () => {
    const lut = fixture('colour-science/iridas_cube/Demo.cube');
    const src = createRaster(1, 1, 8);
    src.data.set([255, 255, 255, 9]);
    applyLut(src, lut);
    // input 1.0 is the end of red's domain, the middle of green's (0..2) and a third of blue's (0..3)
    expect(Array.from(src.data)).toEqual([255, 255, Math.round(255 * (2 / 3) * 1.5), 9]);
  });

  it('scales R, G, B by 1, 0.5, 0.25 with RGB_1_0.5_0.25.cube on 16-bit data', () => {
    const src = noise(16, 16, 16);
    const out = applyLut(src, fixture('colour-science/iridas_cube/RGB_1_0.5_0.25.cube'), { into: createRaster(16, 16, 16) });
    for (let i = 0; i < src.data.length; i += 4) {
      [1, 0.5, 0.25].forEach((gain, c) => expect(Math.abs(out.data[i + c] - src.data[i + c] * gain)).toBeLessThanOrEqual(0.51 + src.data[i + c] * 1e-6));
      expect(out.data[i + 3]).toBe(src.data[i + 3]);
    }
  });

  it('keeps alpha and, when writing elsewhere, the source', () => {
    const src = noise(32, 8, 8);
    const before = Array.from(src.data);
    const out = applyLut(src, warmStudio, { into: createRaster(32, 8, 8) });
    expect(Array.from(src.data)).toEqual(before);
    for (let i = 3; i < before.length; i += 4) expect(out.data[i]).toBe(before[i]);
    expect(out.data.some((v, i) => i % 4 !== 3 && v !== before[i])).toBe(true);
  });

  it('gives the same pixels with and without the colour memo, in place and into a new raster', () => {
    const src = noise(300, 400, 8);
    // repeat colours the way a photo does, so the memo has hits as well as misses
    for (let i = 4 * 1000; i < src.data.length; i += 4 * 7) src.data.copyWithin(i, i - 4 * 997, i - 4 * 997 + 3);
    const direct = applyLut(src, warmStudio, { colourMemo: 'never', into: createRaster(300, 400, 8) });
    const memoised = applyLut(src, warmStudio, { colourMemo: 'always', into: createRaster(300, 400, 8) });
    expect(Buffer.from(memoised.data).equals(Buffer.from(direct.data))).toBe(true);
    const inPlace = { ...src, data: src.data.slice() };
    applyLut(inPlace, warmStudio, { colourMemo: 'always' });
    expect(Buffer.from(inPlace.data).equals(Buffer.from(direct.data))).toBe(true);
  });

  it('reads tetrahedral and trilinear differently off the grid', () => {
    const curve = buildLut3d(5, (r, g, b) => [r * g, Math.sqrt(g * b), (r * b) ** 2]);
    const src = noise(40, 40, 16);
    const a = applyLut(src, curve, { interpolation: 'tetrahedral', into: createRaster(40, 40, 16) });
    const b = applyLut(src, curve, { interpolation: 'trilinear', into: createRaster(40, 40, 16) });
    const diff = Math.max(...Array.from(a.data, (v, i) => Math.abs(v - b.data[i])));
    expect(diff).toBeGreaterThan(100);
  });

  it('refuses a target of another size or depth, and a LUT prepared for another depth', () => {
    const src = noise(4, 4, 8);
    expect(() => applyLut(src, warmStudio, { into: createRaster(4, 5, 8) })).toThrow(/does not match the source 4x4 8-bit/);
    expect(() => applyLut(src, prepareLut(warmStudio, 16))).toThrow(/prepared for 16-bit rasters, this one is 8-bit/);
  });

  it.each([
    [8, 'tetrahedral'],
    [8, 'trilinear'],
    [16, 'tetrahedral'],
    [16, 'trilinear'],
  ] as const)('grades RGB pixels (no alpha channel) exactly as the same pixels in RGBA (%i-bit, %s)', (depth, interpolation) => {
    const rgba = noise(120, 90, depth);
    const rgb = depth === 8 ? new Uint8Array((rgba.data.length / 4) * 3) : new Uint16Array((rgba.data.length / 4) * 3);
    for (let i = 0, j = 0; i < rgba.data.length; i += 4, j += 3) rgb.set(rgba.data.subarray(i, i + 3), j);
    applyLut(rgba, warmStudio, { interpolation });
    applyLutToPixels({ depth, channels: 3, data: rgb }, warmStudio, { interpolation, colourMemo: 'always' });
    for (let i = 0, j = 0; i < rgba.data.length; i += 4, j += 3) expect([rgb[j], rgb[j + 1], rgb[j + 2]]).toEqual([rgba.data[i], rgba.data[i + 1], rgba.data[i + 2]]);
  });

  it('keeps a colour memo across images graded with one LUT, and clears it for another LUT', () => {
    const prepared = prepareLut(warmStudio, 8);
    const memo = createColourMemo();
    const first = noise(200, 100, 8, 5);
    const second = noise(200, 100, 8, 6);
    second.data.set(first.data.subarray(0, 40_000));
    const expected = [first, second].map((r) => applyLut(r, prepared, { colourMemo: 'never', into: createRaster(200, 100, 8) }).data);
    [first, second].forEach((r, i) => expect(Buffer.from(applyLut(r, prepared, { memo }).data).equals(Buffer.from(expected[i]))).toBe(true));
    const other = prepareLut(fixture('colour-science/iridas_cube/RGB_1_0.5_0.25.cube'), 8);
    const third = noise(200, 100, 8, 5);
    const direct = applyLut(third, other, { colourMemo: 'never', into: createRaster(200, 100, 8) });
    expect(Buffer.from(applyLut(third, other, { memo }).data).equals(Buffer.from(direct.data))).toBe(true);
  });
});
