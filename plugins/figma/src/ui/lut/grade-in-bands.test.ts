import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCubeOrThrow } from '@brandlock/core/color';
import { gradePixels } from './grade-image';
import { gradeInBandsAsync } from './grade-in-bands';
import { mixStrength } from './mix-strength';

const lut = parseCubeOrThrow(readFileSync(new URL('../../../../../samples/luts/warm-studio.cube', import.meta.url), 'utf8'));

function photo(width: number, height: number) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = i % 4 === 3 ? 255 : (i * 37 + (i >> 7)) & 255;
  return { width, height, data };
}

describe('gradeInBandsAsync', () => {
  it('gives the same bytes as grading in one go, at full strength and at 50 %, reporting progress band by band', async () => {
    const whole = gradePixels(photo(64, 50), lut).data;
    const progress: number[] = [];
    const banded = await gradeInBandsAsync(photo(64, 50), lut, { bandPixels: 64 * 16, onProgress: (d) => progress.push(d) });
    expect(banded.data).toEqual(whole);
    expect(progress).toEqual([16 / 50, 32 / 50, 48 / 50, 1]);
    const half = await gradeInBandsAsync(photo(64, 50), lut, { strength: 50, bandPixels: 64 * 16 });
    expect(half.data).toEqual(mixStrength(photo(64, 50).data, whole, 50));
  });

  it('stops between bands when canceled, with the abort reason, leaving the rest ungraded', async () => {
    const img = photo(64, 50);
    const controller = new AbortController();
    const err = await gradeInBandsAsync(img, lut, { bandPixels: 64 * 16, signal: controller.signal, onProgress: () => controller.abort() }).catch((e) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect(err.name).toBe('AbortError');
    const untouched = photo(64, 50).data.subarray(64 * 16 * 4);
    expect(img.data.subarray(64 * 16 * 4)).toEqual(untouched);
  });
});
