/**
 * Every third-party .cube file in test-fixtures/luts, checked against what its origin project's own
 * tests state: colour-science/colour (colour/io/luts/tests/test_iridas_cube.py, test_resolve_cube.py,
 * test__init__.py) and OpenColorIO (tests/cpu/fileformats/FileFormatIridasCube_tests.cpp,
 * FileFormatResolveCube_tests.cpp). OCIO states domains as the scale/offset of the matrix it puts
 * before the table, and tables in its internal blue-fastest order; both are converted here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CubeLut, Lut3d, LutDomain } from './cube-lut';
import { evaluateLut } from './evaluate-lut';
import { parseCube } from './parse-cube';
import { serializeCube } from './serialize-cube';

const dir = new URL('../../../test-fixtures/luts/', import.meta.url);
const load = (path: string): CubeLut => {
  const res = parseCube(readFileSync(new URL(path, dir), 'utf8'));
  if (!res.success) throw new Error(`${path}:${res.issue.line}: ${res.issue.message}`);
  return res.lut;
};
const column = (table: Float64Array, c = 0) => Array.from({ length: table.length / 3 }, (_, i) => table[i * 3 + c]);
/** OCIO's matrix before the table: x' = scale * x + offset. */
const scaleOffset = (d: LutDomain) => ({ scale: d.min.map((lo, c) => 1 / (d.max[c] - lo)), offset: d.min.map((lo, c) => 0 - lo / (d.max[c] - lo)) });
/** The table in OCIO's internal order (blue fastest). */
const blueFastest = (lut: Lut3d) => {
  const n = lut.size;
  const out = new Float64Array(lut.table.length);
  for (let r = 0; r < n; r++) for (let g = 0; g < n; g++) for (let b = 0; b < n; b++) for (let c = 0; c < 3; c++) out[3 * ((r * n + g) * n + b) + c] = lut.table[3 * ((b * n + g) * n + r) + c];
  return Array.from(out);
};
const eotfSrgb = (v: number) => (v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));

const ACES_PROXY = [4.883e-4, 7.714e-4, 1.219e-3, 1.926e-3, 3.044e-3, 4.809e-3, 7.599e-3, 1.201e-2, 1.897e-2, 2.998e-2, 4.737e-2, 7.484e-2, 1.183e-1, 1.869e-1, 2.952e-1, 4.665e-1, 7.371e-1, 1.165, 1.84, 2.908, 4.595, 7.26, 11.47, 18.13, 28.64, 45.25, 71.51, 113, 178.5, 282.1, 445.7, 704.3];
const LOGC_SHAPER = [0, 0.027085, 0.063049, 0.113149, 0.183049, 0.289811, 0.417353, 0.545231, 0.670205, 0.78963, 0.886468, 0.945491, 0.976449, 0.989248, 0.993797, 1];

