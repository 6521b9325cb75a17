/**
 * Converts between Photoshop Imaging API buffers and core's Raster. The Imaging API gives chunky RGB
 * or RGBA; its 16-bit range is 0..32768 unless fullRange was asked for. A Raster is always RGBA with
 * straight alpha and full-range 16-bit (0..65535).
 */
import type { Raster } from '@brandlock/core/raster';

export interface ImagingBuffer {
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA). */
  components: 3 | 4;
  componentSize: 8 | 16;
  data: Uint8Array | Uint16Array;
  /** True when 16-bit data is 0..65535 rather than Photoshop's 0..32768. */
  fullRange: boolean;
}

const PS16_MAX = 32768;

/** Imaging API data to an RGBA Raster (opaque alpha when the data has none). */
export function imagingToRaster(buf: ImagingBuffer): Raster {
  const { width, height, components, componentSize, data } = buf;
  const n = width * height;
  if (data.length !== n * components) {
    throw new RangeError(`Imaging data for ${width}x${height}x${components} needs ${n * components} samples, got ${data.length}`);
  }
  if (componentSize === 8) {
    const out = new Uint8Array(n * 4);
    for (let i = 0, j = 0; i < n; i++, j += components) {
      out[i * 4] = data[j];
      out[i * 4 + 1] = data[j + 1];
      out[i * 4 + 2] = data[j + 2];
      out[i * 4 + 3] = components === 4 ? data[j + 3] : 255;
    }
    return { width, height, depth: 8, data: out };
  }
  const out = new Uint16Array(n * 4);
  const scale = buf.fullRange ? 1 : 65535 / PS16_MAX;
  const to16 = (v: number) => (buf.fullRange ? v : Math.min(65535, Math.round(v * scale)));
  for (let i = 0, j = 0; i < n; i++, j += components) {
    out[i * 4] = to16(data[j]);
    out[i * 4 + 1] = to16(data[j + 1]);
    out[i * 4 + 2] = to16(data[j + 2]);
    out[i * 4 + 3] = components === 4 ? to16(data[j + 3]) : 65535;
  }
  return { width, height, depth: 16, data: out };
}

/** A Raster to Imaging API RGBA data in Photoshop's range (16-bit 0..32768). */
export function rasterToImaging(raster: Raster): ImagingBuffer {
  const { width, height } = raster;
  if (raster.depth === 8) {
    return { width, height, components: 4, componentSize: 8, data: Uint8Array.from(raster.data), fullRange: false };
  }
  const out = new Uint16Array(raster.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.round((raster.data[i] * PS16_MAX) / 65535);
  return { width, height, components: 4, componentSize: 16, data: out, fullRange: false };
}
