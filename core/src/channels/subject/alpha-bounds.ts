/**
 * The subject box of a cut-out master, read from its alpha channel: the bounding box of pixels at
 * least half opaque. Scans rows from the top and bottom and stops early, so a 24 MP master costs
 * one pass at most.
 */
import type { Raster } from '../../raster/raster';
import { maxValue } from '../../raster/raster';
import type { Box } from '../crop/crop-types';

export interface AlphaSubject {
  box: Box;
  /** Share of pixels that are less than half opaque: 0 for an opaque master. */
  transparentShare: number;
}

/**
 * Null when the raster is opaque (nothing to learn from alpha) or entirely transparent.
 * @example alphaBounds(cutout)?.box // { x: 212, y: 96, width: 1490, height: 1730 }
 */
export function alphaBounds(raster: Raster, threshold = 0.5): AlphaSubject | null {
  const { width, height, data } = raster;
  const cut = threshold * maxValue(raster.depth);
  const opaqueRow = (y: number) => {
    for (let i = y * width * 4 + 3, end = i + width * 4; i < end; i += 4) if (data[i] >= cut) return true;
    return false;
  };
  let top = 0;
  while (top < height && !opaqueRow(top)) top++;
  if (top === height) return null;
  let bottom = height - 1;
  while (bottom > top && !opaqueRow(bottom)) bottom--;
  let left = width;
  let right = -1;
  let transparent = top * width + (height - 1 - bottom) * width;
  for (let y = top; y <= bottom; y++) {
    const row = y * width * 4 + 3;
    for (let x = 0; x < width; x++) {
      if (data[row + x * 4] >= cut) {
        if (x < left) left = x;
        if (x > right) right = x;
      } else transparent++;
    }
  }
  if (transparent === 0) return null;
  return { box: { x: left, y: top, width: right - left + 1, height: bottom - top + 1 }, transparentShare: transparent / (width * height) };
}
