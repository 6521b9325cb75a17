/**
 * Encodes at the channel's quality, and when the file is over the channel's byte limit, searches
 * quality downwards (bisection over whole steps) for the best quality that fits. Below the floor it
 * stops and reports that the limit could not be met, rather than ruining the image silently.
 */

export interface WithinBytesResult {
  bytes: Uint8Array;
  quality: number;
  fits: boolean;
  /** Encodes tried, for the record. */
  attempts: number;
}

export const QUALITY_FLOOR = 40;

/**
 * @example await encodeWithinBytes((q) => canvasToJpeg(canvas, q), { quality: 90, maxBytes: 350_000 })
 */
export async function encodeWithinBytes(
  encode: (quality: number) => Promise<Uint8Array>,
  options: { quality: number; maxBytes: number | null; floor?: number },
): Promise<WithinBytesResult> {
  const floor = Math.min(options.floor ?? QUALITY_FLOOR, options.quality);
  let attempts = 1;
  const first = await encode(options.quality);
  if (options.maxBytes === null || first.length <= options.maxBytes) return { bytes: first, quality: options.quality, fits: true, attempts };
  let lo = floor;
  let hi = options.quality - 1;
  let best: { bytes: Uint8Array; quality: number } | null = null;
  let lowest: { bytes: Uint8Array; quality: number } = { bytes: first, quality: options.quality };
  while (lo <= hi) {
    const q = (lo + hi) >> 1;
    const bytes = await encode(q);
    attempts++;
    if (bytes.length <= options.maxBytes) {
      best = { bytes, quality: q };
      lo = q + 1;
    } else {
      lowest = { bytes, quality: q };
      hi = q - 1;
    }
  }
  if (best) return { ...best, fits: true, attempts };
  return { ...lowest, fits: false, attempts };
}