describe('colour-science .cube files', () => {
  it.each(['iridas_cube', 'resolve_cube'])('%s/ACES_Proxy_10_to_ACES.cube: a 32-entry 1D table, name and unit domain', (flavour) => {
    const lut = load(`colour-science/${flavour}/ACES_Proxy_10_to_ACES.cube`);
    expect(lut.title).toBe('ACES Proxy 10 to ACES');
    expect(lut.lut3d).toBeNull();
    expect(lut.lut1d?.size).toBe(32);
    for (let c = 0; c < 3; c++) column(lut.lut1d!.table, c).forEach((v, i) => expect(Math.abs(v - ACES_PROXY[i])).toBeLessThan(1.5e-7));
    expect(lut.lut1d?.domain).toEqual({ min: [0, 0, 0], max: [1, 1, 1] });
    expect(lut.comments).toEqual([]);
  });

  it('iridas_cube/Demo.cube: comments anywhere, per-channel DOMAIN_MAX 1 2 3', () => {
    const lut = load('colour-science/iridas_cube/Demo.cube');
    expect(lut.comments).toEqual(['Comments can go anywhere']);
    expect(lut.lut1d?.domain).toEqual({ min: [0, 0, 0], max: [1, 2, 3] });
    // on the domain's grid the table is read back: green input 1 (half of 0..2) gives entry 2's 1
    expect(evaluateLut(lut, [0.5, 1, 1.5])).toEqual([0.5, 1, 1.5]);
  });

  it('resolve_cube/Demo.cube: LUT_1D_INPUT_RANGE 0 3 is the domain of every channel', () => {
    const lut = load('colour-science/resolve_cube/Demo.cube');
    expect(lut.comments).toEqual(["Comments can't go anywhere"]);
    expect(lut.lut1d?.domain).toEqual({ min: [0, 0, 0], max: [3, 3, 3] });
    expect(evaluateLut(lut, [1.5, 0.75, 3])).toEqual([1.5, 0.75, 3]);
  });

  it.each(['iridas_cube', 'resolve_cube'])('%s/Three_Dimensional_Table.cube: a 3D table of size 2', (flavour) => {
    const lut = load(`colour-science/${flavour}/Three_Dimensional_Table.cube`);
    expect(lut.lut3d?.size).toBe(2);
    expect(lut.lut1d).toBeNull();
    // red fastest: the second entry is the red corner, the third the green corner (".75" is a number)
    expect(Array.from(lut.lut3d!.table.slice(3, 9))).toEqual([1, 0, 0, 0, 0.75, 0]);
  });

  it('resolve_cube/LogC_Video.cube: a 16-entry shaper then a 4³ cube', () => {
    const lut = load('colour-science/resolve_cube/LogC_Video.cube');
    expect(lut.lut1d?.size).toBe(16);
    column(lut.lut1d!.table).forEach((v, i) => expect(v).toBeCloseTo(LOGC_SHAPER[i], 7));
    expect(lut.lut3d?.size).toBe(4);
  });

  it('resolve_cube/Three_Dimensional_Table_With_Shaper.cube: shaper and cube both on -0.1..3, four comments', () => {
    const lut = load('colour-science/resolve_cube/Three_Dimensional_Table_With_Shaper.cube');
    expect(lut.title).toBe('LUT3D with My Shaper');
    expect(lut.lut1d?.size).toBe(10);
    expect(lut.lut3d?.size).toBe(3);
    expect(lut.lut1d?.domain).toEqual({ min: [-0.1, -0.1, -0.1], max: [3, 3, 3] });
    expect(lut.lut3d?.domain).toEqual({ min: [-0.1, -0.1, -0.1], max: [3, 3, 3] });
    expect(lut.comments).toEqual(['A first "Shaper" comment.', 'A second "Shaper" comment.', 'A first "LUT3D" comment.', 'A second "LUT3D" comment.']);
  });

  it.each(['iridas_cube', 'resolve_cube'])('%s/RGB_1_0.5_0.25.cube scales R, G, B by 1, 0.5, 0.25', (flavour) => {
    const lut = load(`colour-science/${flavour}/RGB_1_0.5_0.25.cube`);
    for (const rgb of [[0.1, 0.9, 0.5], [0.73, 0.21, 0.98], [1, 1, 1]] as [number, number, number][]) {
      for (const interp of ['tetrahedral', 'trilinear'] as const) {
        const out = evaluateLut(lut, rgb, interp);
        [1, 0.5, 0.25].forEach((gain, c) => expect(out[c]).toBeCloseTo(rgb[c] * gain, 5));
      }
    }
  });

  it.each(['iridas_cube', 'resolve_cube'])('%s/Unit.cube is the identity', (flavour) => {
    const lut = load(`colour-science/${flavour}/Unit.cube`);
    expect(evaluateLut(lut, [0.2, 0.55, 0.9]).map((v) => +v.toFixed(5))).toEqual([0.2, 0.55, 0.9]);
  });

  it.each(['iridas_cube', 'resolve_cube'])('%s/Colour_Correct.cube keeps values outside 0..1', (flavour) => {
    const lut = load(`colour-science/${flavour}/Colour_Correct.cube`);
    expect(lut.lut3d?.size).toBe(4);
    expect(Array.from(lut.lut3d!.table.slice(3, 6))).toEqual([0.398947, -0.017706, -0.017706]);
    expect(Math.max(...lut.lut3d!.table)).toBeGreaterThan(1);
  });

  it('iridas_cube/eotf_sRGB_3D.cube is colour.models.eotf_sRGB sampled over its per-channel DOMAIN', () => {
    const lut = load('colour-science/iridas_cube/eotf_sRGB_3D.cube');
    const { size, domain } = lut.lut3d!;
    expect(size).toBe(8);
    expect(domain).toEqual({ min: [-0.1, -0.15, -0.2], max: [1.5, 2, 3] });
    for (const i of [0, 3, 7]) {
      const input = domain.min.map((lo, c) => lo + ((domain.max[c] - lo) * i) / (size - 1)) as [number, number, number];
      evaluateLut(lut, input).forEach((v, c) => expect(v).toBeCloseTo(eotfSrgb(input[c]), 6));
    }
  });

  it('resolve_cube/eotf_sRGB_3D.cube: its LUT_1D_INPUT_RANGE -1 3 is the 3D domain (with a warning)', () => {
    const res = parseCube(readFileSync(new URL('colour-science/resolve_cube/eotf_sRGB_3D.cube', dir), 'utf8'));
    if (!res.success) throw new Error(res.issue.message);
    expect(res.warnings).toEqual([expect.objectContaining({ line: 5, code: 'ambiguous_domain' })]);
    expect(res.lut.lut3d?.domain).toEqual({ min: [-1, -1, -1], max: [3, 3, 3] });
    for (const v of [-1, 1 / 7 * 4 - 1, 3]) evaluateLut(res.lut, [v, v, v]).forEach((out) => expect(out).toBeCloseTo(eotfSrgb(v), 6));
  });
});

