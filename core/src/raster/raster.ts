/**
 * The Raster: an interleaved, straight-alpha (not premultiplied) RGBA pixel buffer with its bit depth.
 * Every pixel operation in core takes and returns these, so the same code runs on sharp's raw output,
 * Photoshop's Imaging API and a canvas ImageData.
 */

export type BitDepth = 8 | 16;

export interface Raster {
  readonly width: number;
  readonly height: number;
  /** 8-bit data is a Uint8Array (or Uint8ClampedArray), 16-bit data a Uint16Array. */
  readonly depth: BitDepth;
  /** Always 4 channels, RGBA, row-major, length width * height * 4. Alpha is straight. */
  readonly data: Uint8Array | Uint8ClampedArray | Uint16Array;
}

/** The largest code value for a depth: 255 or 65535. */
export function maxValue(depth: BitDepth): number {
  return depth === 8 ? 255 : 65535;
}

/**
 * Allocates an opaque-black raster (alpha set to the maximum).
 * @example createRaster(2, 2, 8).data.length // 16
 */
export function createRaster(width: number, height: number, depth: BitDepth = 8): Raster {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`Raster size must be positive integers, got ${width}x${height}`);
  }
  const data = depth === 8 ? new Uint8Array(width * height * 4) : new Uint16Array(width * height * 4);
  const max = maxValue(depth);
  for (let i = 3; i < data.length; i += 4) data[i] = max;
  return { width, height, depth, data };
}

/** Checks that a buffer matches the size and depth it claims; throws with what is wrong. */
export function assertRaster(r: Raster): void {
  const expected = r.width * r.height * 4;
  if (r.data.length !== expected) {
    throw new RangeError(`Raster ${r.width}x${r.height} needs ${expected} samples, buffer has ${r.data.length}`);
  }
  if (r.depth === 16 && !(r.data instanceof Uint16Array)) {
    throw new TypeError('A 16-bit raster needs a Uint16Array');
  }
  if (r.depth === 8 && r.data instanceof Uint16Array) {
    throw new TypeError('An 8-bit raster needs a Uint8Array');
  }
}
