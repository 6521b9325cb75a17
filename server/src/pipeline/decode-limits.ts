/**
 * What a decode refuses and why: the error type (its `code` says why) and the limits against
 * decompression bombs and oversized files. Kept apart from decode-image so code that reads a file
 * itself (an uncompressed TIFF's strips) applies the same limits without loading libvips.
 */

export type ImageDecodeErrorCode = 'unreadable' | 'unsupported_format' | 'corrupt' | 'too_many_pixels' | 'too_large';

export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
  constructor(
    readonly code: ImageDecodeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_MAX_PIXELS = 100_000_000;
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** Throws too_many_pixels for an image above the limit. */
export function tooManyPixels(width: number, height: number, maxPixels: number): void {
  if (width * height > maxPixels) {
    throw new ImageDecodeError('too_many_pixels', `${width}x${height} is ${(width * height / 1e6).toFixed(1)} MP, above the ${(maxPixels / 1e6).toFixed(0)} MP limit`);
  }
}
