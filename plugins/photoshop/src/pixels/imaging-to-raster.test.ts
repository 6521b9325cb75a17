// Imaging API buffers (RGB or RGBA, Photoshop's 0..32768 16-bit range) to core's RGBA Raster and back.
import { expect, it } from 'vitest';
import { imagingToRaster, rasterToImaging } from './imaging-to-raster';

it('adds opaque alpha to 8-bit RGB data', () => {
  const r = imagingToRaster({ width: 2, height: 1, components: 3, componentSize: 8, data: Uint8Array.from([1, 2, 3, 4, 5, 6]), fullRange: false });
  expect(Array.from(r.data)).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
  expect(r.depth).toBe(8);
});

it("maps Photoshop's 16-bit 0..32768 to 0..65535 and back", () => {
  const r = imagingToRaster({
    width: 1, height: 1, components: 4, componentSize: 16, data: Uint16Array.from([0, 16384, 32768, 32768]), fullRange: false,
  });
  expect(Array.from(r.data)).toEqual([0, 32768, 65535, 65535]);
  expect(Array.from(rasterToImaging(r).data)).toEqual([0, 16384, 32768, 32768]);
});

it('keeps full-range 16-bit data as it is', () => {
  const r = imagingToRaster({ width: 1, height: 1, components: 3, componentSize: 16, data: Uint16Array.from([1, 40000, 65535]), fullRange: true });
  expect(Array.from(r.data)).toEqual([1, 40000, 65535, 65535]);
});

it('refuses a buffer that does not match its size', () => {
  expect(() => imagingToRaster({ width: 2, height: 2, components: 3, componentSize: 8, data: new Uint8Array(11), fullRange: false }))
    .toThrow('Imaging data for 2x2x3 needs 12 samples, got 11');
});
