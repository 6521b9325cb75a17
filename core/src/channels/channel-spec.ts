/**
 * A channel spec: one delivery target (PDP hero, Instagram 4:5, Zalando, marketplace main image...).
 * Sizes are output pixels; the safe area is in output pixels from each edge.
 */
import { z } from 'zod';
import { ColorString, Id, Name } from '../brand/fields';

export const Fit = z.enum(['cover', 'contain', 'pad']).describe(
  'cover: fill the frame, cropping background; contain: fit inside, may leave bars in the background colour; pad: fit the subject box plus margin, pad to size',
);
export const Focal = z.enum(['subject', 'head-to-hem', 'detail', 'center', 'saliency']).describe(
  'How the crop is placed: around the subject box, a consistent on-model head-to-hem frame, a detail crop, centre, or a saliency estimate',
);
export const ImageFormat = z.enum(['jpeg', 'png', 'webp', 'avif', 'tiff']);
export type ImageFormat = z.infer<typeof ImageFormat>;
export const ChannelKind = z.enum(['hero', 'detail', 'lifestyle', 'social', 'marketplace', 'wholesale']);

export const SafeArea = z.strictObject({
  top: z.number().int().min(0).default(0),
  right: z.number().int().min(0).default(0),
  bottom: z.number().int().min(0).default(0),
  left: z.number().int().min(0).default(0),
});
export type SafeArea = z.infer<typeof SafeArea>;

export const MetadataField = z.enum(['xmp', 'iptc', 'icc']);

export const ChannelSource = z.strictObject({
  url: z.string().max(500),
  official: z.boolean().describe("true: the platform's own page; false: a third-party summary, check before relying on it"),
  note: z.string().max(500).default(''),
});

export const ChannelSpec = z.strictObject({
  id: Id,
  name: Name,
  kind: ChannelKind,
  width: z.number().int().min(16).max(16384),
  height: z.number().int().min(16).max(16384),
  fit: Fit,
  background: z.union([ColorString, z.literal('transparent')]).default('#ffffff'),
  safeArea: SafeArea.default({ top: 0, right: 0, bottom: 0, left: 0 }),
  textAllowed: z.boolean().optional().describe('Whether copy may be set on the image; by kind when absent (social and lifestyle: yes; hero, detail, marketplace, wholesale: no). Marketplace images never carry text'),
  textSafeArea: SafeArea.optional().describe('Where copy may sit, in output pixels from each edge; the safe area when absent'),
  focal: Focal.default('subject'),
  minFill: z.number().min(0).max(1).optional().describe('Fraction of the frame the product must fill (longest side), e.g. 0.85'),
  margin: z.number().min(0).max(0.45).default(0.05).describe('Breathing room around the subject, as a fraction of the frame'),
  detailZoom: z.number().min(1).max(8).default(2.5).describe('For detail crops: how much tighter than the subject box'),
  maxUpscale: z.number().min(0.25).max(8).optional().describe('How far a master may be enlarged for this channel, in output pixels per master pixel (1 = never enlarged); a channel that would need more is skipped with the factor. When absent, by kind: hero 2, lifestyle 1.5, social 1.25, detail, marketplace and wholesale 1'),
  format: ImageFormat,
  quality: z.number().int().min(1).max(100).default(90),
  maxBytes: z.number().int().positive().optional().describe('Encode at lower quality until the file fits'),
  effort: z.number().int().min(0).max(9).optional().describe('Encoder effort: AVIF 0-9 (default 4), WebP 0-6 (default 4), PNG zlib level 0-9 (default 6); lower is faster, higher is smaller'),
  dpi: z.number().int().min(1).max(2400).default(72).describe('Resolution written into JPEG, PNG and TIFF headers (print workflows read it; screens ignore it)'),
  colorProfile: z.literal('srgb').default('srgb'),
  metadata: z.array(MetadataField).default(['xmp', 'iptc', 'icc']),
  markets: z.array(z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 market code like "DE"')).default([]),
  source: ChannelSource.optional(),
});
export type ChannelSpec = z.infer<typeof ChannelSpec>;
export type ChannelSpecInput = z.input<typeof ChannelSpec>;
