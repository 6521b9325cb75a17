/**
 * Turns a real-valued crop window into integer operations an image library can run: extract a
 * rectangle of the master, resize it by the same scale on both axes, trim, and pad to the exact
 * output size. Works axis by axis.
 */
import type { Box, Insets, PixelRect, Size } from './crop-types';

export interface AxisPlan {
  cropStart: number;
  cropLen: number;
  resizeLen: number;
  trimStart: number;
  keepLen: number;
  padStart: number;
  padEnd: number;
}

/**
 * One axis. The crop covers the visible part of the window (rounded outwards); the resized length
 * is the window scale applied to it, to within one pixel, and whatever falls outside the frame is
 * trimmed, whatever the master does not cover is padded.
 */
export function rasterizeAxis(windowStart: number, windowLen: number, imageLen: number, outLen: number, scale: number): AxisPlan {
  const eps = 1e-6;
  const visibleStart = Math.max(0, windowStart);
  const visibleEnd = Math.min(imageLen, windowStart + windowLen);
  const cropStart = Math.min(Math.max(Math.floor(visibleStart + eps), 0), imageLen - 1);
  const cropEnd = Math.min(Math.max(Math.ceil(visibleEnd - eps), cropStart + 1), imageLen);
  const start = Math.round((cropStart - windowStart) * scale);
  const end = Math.round((cropEnd - windowStart) * scale);
  const resizeLen = Math.max(1, end - start);
  const padStart = Math.min(Math.max(start, 0), outLen - 1);
  const trimStart = Math.min(Math.max(-start, 0), resizeLen - 1);
  const keepLen = Math.max(1, Math.min(resizeLen - trimStart, outLen - padStart));
  return { cropStart, cropLen: cropEnd - cropStart, resizeLen, trimStart, keepLen, padStart, padEnd: outLen - padStart - keepLen };
}

export interface RasterizedWindow {
  crop: PixelRect;
  resize: Size;
  trim: PixelRect;
  pad: Insets;
  /** Maps a source x or y to the output, through the integer plan. */
  toOutput(source: { x: number; y: number }): { x: number; y: number };
}

export function rasterizeWindow(window: Box, image: Size, output: Size, scale: number): RasterizedWindow {
  const h = rasterizeAxis(window.x, window.width, image.width, output.width, scale);
  const v = rasterizeAxis(window.y, window.height, image.height, output.height, scale);
  const map = (p: number, a: AxisPlan) => (p - a.cropStart) * (a.resizeLen / a.cropLen) - a.trimStart + a.padStart;
  return {
    crop: { left: h.cropStart, top: v.cropStart, width: h.cropLen, height: v.cropLen },
    resize: { width: h.resizeLen, height: v.resizeLen },
    trim: { left: h.trimStart, top: v.trimStart, width: h.keepLen, height: v.keepLen },
    pad: { top: v.padStart, right: h.padEnd, bottom: v.padEnd, left: h.padStart },
    toOutput: (p) => ({ x: map(p.x, h), y: map(p.y, v) }),
  };
}
