import { describe, expect, it } from 'vitest';
import { createRaster } from '../../raster/raster';
import { applyBalance, applyCurves } from './apply-curves';
import { combineCorrections, exposureCorrection } from './balance-correction';
import { correctionCurves, curvePoints } from './correction-curves';

describe('correction curves', () => {
  it('leaves every code alone with unit gains, at both depths', () => {
    const c8 = correctionCurves({ gains: [1, 1, 1] }, 8);
    const c16 = correctionCurves({ gains: [1, 1, 1] }, 16);
    for (let v = 0; v < 256; v++) expect(c8.r[v]).toBe(v);
    for (let v = 0; v < 65536; v += 97) expect(c16.g[v]).toBe(v);
  });

  it('doubles linear light for +1 EV: sRGB mid-grey 118 becomes 162, white clips', () => {
    const curves = correctionCurves(exposureCorrection({ ev: -1 }), 8);
    expect(curves.r[118]).toBe(162);
    expect(curves.r[255]).toBe(255);
    expect(curves.r[0]).toBe(0);
  });

  it('combines gains by multiplying them', () => {
    expect(combineCorrections({ gains: [2, 1, 0.5] }, { gains: [0.5, 3, 2] }).gains).toEqual([1, 3, 1]);
  });

  it('gives Photoshop Curves points that include the clip point and stay monotonic', () => {
    const pts = curvePoints({ gains: [1.5, 1, 0.8] }, 9);
    expect(pts.g).toHaveLength(9);
    expect(pts.g.every(([i, o]) => i === o)).toBe(true);
    expect(pts.r.length).toBe(10);
    expect(pts.r.some(([i, o]) => o === 255 && i < 255)).toBe(true);
    for (const ch of [pts.r, pts.b]) for (let k = 1; k < ch.length; k++) expect(ch[k][1]).toBeGreaterThanOrEqual(ch[k - 1][1]);
  });

  it('applies into a new raster with alpha untouched and refuses a mismatched target', () => {
    const src = createRaster(2, 1, 8);
    src.data.set([100, 100, 100, 77, 200, 10, 0, 0]);
    const out = applyBalance(src, { gains: [2, 1, 1] }, createRaster(2, 1, 8));
    expect([...out.data]).toEqual([138, 100, 100, 77, 255, 10, 0, 0]);
    expect(src.data[0]).toBe(100);
    expect(() => applyCurves(src, correctionCurves({ gains: [1, 1, 1] }, 16))).toThrow(/16-bit/);
    expect(() => applyBalance(src, { gains: [1, 1, 1] }, createRaster(3, 1, 8))).toThrow(/does not match/);
  });
});
