// The swatch definition on synthetic studio shots with one known change each: shading, a print.
import { describe, expect, it } from 'vitest';
import { deltaE2000 } from '../../color/delta-e-2000';
import { parseColor } from '../../color/parse-color';
import { prepareQcImage } from '../qc-image';
import { measureSwatch, measureRasterSwatch } from './measure-swatch';
import { fabricMask } from './fabric-mask';
import { syntheticGarment, withPatch, withShadedPart } from '../../../test-fixtures/qc/synthetic-garment';

const BG = [244, 241, 236] as const;
const lab = (hex: string) => {
  const c = parseColor(hex);
  if (!c.success) throw new Error(hex);
  return c.lab;
};
const navy = syntheticGarment({ width: 400, height: 600, garment: lab('#1f2a44'), background: BG });
const sage = syntheticGarment({ width: 400, height: 600, garment: lab('#9caf88'), background: BG });

describe('measureSwatch', () => {
  it('reads an evenly lit textured fabric as its colour (the texture is symmetric round it)', () => {
    for (const [img, hex] of [[navy, '#1f2a44'], [sage, '#9caf88']] as const) {
      const s = measureSwatch(prepareQcImage(img.raster))!;
      expect(deltaE2000(s.lab, lab(hex))).toBeLessThan(0.6);
      expect(s.fabricShare).toBeGreaterThan(0.95);
      expect(s.measure).toBe('brandlock-swatch/1');
    }
  });

  it('is the colour of the lit fabric: a fold darkening 40% of the garment by a stop moves it less than 0.5 ΔE00', () => {
    const flat = measureSwatch(prepareQcImage(sage.raster))!;
    const folded = measureSwatch(prepareQcImage(withShadedPart(sage, 0.5, 0.5)))!;
    expect(deltaE2000(flat.lab, folded.lab)).toBeLessThan(0.5);
  });

  it('leaves a white logo on navy out, and reports where it is', () => {
    const logo = withPatch(navy, [0.42, 0.3, 0.16, 0.14], [248, 248, 248]);
    const image = prepareQcImage(logo);
    const s = measureSwatch(image)!;
    expect(deltaE2000(s.lab, lab('#1f2a44'))).toBeLessThan(0.6);
    const regions = fabricMask(image)!.regions;
    expect(regions.length).toBeGreaterThanOrEqual(1);
    expect(regions[0].lab.l).toBeGreaterThan(90);
    // The logo box on the proxy covers the painted patch (x 168..232, y 180..264 on 400x600).
    expect(regions[0].box.x).toBeGreaterThanOrEqual(166);
    expect(regions[0].box.x + regions[0].box.width).toBeLessThanOrEqual(234);
    // The eyedropper point is on the fabric, not on the logo.
    const { x, y } = s.point;
    expect(x >= 168 && x < 232 && y >= 180 && y < 264).toBe(false);
  });

  it('measures a raster inside a subject mask given by the caller (a Select Subject selection)', () => {
    const s = measureRasterSwatch(sage.raster, { subjectMask: sage.mask })!;
    expect(deltaE2000(s.lab, lab('#9caf88'))).toBeLessThan(0.6);
  });
});
