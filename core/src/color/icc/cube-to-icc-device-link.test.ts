import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLut3d } from '../lut/build-lut';
import type { CubeLut, Rgb } from '../lut/cube-lut';
import { evaluateLut } from '../lut/evaluate-lut';
import { parseCubeOrThrow } from '../lut/parse-cube-or-throw';
import { cubeToIccDeviceLink } from './cube-to-icc-device-link';
import { parseIccProfile, type IccProfileInfo } from './parse-icc-profile';
import { lut16Evaluator, readLut16 } from './read-lut16';

const warmStudio = parseCubeOrThrow(readFileSync(new URL('../../../../samples/luts/warm-studio.cube', import.meta.url), 'utf8'));
const shaperLut = parseCubeOrThrow(readFileSync(new URL('../../../test-fixtures/luts/colour-science/resolve_cube/Three_Dimensional_Table_With_Shaper.cube', import.meta.url), 'utf8'));

function parse(bytes: Uint8Array): IccProfileInfo {
  const res = parseIccProfile(bytes);
  if (!res.success) throw new Error(res.message);
  return res.profile;
}

/** Largest difference between the profile's A2B0 and the .cube (tetrahedral) over a grid of test colours. */
function worstDifference(lut: CubeLut, bytes: Uint8Array, steps = 9): number {
  const profile = parse(bytes);
  const link = lut16Evaluator(readLut16(bytes, profile.tags.find((t) => t.signature === 'A2B0')!));
  let worst = 0;
  for (let i = 0; i <= steps; i++)
    for (let j = 0; j <= steps; j++)
      for (let k = 0; k <= steps; k++) {
        const rgb: Rgb = [i / steps, ((j + 0.37) % steps) / steps, (k * 0.83) / steps];
        const want = evaluateLut(lut, rgb).map((v) => Math.min(1, Math.max(0, v)));
        link(rgb).forEach((v, c) => (worst = Math.max(worst, Math.abs(v - want[c]))));
      }
  return worst;
}

describe('cubeToIccDeviceLink', () => {
  it('writes a v2.4 RGB to RGB DeviceLink with the tags the spec requires, laid out on 4-byte boundaries', () => {
    const bytes = cubeToIccDeviceLink(warmStudio, { grid: 33, created: new Date(Date.UTC(2026, 10, 27, 9, 30, 5)) });
    const p = parse(bytes);
    expect(p).toMatchObject({ size: bytes.length, version: '2.4.0', deviceClass: 'link', colorSpace: 'RGB ', pcs: 'RGB ', renderingIntent: 0 });
    expect(p.created.toISOString()).toBe('2026-11-27T09:30:05.000Z');
    expect(p.illuminant.map((v) => +v.toFixed(4))).toEqual([0.9642, 1, 0.8249]);
    expect(p.tags.map((t) => `${t.signature}:${t.type}`).sort()).toEqual(['A2B0:mft2', 'cprt:text', 'desc:desc', 'pseq:pseq']);
    expect(bytes.length % 4).toBe(0);
    for (const t of p.tags) expect(t.offset % 4).toBe(0);
    // tags do not overlap and start after the tag table
    const sorted = [...p.tags].sort((a, b) => a.offset - b.offset);
    expect(sorted[0].offset).toBeGreaterThanOrEqual(132 + 12 * p.tags.length);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].offset).toBeGreaterThanOrEqual(sorted[i - 1].offset + sorted[i - 1].size);
    // the description is the LUT title, in the textDescriptionType layout
    const desc = p.tags.find((t) => t.signature === 'desc')!;
    const count = new DataView(bytes.buffer).getUint32(desc.offset + 8);
    expect(new TextDecoder().decode(bytes.subarray(desc.offset + 12, desc.offset + 12 + count - 1))).toBe('Northfold warm studio');
    // bytes 44..127 other than the illuminant are zero in a v2 profile (no profile ID)
    expect(Array.from(bytes.subarray(84, 128)).every((b) => b === 0)).toBe(true);
  });

  it('carries the .cube table itself when the grid matches: 33 points, identity curves, 16-bit values', () => {
    const bytes = cubeToIccDeviceLink(warmStudio, 33);
    const lut16 = readLut16(bytes, parse(bytes).tags.find((t) => t.signature === 'A2B0')!);
    expect(lut16).toMatchObject({ inputChannels: 3, outputChannels: 3, gridPoints: 33 });
    expect(lut16.matrix).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    // ICC order is red slowest: entry (r=1, g=0, b=0) is the 33²-th; in the .cube it is the second
    const at = 33 * 33 * 3;
    for (let c = 0; c < 3; c++) expect(lut16.clut[at + c]).toBe(Math.round(warmStudio.lut3d!.table[3 + c] * 65535));
    expect(worstDifference(warmStudio, bytes)).toBeLessThan(1 / 65535 + 1e-9);
  });

  it('resamples to 17 and 65 points and folds in a shaper and input ranges', () => {
    expect(worstDifference(warmStudio, cubeToIccDeviceLink(warmStudio, 17))).toBeLessThan(0.004);
    expect(worstDifference(warmStudio, cubeToIccDeviceLink(warmStudio, 65))).toBeLessThan(1e-4);
    const smooth = buildLut3d(5, (r, g, b) => [0.5 * r + 0.25, g * g, 1 - b]);
    expect(worstDifference(smooth, cubeToIccDeviceLink(smooth, 33))).toBeLessThan(1e-3);
    expect(worstDifference(shaperLut, cubeToIccDeviceLink(shaperLut, 65))).toBeLessThan(0.02);
  });

  it('gives the same bytes for the same LUT, and refuses a grid out of range', () => {
    expect(Buffer.from(cubeToIccDeviceLink(warmStudio)).equals(Buffer.from(cubeToIccDeviceLink(warmStudio)))).toBe(true);
    expect(() => cubeToIccDeviceLink(warmStudio, 256)).toThrow(/grid 256 is out of range/);
  });

  it('rejects bytes that are not a profile', () => {
    const bytes = cubeToIccDeviceLink(warmStudio, 17);
    expect(parseIccProfile(bytes.subarray(0, 100))).toMatchObject({ success: false, message: expect.stringMatching(/too short/) });
    const broken = bytes.slice();
    broken[36] = 0x41;
    expect(parseIccProfile(broken)).toMatchObject({ success: false, message: expect.stringMatching(/'acsp'/) });
    expect(parseIccProfile(bytes.subarray(0, bytes.length - 4))).toMatchObject({ success: false, message: expect.stringMatching(/header says/) });
  });
});
