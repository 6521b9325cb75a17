/**
 * A small JPEG of the analysed image for the HTML report, with the subject outline and the regions the
 * fabric mask left out (prints, logos, trims) as SVG path data (drawn over the JPEG in the browser, so
 * they stay crisp and can be toggled).
 */
import sharp from 'sharp';
import { fabricMask, maskOutlinePath, type QcImage } from '@brandlock/core';

export interface QcThumbnail {
  /** JPEG bytes, longest side `size` px. */
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** Full-resolution size of the image, the coordinate space of finding boxes. */
  fullWidth: number;
  fullHeight: number;
  outline: { path: string; width: number; height: number };
  /** The regions left out of the fabric (prints, logos, trims), on the same grid as `outline`. */
  excluded?: { path: string } | null;
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
    excluded: excludedOutline(image),
  };
}

/** The fabric mask's left-out regions as a path on the subject outline's grid, or null when none were found. */
function excludedOutline(image: QcImage): { path: string } | null {
  const fabric = fabricMask(image);
  if (!fabric || !fabric.regions.length) return null;
  return { path: maskOutlinePath(fabric.excluded, 128).path };
}
