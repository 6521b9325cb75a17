/**
 * A TIFF writer for exporting without the server (browsers cannot encode TIFF from a canvas): one
 * strip of 8-bit RGB (or RGBA with unassociated alpha when any pixel is not opaque), Adobe Deflate
 * compressed (compression 8, zlib), at the channel's dpi (72 by default), little-endian; readable by Photoshop, libvips and DAMs.
 * With an ICC profile when given (tag 34675): the plugin gives the sRGB profile the pixels are in.
 */
import { zlibSync } from 'fflate';

export function encodeTiff(width: number, height: number, rgba: Uint8Array | Uint8ClampedArray, icc?: Uint8Array, dpi = 72): Uint8Array {
  if (rgba.length !== width * height * 4) throw new RangeError(`encodeTiff: ${width}x${height} needs ${width * height * 4} bytes, got ${rgba.length}`);
  let opaque = true;
  for (let i = 3; i < rgba.length; i += 4) {
    if (rgba[i] !== 255) {
      opaque = false;
      break;
    }
  }
  const spp = opaque ? 3 : 4;
  const raw = new Uint8Array(width * height * spp);
  if (opaque) {
    for (let s = 0, d = 0; s < rgba.length; s += 4, d += 3) {
      raw[d] = rgba[s];
      raw[d + 1] = rgba[s + 1];
      raw[d + 2] = rgba[s + 2];
    }
  } else raw.set(rgba);
  const packed = zlibSync(raw, { level: 6 });
  const pixels = packed.length;
  const entries: [tag: number, type: number, count: number, value: number][] = [];
  // Layout: header (8) | pixels | bits-per-sample (2*spp) | x res (8) | y res (8) | ICC profile | IFD.
  const pixelOffset = 8;
  const bpsOffset = pixelOffset + pixels + (pixels % 2);
  const xresOffset = bpsOffset + 2 * spp;
  const yresOffset = xresOffset + 8;
  const iccOffset = yresOffset + 8;
  const iccLength = icc?.length ?? 0;
  const ifdOffset = iccOffset + iccLength + (iccLength % 2);
  const SHORT = 3;
  const LONG = 4;
  const RATIONAL = 5;
  const UNDEFINED = 7;
  entries.push([256, LONG, 1, width], [257, LONG, 1, height], [258, SHORT, spp, bpsOffset], [259, SHORT, 1, 8], [262, SHORT, 1, 2]);
  entries.push([273, LONG, 1, pixelOffset], [277, SHORT, 1, spp], [278, LONG, 1, height], [279, LONG, 1, pixels]);
  entries.push([282, RATIONAL, 1, xresOffset], [283, RATIONAL, 1, yresOffset], [284, SHORT, 1, 1], [296, SHORT, 1, 2]);
  if (!opaque) entries.push([338, SHORT, 1, 2]);
  if (icc) entries.push([34675, UNDEFINED, iccLength, iccOffset]);
  const total = ifdOffset + 2 + entries.length * 12 + 4;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0], 0);
  dv.setUint32(4, ifdOffset, true);
  out.set(packed, pixelOffset);
  if (icc) out.set(icc, iccOffset);
  for (let i = 0; i < spp; i++) dv.setUint16(bpsOffset + 2 * i, 8, true);
  for (const off of [xresOffset, yresOffset]) {
    dv.setUint32(off, Math.max(1, Math.round(dpi)), true);
    dv.setUint32(off + 4, 1, true);
  }
  dv.setUint16(ifdOffset, entries.length, true);
  entries.forEach(([tag, type, count, value], i) => {
    const e = ifdOffset + 2 + i * 12;
    dv.setUint16(e, tag, true);
    dv.setUint16(e + 2, type, true);
    dv.setUint32(e + 4, count, true);
    const inline = type === SHORT && count === 1;
    if (inline) dv.setUint16(e + 8, value, true);
    else dv.setUint32(e + 8, value, true);
  });
  dv.setUint32(ifdOffset + 2 + entries.length * 12, 0, true);
  return out;
}
