/**
 * Grades an image file with a LUT: decodes it keeping the stored pixel values (no colour conversion,
 * no rotation), applies the LUT in place at the file's bit depth, and writes the result with the
 * source's ICC profile, EXIF and XMP, to a temporary name renamed into place when complete.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { applyLut, type CubeLut, type LutInterpolation } from '@brandlock/core';
import { decodeImage, type ImageInfo } from './decode-image';
import { encodeImage, formatForPath, type EncodeFormat } from './encode-image';

export interface ApplyLutToImageOptions {
  interpolation?: LutInterpolation;
  /** JPEG/WebP quality. Default: 92. */
  quality?: number;
}

export interface AppliedLut {
  width: number;
  height: number;
  depth: 8 | 16;
  /** Bit depth written (JPEG and WebP are 8-bit). */
  outputDepth: 8 | 16;
  format: EncodeFormat;
  source: ImageInfo;
  /** Things the user should know, e.g. a profile that could not be kept. */
  notes: string[];
  applyMs: number;
}

/** Thrown for an output path whose format cannot be written or a source that cannot be graded. */
export class LutApplyError extends Error {
  override name = 'LutApplyError';
}

/**
 * Reads `input`, applies `lut`, writes `output` (format from its extension).
 * @example await applyLutToImage(lut, 'in/shot-01.tif', 'out/shot-01.tif', { interpolation: 'tetrahedral' })
 */
export async function applyLutToImage(lut: CubeLut, input: string, output: string, options: ApplyLutToImageOptions = {}): Promise<AppliedLut> {
  const format = formatForPath(output);
  if (!format) throw new LutApplyError(`${output}: cannot tell the output format from the extension; expected .png, .jpg, .jpeg, .tif, .tiff or .webp`);
  const { raster, info } = await decodeImage(input, { depth: 'source', autoOrient: false, convertToSrgb: false });
  if (info.space === 'cmyk') throw new LutApplyError(`${input}: a CMYK image; an RGB LUT applies to RGB images (convert it to RGB first)`);
  const notes: string[] = [];
  const rgbSource = info.channels >= 3;
  if (info.icc && !rgbSource) notes.push(`the source's ${info.iccDescription ?? 'greyscale'} profile describes grey, not RGB, so the output has no profile (sRGB is assumed)`);
  const started = performance.now();
  applyLut(raster, lut, { interpolation: options.interpolation ?? 'tetrahedral' });
  const applyMs = performance.now() - started;
  const outputDepth = format === 'png' || format === 'tiff' ? raster.depth : 8;
  if (outputDepth < raster.depth) notes.push(`${format.toUpperCase()} holds 8 bits per channel; the 16-bit result was rounded to 8`);
  const bytes = await encodeImage(raster, {
    format,
    depth: outputDepth,
    alpha: info.hasAlpha,
    icc: rgbSource ? info.icc : undefined,
    exif: info.exif,
    xmp: info.xmp,
    quality: options.quality,
  });
  const temp = `${output}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, output);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  return { width: raster.width, height: raster.height, depth: raster.depth, outputDepth, format, source: info, notes, applyMs };
}
