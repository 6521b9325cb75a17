// Exposure on synthetic studio shots: crushed shadows mean black in every channel, and the level is
// read on the fabric, not on a logo.
import { describe, expect, it } from 'vitest';
import { parseColor } from '../../color/parse-color';
import type { Raster } from '../../raster/raster';
import { prepareQcImage } from '../qc-image';
import { buildQcContext } from '../build-qc-context';
import { measureSwatch } from '../measure/measure-swatch';
import { checkExposure } from './check-exposure';
import { syntheticGarment, withPatch, type SyntheticImage } from '../../../test-fixtures/qc/synthetic-garment';
import { jpegFacts, sampleLock, smallCategory } from '../../../test-fixtures/qc/sample-lock';

const lock = sampleLock();
const category = smallCategory(lock, 'jersey', 400, 600);
const BG = [244, 241, 236] as const;
const lab = (hex: string) => (parseColor(hex) as { lab: { l: number; a: number; b: number } }).lab;

/** Pins the swatch measured on `reference` (as a brand pins an approved photo) and runs the exposure rule on `raster`. */
function exposure(reference: Raster, raster: Raster) {
  const pinned = measureSwatch(prepareQcImage(reference, { matte: BG }))!;
  const swatch = { input: 'pinned', lab: pinned.lab, hex: pinned.hex, swatchId: null, name: 'pinned', tolerance: 3 };
  const ctx = buildQcContext(lock, { category, channel: null, swatch, file: jpegFacts(raster.width, raster.height) });
  return checkExposure(prepareQcImage(raster, { matte: BG }), ctx);
}

/** The lower `share` of the garment painted in one colour: a deep fold. */
function withFold(img: SyntheticImage, share: number, rgb: readonly [number, number, number]): Raster {
  const data = new Uint8Array(img.raster.data);
  const top = Math.round(img.raster.height * (0.84 - (0.84 - 0.16) * share));
  for (let y = top; y < img.raster.height; y++) for (let x = 0; x < img.raster.width; x++) if (img.mask.data[y * img.raster.width + x]) data.set(rgb, (y * img.raster.width + x) * 4);
  return { ...img.raster, data };
}

describe('checkExposure', () => {
  it('does not call a saturated red fold with green and blue at 0 crushed; a black one is', () => {
    const red = syntheticGarment({ width: 400, height: 600, garment: lab('#d8392b'), background: BG });
    const redFold = exposure(red.raster, withFold(red, 0.1, [96, 0, 0])).find((f) => f.check === 'shadow-clip')!;
    expect(redFold.measured).toBe(0);
    expect(redFold.severity).toBe('pass');
    const blackFold = exposure(red.raster, withFold(red, 0.1, [0, 1, 0])).find((f) => f.check === 'shadow-clip')!;
    expect(blackFold.measured as number).toBeGreaterThan(2);
    expect(blackFold.severity).toBe('reject');
  });

  it('reads a navy garment with a large white logo at its own level, not as over-exposed', () => {
    const navy = syntheticGarment({ width: 400, height: 600, garment: lab('#1f2a44'), background: BG });
    const logo = withPatch(navy, [0.38, 0.28, 0.24, 0.2], [246, 246, 246]);
    const level = exposure(navy.raster, logo).find((f) => f.check === 'level')!;
    expect(Math.abs(level.measured as number)).toBeLessThan(0.1);
    expect(level.severity).toBe('pass');
  });
});
