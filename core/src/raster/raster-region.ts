/**
 * A rectangle of pixels inside a raster (a neutral patch, a background strip, a crop) and the check
 * that a region and a per-pixel mask fit the raster they are used with.
 */
import type { Raster } from './raster';

/** A pixel rectangle: top-left corner and size, in whole pixels. */
export interface RasterRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The region to scan: the given one, or the whole raster. Throws a RangeError naming what is wrong when
 * the region leaves the raster or the mask has the wrong length (both are programmer errors).
 * @example regionOf({ width: 4, height: 2, depth: 8, data }) // { x: 0, y: 0, width: 4, height: 2 }
 */
export function regionOf(raster: Raster, region?: RasterRegion, mask?: Uint8Array): RasterRegion {
  if (mask && mask.length !== raster.width * raster.height) {
    throw new RangeError(`mask has ${mask.length} entries, expected width*height = ${raster.width * raster.height}`);
  }
  if (!region) return { x: 0, y: 0, width: raster.width, height: raster.height };
  const { x, y, width, height } = region;
  const whole = [x, y, width, height].every(Number.isInteger);
  if (!whole || x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > raster.width || y + height > raster.height) {
    throw new RangeError(`region ${x},${y} ${width}x${height} is not inside the ${raster.width}x${raster.height} raster`);
  }
  return region;
}
