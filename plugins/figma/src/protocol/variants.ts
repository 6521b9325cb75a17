/** Channel-variant messages: one frame plan per channel spec, and what the export needs to know. */
import type { AffineTransform, Box, Insets, Rgb } from './geometry';

export type DeliveryFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'tiff';

/** How a frame's export is encoded for delivery (in the UI, since Figma exports only PNG/JPG without quality). */
export interface Delivery {
  format: DeliveryFormat;
  quality: number;
  maxBytes: number | null;
  /** The channel's resolution, pixels per inch, written into JPEG, PNG and TIFF (72 when a record has none). */
  dpi?: number;
}

export interface FontRef {
  family: string;
  style: string;
}

/** A text overlay: the box it must fit in, and the size range copy-fit may use. */
export interface TextOverlayPlan {
  text: string;
  box: Box;
  font: FontRef;
  color: Rgb;
  align: 'LEFT' | 'CENTER' | 'RIGHT';
  vertical: 'TOP' | 'CENTER' | 'BOTTOM';
  minSize: number;
  maxSize: number;
  /** The WCAG contrast measured against the pixels under the box, and what the size needs. */
  contrast: { ratio: number; required: number; colorName: string } | null;
  /** A translucent scrim behind the copy when its colour alone does not reach `required` (see plan-legibility-plate). */
  plate?: { color: Rgb; opacity: number; ratio: number } | null;
}

export interface VariantFramePlan {
  channelId: string;
  channelName: string;
  frameName: string;
  fileName: string;
  width: number;
  height: number;
  /** Frame background; null for transparent. */
  background: Rgb | null;
  /** Where the image sits in the frame (frame pixels) and the CROP transform of its fill. */
  image: { rect: Box; transform: AffineTransform };
  safeArea: Insets;
  overlay: TextOverlayPlan | null;
  exportSettings: { format: 'PNG' | 'JPG'; constraint: { type: 'WIDTH'; value: number }; suffix: string; colorProfile: 'SRGB' }[];
  delivery: Delivery;
  warnings: string[];
}

export interface CreateVariantsParams {
  source: { nodeId: string; imageHash: string };
  groupName: string;
  /** SKU, colorway, view, category: written on the source and the frames so selecting them brings these back. */
  naming?: Record<string, string>;
  frames: VariantFramePlan[];
}

export interface CreatedVariant {
  nodeId: string;
  channelId: string;
  frameName: string;
  /** The size copy-fit chose, null without an overlay. */
  fontSize: number | null;
  /** True when the copy does not fit even at the minimum size. */
  overflow: boolean;
  /** True when a word had to be split across lines to fit. */
  brokeWords: boolean;
}

/** A variant frame found on the page, with what its export needs (stored in its plugin data). */
export interface VariantFrameInfo {
  nodeId: string;
  frameName: string;
  fileName: string;
  channelId: string;
  width: number;
  height: number;
  delivery: Delivery;
  /** The SKU the frame was named for (its naming record), sent to the server's encoder for the file's XMP/IPTC. */
  sku: string | null;
  /** The brandlock job behind the frame's image (a moodboard cell it was made from), for the file's provenance. */
  jobId: string | null;
  /** What the frame compromises on, as Make said it (upscaled, padded, copy over the garment...). */
  notes: string[];
  /** Where it is, to tell two sets apart: the section or frame holding it (null at the page's top level) and its top-left on the page. */
  place: { container: string | null; x: number; y: number };
}

export interface ExportedFrame {
  nodeId: string;
  bytes: Uint8Array;
  width: number;
  height: number;
}
