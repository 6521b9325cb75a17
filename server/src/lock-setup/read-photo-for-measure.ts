/**
 * Reads a photo the way QC reads it (sharp decode to 8-bit sRGB, the analysis proxy, core's subject
 * segmentation), so that swatches, library facts and lighting calibration are measured by the same
 * measure that later judges production. Errors name the file.
 */
import { readFile } from 'node:fs/promises';
import { prepareQcImage, type ImageFileFacts, type QcImage } from '@brandlock/core';
import { decodeForQc } from '../pipeline/qc/decode-for-qc';

export interface MeasuredPhoto {
  image: QcImage;
  facts: ImageFileFacts;
  bytes: Uint8Array;
}

/**
 * @example const { image } = await readPhotoForMeasure('ref/ink-1.jpg');
 */
export async function readPhotoForMeasure(path: string, bytes?: Uint8Array, matte?: readonly [number, number, number], maxPixels?: number): Promise<MeasuredPhoto> {
  let data = bytes;
  if (!data) {
    try {
      data = await readFile(path);
    } catch (e) {
      throw new Error(`${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`}`);
    }
  }
  try {
    const decoded = await decodeForQc(data, maxPixels ? { maxPixels } : {});
    return { image: prepareQcImage(decoded.raster, { proxy: decoded.proxy, matte }), facts: decoded.facts, bytes: data };
  } catch (e) {
    // Keep the decode error's code (unsupported format, too many pixels, corrupt) for the HTTP status.
    if ((e as Error).name === 'ImageDecodeError') {
      (e as Error).message = `${path}: ${(e as Error).message}`;
      throw e;
    }
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}
