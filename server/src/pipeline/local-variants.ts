/**
 * The local provider's channel variants: the channels pipeline's subject-aware crops and per-spec
 * encoding (quality lowered until a maxBytes limit is met, sRGB profile embedded), rendered in
 * memory for the job's blob store.
 */
import type { Box, ChannelSpec } from '@brandlock/core';
import { renderVariantImages } from './variants/render-variant-images';
import type { RenderedImage } from './local-master';

const CONTENT_TYPES: Record<ChannelSpec['format'], string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', tiff: 'image/tiff' };

export interface RenderedVariant extends RenderedImage {
  channel: string;
  quality: number | null;
  /** What the crop had to compromise on (padded, upscaled...), for the reviewer. */
  notes: string[];
}

export async function renderLocalVariants(input: { master: Uint8Array; channels: readonly ChannelSpec[]; subject?: Box | null; maxPixels?: number }): Promise<RenderedVariant[]> {
  const { images } = await renderVariantImages({ master: input.master, channels: input.channels, subject: input.subject, maxPixels: input.maxPixels });
  return images.map((v) => ({
    channel: v.channel,
    bytes: new Uint8Array(v.bytes),
    contentType: CONTENT_TYPES[v.format],
    width: v.width,
    height: v.height,
    quality: v.quality,
    notes: v.notes.map((n) => n.message),
  }));
}