describe('OpenColorIO .cube files', () => {
  it('iridas_1d.cube: matrix scale 0.25 1 1 offset 0.5 -1 0, then a 5-entry 1D table', () => {
    const lut = load('ocio/iridas_1d.cube');
    const { scale, offset } = scaleOffset(lut.lut1d!.domain);
    expect(scale).toEqual([0.25, 1, 1]);
    expect(offset).toEqual([0.5, -1, 0]);
    expect(Array.from(lut.lut1d!.table)).toEqual([-1, -2, -3, 0, 0.1, 0.2, 0.4, 0.5, 0.6, 0.8, 0.9, 1, 1, 2.1, 3.2]);
  });

  it('iridas_3d.cube: matrix scale 0.5 1 1 offset 0 -1 0, then the 2³ table OCIO lists', () => {
    const lut = load('ocio/iridas_3d.cube');
    expect(lut.title).toBe('A test 3D-LUT.');
    const { scale, offset } = scaleOffset(lut.lut3d!.domain);
    expect(scale).toEqual([0.5, 1, 1]);
    expect(offset).toEqual([0, -1, 0]);
    expect(blueFastest(lut.lut3d!)).toEqual([0, 0, 0, 0, 0, 2, 0, 2, 0, 0, 2, 2, 2, 0, 0, 2, 0, 2, 2, 2, 0, 2, 2, 2]);
    // the domain is honoured (FFmpeg's lut3d would not subtract DOMAIN_MIN): (1, 1.5, 0.5) is the cube's centre
    expect(evaluateLut(lut, [1, 1.5, 0.5])).toEqual([1, 1, 1]);
  });

  it('resolve_1d3d.cube: 1D range -1..3 (scale 0.25, offset 0.25), 6-entry shaper, 3D range 0..4 (scale 0.25)', () => {
    const lut = load('ocio/resolve_1d3d.cube');
    expect(scaleOffset(lut.lut1d!.domain)).toEqual({ scale: [0.25, 0.25, 0.25], offset: [0.25, 0.25, 0.25] });
    expect(Array.from(lut.lut1d!.table)).toEqual([3.3, 3.4, 3.5, 3, 3.1, 3.2, 2.2, 2.3, 2.4, 2.1, 2, 2, 1, 1, 1, 0, 0, 0]);
    expect(scaleOffset(lut.lut3d!.domain).scale).toEqual([0.25, 0.25, 0.25]);
    const table = blueFastest(lut.lut3d!);
    expect(table).toHaveLength(81);
    expect(table.slice(0, 3)).toEqual([1.1, 1.1, 1.1]);
    expect(table.slice(12, 15)).toEqual([1, 0.5, 0.5]);
    expect(table.slice(60, 63)).toEqual([0, 1, 0]);
  });
});

describe('every fixture', () => {
  const files = ['colour-science/iridas_cube', 'colour-science/resolve_cube', 'ocio'].flatMap((d) => readdirSync(new URL(`${d}/`, dir)).filter((f) => f.endsWith('.cube')).map((f) => `${d}/${f}`));

  it('has all 19 files', () => expect(files).toHaveLength(19));

  it.each(files)('%s parses and round-trips through serializeCube', (file) => {
    const lut = load(file);
    const again = parseCube(serializeCube(lut));
    if (!again.success) throw new Error(again.issue.message);
    expect(again.lut).toEqual(lut);
  });
});
