/**
 * Measures the swatch of one photo file as QC reads it (decode as QC decodes, segment or use a given
 * subject mask, then core's measureSwatch), with the photo's SHA-256 for pinning it in a lock.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { fullBox, measureSwatch, fabricMask, prepareQcImage, type Box, type Lab, type Mask, type SwatchMeasure } from '@brandlock/core';
import { decodeForQc } from './decode-for-qc';

export interface SwatchFileMeasure {
  sha256: string;
  width: number;
  height: number;
  /** Where the garment outline came from. */
  subject: 'alpha' | 'background' | 'mask file';
  swatch: SwatchMeasure;
  /** Regions left out of the fabric (prints, logos, trims), full-resolution boxes. */
  excluded: { box: Box; share: number; lab: Lab }[];
}

/** Thrown when the photo has no fabric to measure; the message says why. */
export class SwatchMeasureError extends Error {
  override name = 'SwatchMeasureError';
}

/**
 * @example const m = await measureSwatchFile('approved/ink-shirt.jpg'); m.swatch.lab
 */
export async function measureSwatchFile(path: string, options: { maskPath?: string; maxPixels?: number } = {}): Promise<SwatchFileMeasure> {
  const bytes = await readFile(path);
  const decoded = await decodeForQc(bytes, { maxPixels: options.maxPixels });
  const subjectMask = options.maskPath ? await readMask(options.maskPath, decoded.raster.width, decoded.raster.height) : undefined;
  const image = prepareQcImage(decoded.raster, { proxy: decoded.proxy, subjectMask });
  const swatch = measureSwatch(image);
  if (!swatch) {
    throw new SwatchMeasureError(
      image.subject.box
        ? 'no fabric to measure: every garment pixel is clipped, transparent or on the outline'
        : 'no garment found: the photo looks like backdrop only (give --mask with the garment in white)',
    );
  }
  const fabric = fabricMask(image);
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    width: decoded.raster.width,
    height: decoded.raster.height,
    subject: subjectMask ? 'mask file' : image.subject.source,
    swatch,
    excluded: (fabric?.regions ?? []).map((r) => ({ box: fullBox(image, r.box), share: r.share, lab: r.lab })),
  };
}

/** A mask image the size of the photo: white (or opaque, for an alpha-only PNG) is garment. */
async function readMask(path: string, width: number, height: number): Promise<Mask> {
  const { data, info } = await sharp(await readFile(path)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height) throw new SwatchMeasureError(`${path}: the mask is ${info.width}x${info.height}, the photo ${width}x${height}; expected the same size`);
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) out[i] = data[p + 3] >= 128 && data[p] + data[p + 1] + data[p + 2] >= 384 ? 1 : 0;
  return { width, height, data: out };
}
