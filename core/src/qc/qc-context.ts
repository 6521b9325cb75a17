/**
 * What a QC run needs to know about one image besides its pixels: the category thresholds, the
 * SKU's target swatch, the lighting preset it should match, the delivery target it is meant for
 * (a channel, or a master for the variants step), the file's facts, and flags people or providers
 * attached. Built from the lock by `buildQcContext`; rules read nothing else.
 */
import type { Lab } from '../color/lab';
import type { QcThresholds } from '../brand/qc-thresholds';
import type { TargetSwatch } from '../brief/planned-job';

/** Facts about the file as stored (not as decoded): a CMYK or 16-bit file is judged as such. */
export interface ImageFileFacts {
  /** sharp's format name: jpeg, png, webp, tiff, avif, heif, gif. */
  format: string;
  width: number;
  height: number;
  /** Colour space as stored: srgb, cmyk, b-w, rgb16, grey16, ... */
  space: string;
  bitsPerSample: number;
  hasAlpha: boolean;
  /** The embedded ICC profile's description, or null when the file has none. */
  iccDescription: string | null;
  bytes: number;
  /** A JPEG's quality estimated from its quantisation table (see estimateJpegQuality); null or absent otherwise. */
  jpegQuality?: number | null;
}

export interface LightingTarget {
  id: string;
  /** Target L* of a mid subject, used when the SKU's swatch is unknown. */
  targetL: number;
  /** Flag exposure deviations beyond this many EV. */
  toleranceEv: number;
  /** The backdrop colour the set is lit to. */
  background: Lab;
  backgroundText: string;
}

/** What the image is delivered as: a channel's spec, or a master that variants will be cut from. */
export interface DeliveryTarget {
  kind: 'channel' | 'master';
  /** Channel id, or "master". */
  id: string;
  minWidth: number;
  minHeight: number;
  /** Expected width / height; null when any aspect is fine. */
  aspect: number | null;
  /** Allowed relative aspect error, e.g. 0.01. */
  aspectTolerance: number;
  /** Accepted sharp format names. */
  formats: string[];
  maxBytes: number | null;
  /** The channel demands a pure white (255,255,255) background. */
  pureWhite: boolean;
  /** Fraction of the frame the product must fill along its longer side, or null. */
  minFill: number | null;
  /** An untagged file (no ICC profile) is flagged: the channel embeds sRGB. */
  requireProfile: boolean;
}

/** A flag a provider or a person attached to an image: never silently passed. */
export interface ReviewFlag {
  source: 'provider' | 'person';
  by: string;
  reason: string;
  severity: 'flag' | 'reject';
}

export interface QcContext {
  category: { id: string; name: string };
  thresholds: QcThresholds;
  /** The SKU's target colour; null when unknown (then colour accuracy is not measured). */
  swatch: TargetSwatch | null;
  lighting: LightingTarget;
  delivery: DeliveryTarget;
  file: ImageFileFacts;
  flags: ReviewFlag[];
}
