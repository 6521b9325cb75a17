import { describe, expect, it } from 'vitest';
import { segmentSubject } from './segment-subject';
import { rasterToLab } from './lab-image';
import { maskIou } from './mask';
import { parseColor } from '../color/parse-color';
import { syntheticGarment, withSpots } from '../../test-fixtures/qc/synthetic-garment';

const lab = (c: string) => {
  const p = parseColor(c);
  if (!p.success) throw new Error(p.message);
  return p.lab;
};

describe('segmentSubject on synthetic studio shots with a known mask', () => {
  const cases: [string, string, [number, number, number]][] = [
    ['navy on warm off-white', '#1f2a44', [244, 241, 236]],
    ['sage on warm off-white', '#9caf88', [244, 241, 236]],
    ['poppy on pure white', '#d8392b', [255, 255, 255]],
    ['chalk on pale grey', '#f2efe9', [214, 216, 220]],
    ['black on mid grey', '#111111', [150, 150, 150]],
  ];
  it.each(cases)('%s: IoU above 0.97 and the box around the garment', (_name, garment, background) => {
    const img = syntheticGarment({ width: 300, height: 450, garment: lab(garment), background, falloff: 8 });
    const seg = segmentSubject(rasterToLab(img.raster));
    expect(seg.source).toBe('background');
    expect(maskIou(seg.mask, img.mask)).toBeGreaterThan(0.97);
    expect(seg.box!.x).toBeGreaterThan(300 * 0.16);
    expect(seg.box!.y).toBeGreaterThan(450 * 0.14);
    expect(seg.strays).toHaveLength(0);
  });

  it('reports stray objects on the backdrop apart from the subject', () => {
    const img = syntheticGarment({ width: 300, height: 450, garment: lab('#9caf88'), background: [244, 241, 236] });
    const seg = segmentSubject(rasterToLab(withSpots(img, [[30, 420, 5], [270, 30, 3]], [60, 60, 60])));
    expect(seg.strays).toHaveLength(2);
    expect(maskIou(seg.mask, img.mask)).toBeGreaterThan(0.97);
  });

  it('uses the alpha channel of a cutout', () => {
    const img = syntheticGarment({ width: 200, height: 300, garment: lab('#9caf88'), background: [0, 0, 0] });
    const data = new Uint8Array(img.raster.data);
    for (let i = 0; i < img.coverage.length; i++) data[i * 4 + 3] = Math.round(img.coverage[i] * 255);
    const seg = segmentSubject(rasterToLab({ ...img.raster, data }));
    expect(seg.source).toBe('alpha');
    expect(maskIou(seg.mask, img.mask)).toBeGreaterThan(0.99);
  });
});
