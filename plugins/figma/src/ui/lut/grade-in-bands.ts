/**
 * Full-size grading without freezing the plugin window: the LUT (and the strength mix) runs over
 * bands of rows, yielding to the event loop between bands so the window repaints, shows progress and
 * takes a Cancel click. An aborted signal stops it between bands with the signal's reason.
 */
import { applyLut, prepareLut, type CubeLut } from '@brandlock/core/color';
import type { DecodedImage } from '../image/canvas-image';
import { mixStrength } from './mix-strength';

export interface GradeInBandsOptions {
  /** Percent of the grade mixed into the original; 100 by default. */
  strength?: number;
  signal?: AbortSignal;
  /** Called after each band with the fraction done, 0..1. */
  onProgress?(done: number): void;
  /** Pixels per band; about 20 ms of grading each. */
  bandPixels?: number;
}

/** Grades decoded pixels in place, band by band, and returns them. */
export async function gradeInBandsAsync(img: DecodedImage, lut: CubeLut, options: GradeInBandsOptions = {}): Promise<DecodedImage> {
  const { strength = 100, signal, onProgress, bandPixels = 1 << 19 } = options;
  const prepared = prepareLut(lut, 8);
  const rows = Math.max(1, Math.floor(bandPixels / img.width));
  for (let y = 0; y < img.height; y += rows) {
    signal?.throwIfAborted();
    const height = Math.min(rows, img.height - y);
    const band = img.data.subarray(y * img.width * 4, (y + height) * img.width * 4);
    const original = strength < 100 ? band.slice() : null;
    applyLut({ width: img.width, height, depth: 8, data: band }, prepared);
    if (original) band.set(mixStrength(original, band, strength));
    onProgress?.((y + height) / img.height);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  signal?.throwIfAborted();
  return img;
}
