/**
 * A small JPEG of the analysed image for the HTML report, with the subject outline as SVG path data
 * (drawn over the JPEG in the browser, so it stays crisp and can be toggled).
 */
import sharp from 'sharp';
import { maskOutlinePath, type QcImage } from '@brandlock/core';

export interface QcThumbnail {
  /** JPEG bytes, longest side `size` px. */
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** Full-resolution size of the image, the coordinate space of finding boxes. */
  fullWidth: number;
  fullHeight: number;
  outline: { path: string; width: number; height: number };
}

export const THUMBNAIL_SIZE = 240;

/**
 * @example const thumb = await qcThumbnail(image);
 */
export async function qcThumbnail(image: QcImage, size = THUMBNAIL_SIZE): Promise<QcThumbnail> {
  const { proxy, matte } = image;
  const { data, info } = await sharp(proxy.data, { raw: { width: proxy.width, height: proxy.height, channels: 4 } })
    .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: { r: matte[0], g: matte[1], b: matte[2] } })
    .jpeg({ quality: 72, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return {
    jpeg: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
    fullWidth: image.full.width,
    fullHeight: image.full.height,
    outline: maskOutlinePath(image.subject.mask, 128),
  };
}
