/**
 * Measures a clip frame by frame as it is decoded, keeping only the first and previous frames (and
 * the few since the last colour anchor): per frame the frame's mean colour and exposure, the
 * garment's area, box and outline change from the previous frame (on the still QC's own subject
 * mask), and how much the frame moved; on the frames the colour sampler picks (see
 * garment-color-sampler.ts) the garment's colour (the still QC's own garment measure) and its ΔE00
 * to the swatch. At the end, the same for the last frame against the first (the loop seam).
 */
import type { Raster } from '../raster/raster';
import type { Lab } from '../color/lab';
import type { Box, Mask } from '../raster/mask';
import { maskIou } from '../raster/mask';
import { deltaE2000 } from '../color/delta-e-2000';
import { prepareQcImage } from '../qc/qc-image';
import { createGarmentColorSampler } from './garment-color-sampler';
import { frameLight, motionThumbnail, thumbnailDifference, type FrameDifference, type MotionThumbnail } from './frame-stats';

export interface FrameMeasure {
  index: number;
  /** Seconds from the start. */
  time: number;
  /** Whether the garment colour was measured on this frame (the sampler picks the frames). */
  colorMeasured: boolean;
  /** The garment's robust colour, or null when it was not measured or no garment was found in the frame. */
  garment: Lab | null;
  /** ΔE00 of the garment against the swatch (null without a swatch, a measurement or a garment). */
  deltaE: number | null;
  /** Mean colour and exposure of the whole frame. */
  lab: Lab;
  ev: number;
  /** Share of the frame the garment covers, 0..1. */
  area: number;
  /** The garment's box in analysis pixels. */
  box: Box | null;
  /** 1 - IoU of the garment mask with the previous frame's (null for the first frame). */
  shapeChange: number | null;
  /** Difference from the previous frame on 4 x 4 block averages, 8-bit levels (null for the first). */
  diff: FrameDifference | null;
}

export interface ClipAnalysis {
  /** The analysis size the frames were measured at. */
  width: number;
  height: number;
  fps: number;
  frames: FrameMeasure[];
  /** The last frame against the first; null for a one-frame clip. */
  seam: { diff: FrameDifference; shapeChange: number; deltaE: number | null } | null;
}

export interface ClipAnalyserOptions {
  fps: number;
  /** The SKU's swatch, or null. */
  swatch: Lab | null;
  /** sRGB colour transparent pixels sit on (the lighting preset's backdrop). */
  matte?: readonly [number, number, number];
}

/**
 * @example
 * const analyser = createClipAnalyser({ fps: 24, swatch });
 * await decodeFrames(tools, file, size, (raster) => analyser.add(raster));
 * const clip = analyser.finish();
 */
export function createClipAnalyser(options: ClipAnalyserOptions) {
  const frames: FrameMeasure[] = [];
  const colors = createGarmentColorSampler({ fps: options.fps, swatch: options.swatch });
  let first: { thumb: MotionThumbnail; mask: Mask } | null = null;
  let prev: { thumb: MotionThumbnail; mask: Mask } | null = null;
  let width = 0;
  let height = 0;

  function add(raster: Raster): void {
    if (raster.depth !== 8) throw new TypeError('video frames are analysed as 8-bit RGBA');
    if (!first) {
      width = raster.width;
      height = raster.height;
    } else if (raster.width !== width || raster.height !== height) {
      throw new RangeError(`frame ${frames.length} is ${raster.width}x${raster.height}; the clip's frames are ${width}x${height}`);
    }
    const image = prepareQcImage(raster, { maxProxyPixels: raster.width * raster.height, matte: options.matte });
    const mask = image.subject.mask;
    const light = frameLight(raster);
    const thumb = motionThumbnail(raster);
    const index = frames.length;
    const measure: FrameMeasure = {
      index,
      time: index / options.fps,
      colorMeasured: false,
      garment: null,
      deltaE: null,
      lab: light.lab,
      ev: light.ev,
      area: image.subject.coverage,
      box: image.subject.box,
      shapeChange: prev ? 1 - maskIou(prev.mask, mask) : null,
      diff: prev ? thumbnailDifference(prev.thumb, thumb) : null,
    };
    frames.push(measure);
    colors.add(measure, image);
    const kept = { thumb, mask };
    if (!first) first = kept;
    prev = kept;
  }

  function finish(): ClipAnalysis {
    colors.finish();
    const start = frames[0]?.garment;
    const end = frames[frames.length - 1]?.garment;
    const seam =
      first && prev && frames.length > 1
        ? {
            diff: thumbnailDifference(prev.thumb, first.thumb),
            shapeChange: 1 - maskIou(prev.mask, first.mask),
            deltaE: start && end ? deltaE2000(start, end) : null,
          }
        : null;
    return { width, height, fps: options.fps, frames, seam };
  }

  return { add, finish };
}

export type ClipAnalyser = ReturnType<typeof createClipAnalyser>;
