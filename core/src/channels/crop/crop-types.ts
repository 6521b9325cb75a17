/**
 * Geometry types for the subject-aware crop. Source boxes are in master pixels (the decoded, upright
 * image); output boxes are in channel pixels. Every number is a plain pixel count, never a fraction
 * of the image, so the same types serve sharp, Photoshop and Figma.
 */
import type { ChannelSpec } from '../channel-spec';
import type { Box } from '../../raster/mask';

/** A rectangle: top-left corner and size, fractional where it comes from a proxy. The raster module's Box. */
export type { Box };

export interface Size {
  width: number;
  height: number;
}

/** A point the crop should favour (a face, a logo, the detail to zoom on). Weight defaults to 1. */
export interface FocalPoint {
  x: number;
  y: number;
  weight?: number;
}

/**
 * For on-model shots: the y of the top of the model's head and of the garment's hem, in source
 * pixels. Every variant of a SKU puts these two lines at the same place in each channel's frame.
 */
export interface FramingLines {
  head: number;
  hem: number;
}

/** An integer rectangle in pixels, as sharp's extract takes it. */
export interface PixelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The parts of a channel spec the crop reads. */
export type CropSpec = Pick<ChannelSpec, 'width' | 'height' | 'fit' | 'safeArea' | 'focal' | 'margin' | 'detailZoom' | 'minFill'>;

export interface CropInput {
  /** The master's size (upright). */
  image: Size;
  spec: CropSpec;
  /** The garment's bounding box in the master; null or absent when nothing is known. */
  subject?: Box | null;
  /** Points to favour; the crop centres on their weighted mean, within what keeps the subject whole. */
  focal?: readonly FocalPoint[];
  /**
   * Head and hem lines, used when the spec's focal strategy is head-to-hem. They bound the subject
   * vertically: above the head and below the hem may be cut.
   */
  framing?: FramingLines | null;
}

export type CropNoteCode =
  | 'upscaled'
  | 'padded'
  | 'margin_reduced'
  | 'min_fill_unmet'
  | 'no_framing'
  | 'no_subject'
  | 'detail_cuts_subject';

/** Something the person checking the variant should know about how it was framed. */
export interface CropNote {
  code: CropNoteCode;
  message: string;
}

/**
 * How to make the variant: extract `crop` from the master, resize it to `resize` (the same scale on
 * both axes, to within one output pixel), extract `trim` from that, then add `pad` pixels of the
 * background. The result is exactly `output`.
 */
export interface CropPlan {
  output: Size;
  crop: PixelRect;
  resize: Size;
  trim: PixelRect;
  pad: Insets;
  /** Output pixels per source pixel. Above 1 means the master is upscaled. */
  scale: number;
  /** The frame in source pixels; it extends beyond the master where the output is padded. */
  window: Box;
  /** Where the subject lands in the output (clipped to the head and hem lines when framed by them), or null. */
  subjectInOutput: Box | null;
  /** True when part of the subject is outside the frame (only detail crops do this). */
  cutsSubject: boolean;
  notes: CropNote[];
}
