/**
 * Decodes an image for grading: the pixel values as stored (no colour conversion, no rotation), at the
 * file's bit depth, straight from libvips into the buffer the LUT is applied to: RGB for opaque files,
 * RGBA when the file has alpha (greyscale files become RGB). Also reads how a TIFF was stored, so the
 * graded copy can be stored the same way.
 */
import { open } from 'node:fs/promises';
import sharp from 'sharp';
import { DEFAULT_MAX_PIXELS, ImageDecodeError, probeImage, type ImageInfo } from '../decode-image';
import { readTiffDirectory, tiffValue, TIFF_TAG } from '../file-metadata/tiff-directory';

export interface PixelsForGrading {
  width: number;
  height: number;
  depth: 8 | 16;
  channels: 3 | 4;
  data: Uint8Array | Uint16Array;
  info: ImageInfo;
  /** For a TIFF source: its compression and predictor tags, and whether Photoshop layers ride along. */
  tiff?: { compression?: number; predictor?: number; layers: boolean };
}

/** @example const px = await decodeForGrading('shoot/a.tif'); applyLutToPixels(px, prepared); */
export async function decodeForGrading(input: string, options: { maxPixels?: number } = {}): Promise<PixelsForGrading> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const info = await probeImage(input, { maxPixels });
  if (info.space === 'cmyk') throw new ImageDecodeError('unsupported_format', 'a CMYK image; an RGB LUT applies to RGB images (convert it to RGB first)');
  const depth = info.bitsPerSample >= 16 ? 16 : 8;
  const channels = info.hasAlpha ? 4 : 3;
  let data: Uint8Array | Uint16Array;
  let width: number;
  let height: number;
  try {
    const { data: buf, info: out } = await sharp(input, { limitInputPixels: maxPixels, failOn: 'truncated', ignoreIcc: true })
      .toColourspace(depth === 16 ? 'rgb16' : 'srgb')
      .raw({ depth: depth === 16 ? 'ushort' : 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (out.channels !== channels) throw new ImageDecodeError('corrupt', `decoded to ${out.channels} channels, expected ${channels}`);
    data = depth === 16 ? new Uint16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    width = out.width;
    height = out.height;
  } catch (e) {
    if (e instanceof ImageDecodeError) throw e;
    throw new ImageDecodeError('corrupt', `cannot decode the image: ${(e as Error).message}`);
  }
  const tiff = info.format === 'tiff' ? await tiffStorage(input) : undefined;
  return { width, height, depth, channels, data, info, tiff };
}

async function tiffStorage(path: string): Promise<PixelsForGrading['tiff']> {
  const file = await open(path, 'r');
  try {
    const dir = await readTiffDirectory(async (position, length) => {
      const buf = new Uint8Array(length);
      const { bytesRead } = await file.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    });
    if (!dir) return { layers: false };
    return { compression: tiffValue(dir, TIFF_TAG.compression), predictor: tiffValue(dir, TIFF_TAG.predictor), layers: dir.entries.some((e) => e.tag === TIFF_TAG.photoshopLayers) };
  } finally {
    await file.close();
  }
}
