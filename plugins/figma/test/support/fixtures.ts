/** Image fixtures made by code: solid PNGs with coloured boxes at known places. */
import { encodePng, paintImage } from './png';

export type Rgb8 = [number, number, number];

export function pngBytes(width: number, height: number, background: Rgb8, boxes: { x: number; y: number; w: number; h: number; rgb: Rgb8 }[] = []): Uint8Array {
  return encodePng(paintImage(width, height, background, boxes));
}

/** A PNG header claiming a size, for Figma's size limit (only the header is read before refusing). */
export function pngHeaderOnly(width: number, height: number): Uint8Array {
  const full = pngBytes(1, 1, [0, 0, 0]);
  const dv = new DataView(full.buffer);
  dv.setUint32(16, width);
  dv.setUint32(20, height);
  return full;
}
