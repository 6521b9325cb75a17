/**
 * A small PNG encoder (RGBA, 8 or 16 bit) so the panel can upload document pixels to the server
 * without a temporary Photoshop save: UXP has no canvas encoder and the Imaging API only encodes JPEG
 * without alpha. Rows use the Sub filter, which suits photographs; deflate comes from fflate.
 */
import type { Raster } from '@brandlock/core/raster';
import { concatBytes, pngChunk } from '@brandlock/core/channels';
import { zlibSync } from 'fflate';

/** Encodes a Raster as a PNG (colour type 6, RGBA; 16-bit samples big-endian). */
export function encodePng(raster: Raster): Uint8Array {
  const { width, height, depth, data } = raster;
  const bytesPerPixel = depth === 8 ? 4 : 8;
  const stride = width * bytesPerPixel;
  const raw = new Uint8Array((stride + 1) * height);
  const row = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const base = y * width * 4;
    if (depth === 8) {
      row.set(data.subarray(base, base + width * 4) as Uint8Array);
    } else {
      for (let i = 0; i < width * 4; i++) {
        const v = data[base + i];
        row[i * 2] = v >> 8;
        row[i * 2 + 1] = v & 255;
      }
    }
    const o = y * (stride + 1);
    raw[o] = 1;
    for (let i = 0; i < stride; i++) raw[o + 1 + i] = (row[i] - (i >= bytesPerPixel ? row[i - bytesPerPixel] : 0)) & 255;
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = depth;
  ihdr[9] = 6;
  return concatBytes([
    Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlibSync(raw, { level: 6 })),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}
