/**
 * Channel variants in memory, for callers that store bytes themselves (the server's job steps): the
 * master decoded once, the subject found (or given), each channel cropped by the core planner and
 * encoded per its spec, sRGB profile embedded. No file names and no files: naming, metadata and
 * publishing belong to the caller (`makeVariants` does them for the CLI).
 */
import { planCrop, type Box, type ChannelSpec, type CropNote, type FocalPoint, type FramingLines, type ImageFormat } from '@brandlock/core';
import { loadMasterWithSubject } from './load-master-with-subject';
import { cropHints, type FoundSubject } from './find-subject';
import { encodePlannedVariant } from './encode-variant';
import { slowestFirst } from './slowest-first';

export interface VariantImage {
  channel: string;
  bytes: Buffer;
  width: number;
  height: number;
  format: ImageFormat;
  quality: number | null;
  notes: CropNote[];
}

export interface RenderVariantImagesRequest {
  master: Uint8Array;
  channels: readonly ChannelSpec[];
  subject?: Box | null;
  focal?: readonly FocalPoint[];
  framing?: FramingLines | null;
  /** An XMP packet per channel, when the caller has the provenance to write. */
  xmpFor?: (channel: ChannelSpec) => string | null;
  maxPixels?: number;
  /** Variants encoded at once. Default 3. */
  parallel?: number;
}

export async function renderVariantImages(req: RenderVariantImagesRequest): Promise<{ subject: FoundSubject; images: VariantImage[] }> {
  const { master, subject } = await loadMasterWithSubject(req.master, req.subject, { maxPixels: req.maxPixels });
  const hints = cropHints(subject, req.focal);
  const crops = req.channels.map((spec) => planCrop({ image: master, spec, subject: hints.subject, focal: hints.focal, framing: req.framing }));
  const images: VariantImage[] = new Array(crops.length);
  const order = slowestFirst(crops.map((crop, i) => ({ crop, format: req.channels[i].format })));
  let next = 0;
  const worker = async () => {
    while (next < order.length) {
      const i = order[next++];
      const spec = req.channels[i];
      const { bytes, quality } = await encodePlannedVariant(master, crops[i], spec, req.xmpFor?.(spec) ?? null, null);
      images[i] = { channel: spec.id, bytes, width: spec.width, height: spec.height, format: spec.format, quality, notes: crops[i].notes };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(req.parallel ?? 3, order.length)) }, worker));
  return { subject, images };
}
