/**
 * Turns a crop window (core's subject-aware crop: a rectangle in image pixels with the channel's exact
 * aspect, which may run past the image where the channel pads) into what Figma draws: a layer placed
 * in the frame where the image shows, and the image fill's CROP transform. Figma's transform maps the
 * layer's unit square onto the image's unit square: [[w/W, 0, x/W], [0, h/H, y/H]] for the visible
 * part (x, y, w, h) of a W x H image.
 */
import type { AffineTransform, Box, Size } from '../protocol/geometry';

export interface ImageFillPlacement {
  /** The image layer in frame pixels. */
  rect: Box;
  transform: AffineTransform;
  /** Image pixels per frame pixel along x: below 1 means the channel upsamples the source. */
  sourcePixelsPerOutputPixel: number;
}

/**
 * @example windowToImageFill({ x: 100, y: 0, width: 800, height: 1000 }, { width: 1000, height: 1000 }, { width: 1080, height: 1350 })
 * // { rect: { x: 0, y: 0, width: 1080, height: 1350 }, transform: [[0.8, 0, 0.1], [0, 1, 0]], ... }
 */
export function windowToImageFill(window: Box, image: Size, frame: Size): ImageFillPlacement {
  if (!(window.width > 0 && window.height > 0)) throw new RangeError(`windowToImageFill: empty crop window ${window.width}x${window.height}`);
  const sx = frame.width / window.width;
  const sy = frame.height / window.height;
  const x0 = Math.max(0, window.x);
  const y0 = Math.max(0, window.y);
  const x1 = Math.min(image.width, window.x + window.width);
  const y1 = Math.min(image.height, window.y + window.height);
  if (!(x1 > x0 && y1 > y0)) throw new RangeError('windowToImageFill: the crop window does not overlap the image');
  const rect = {
    x: round((x0 - window.x) * sx),
    y: round((y0 - window.y) * sy),
    width: round((x1 - x0) * sx),
    height: round((y1 - y0) * sy),
  };
  const transform: AffineTransform = [
    [(x1 - x0) / image.width, 0, x0 / image.width],
    [0, (y1 - y0) / image.height, y0 / image.height],
  ];
  return { rect, transform, sourcePixelsPerOutputPixel: 1 / sx };
}

/** Frame pixels to 1/1000 px: exact enough for Figma, stable in tests. */
function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
