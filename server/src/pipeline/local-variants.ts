/**
 * The local provider's channel variants: one master resized to each channel spec with libvips (cover
 * crops placed by libvips' attention strategy for saliency focal points, centred otherwise; contain
 * and pad fitted with the spec's background), encoded in the spec's format and quality, lowering the
 * quality until a `maxBytes` limit is met. The subject-aware crop from the channels pipeline replaces
 * the placement here when it lands.
 */
import sharp, { type Sharp } from 'sharp';
import type { ChannelSpec } from '@brandlock/core';
import { probeImage, DEFAULT_MAX_PIXELS } from './decode-image';
import type { RenderedImage } from './local-master';

const CONTENT_TYPES: Record<ChannelSpec['format'], string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', tiff: 'image/tiff' };

export interface RenderedVariant extends RenderedImage {
  channel: string;
  quality: number;
}

async function encode(image: Sharp, spec: ChannelSpec, quality: number): Promise<Buffer> {
  switch (spec.format) {
    case 'jpeg':
      return image.jpeg({ quality, mozjpeg: true }).toBuffer();
    case 'png':
      return image.png({ compressionLevel: 9 }).toBuffer();
    case 'webp':
      return image.webp({ quality }).toBuffer();
    case 'avif':
      return image.avif({ quality, effort: 2 }).toBuffer();
    case 'tiff':
      return image.tiff({ compression: 'lzw' }).toBuffer();
  }
}

export async function renderLocalVariants(input: { master: Uint8Array; channels: readonly ChannelSpec[]; maxPixels?: number }): Promise<RenderedVariant[]> {
  const maxPixels = input.maxPixels ?? DEFAULT_MAX_PIXELS;
  await probeImage(input.master, { maxPixels });
  const decoded = await sharp(input.master, { limitInputPixels: maxPixels }).autoOrient().toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const out: RenderedVariant[] = [];
  for (const spec of input.channels) {
    const background = spec.background === 'transparent' ? { r: 0, g: 0, b: 0, alpha: 0 } : spec.background;
    const base = sharp(decoded.data, { raw: { width: decoded.info.width, height: decoded.info.height, channels: 4 } });
    const fitted = base.resize(spec.width, spec.height, {
      fit: spec.fit === 'cover' ? 'cover' : 'contain',
      position: spec.fit === 'cover' && spec.focal === 'saliency' ? sharp.strategy.attention : 'centre',
      background,
    });
    const flat = spec.background === 'transparent' && (spec.format === 'png' || spec.format === 'webp' || spec.format === 'avif' || spec.format === 'tiff') ? fitted : fitted.flatten({ background: spec.background === 'transparent' ? '#ffffff' : spec.background });
    let quality = spec.quality;
    let bytes = await encode(flat.clone(), spec, quality);
    while (spec.maxBytes && bytes.length > spec.maxBytes && quality > 40 && spec.format !== 'png' && spec.format !== 'tiff') {
      quality = Math.max(40, quality - 6);
      bytes = await encode(flat.clone(), spec, quality);
    }
    out.push({ channel: spec.id, bytes: new Uint8Array(bytes), contentType: CONTENT_TYPES[spec.format], width: spec.width, height: spec.height, quality });
  }
  return out;
}
