/**
 * Encodes a variant in its channel's format with its metadata (sRGB ICC profile, XMP, IPTC for
 * JPEG, density). The first attempt runs in the same libvips pipeline as the resize. When the spec
 * has maxBytes and that file is too big, the pixels are rendered once and the quality is searched
 * downwards for the highest one whose complete file (metadata included) fits, starting next to the
 * spec's quality, where it nearly always is. Lossless formats get
 * their strongest compression instead; what still does not fit is a VariantError, never a silently
 * oversized file.
 */
import sharp, { type Sharp } from 'sharp';
import { embedJpegMetadata, embedPngMetadata, embedWebpMetadata } from '@brandlock/core/file-metadata';
import { embedTiffMetadata } from '../file-metadata/tiff-directory';
import { buildIptcApp13, insertJpegSegment, setPngXmp, type ChannelSpec, type IptcFields } from '@brandlock/core';
import { VariantError } from './variant-error';
import { pixelsPipeline, renderVariantPixels, variantPipeline, type VariantPixels } from './render-variant-pixels';
import type { LoadedMaster } from './load-master';
import type { CropPlan } from '@brandlock/core';

export interface EncodedVariant {
  bytes: Buffer;
  /** The quality used (lossy formats), or null. */
  quality: number | null;
}

type Spec = Pick<ChannelSpec, 'format' | 'quality' | 'maxBytes' | 'effort' | 'dpi' | 'metadata'>;

/** Where the pixels come from: a pipeline that ends before the encoder, and a way to render them once. */
export interface VariantSource {
  pipeline(): Sharp;
  render(): Promise<VariantPixels>;
}

export async function encodeVariant(source: VariantSource | VariantPixels, spec: Spec, xmp: string | null, iptc: IptcFields | null): Promise<EncodedVariant> {
  const src: VariantSource = 'pipeline' in source ? source : { pipeline: () => pixelsPipeline(source), render: async () => source };
  const lossy = spec.format === 'jpeg' || spec.format === 'webp' || spec.format === 'avif';
  const first = await encodeAt(src.pipeline(), spec, xmp, iptc, spec.quality, spec.effort);
  if (!spec.maxBytes || first.length <= spec.maxBytes) return { bytes: first, quality: lossy ? spec.quality : null };
  const px = await src.render();
  if (!lossy) {
    const strongest = await encodeAt(pixelsPipeline(px), spec, xmp, iptc, spec.quality, spec.format === 'png' ? 9 : undefined);
    if (strongest.length <= spec.maxBytes) return { bytes: strongest, quality: null };
    throw new VariantError('max_bytes', `${spec.format.toUpperCase()} is lossless and the smallest file is ${strongest.length} bytes, over maxBytes ${spec.maxBytes}; use jpeg, webp or avif, or raise maxBytes`);
  }
  // The answer is nearly always a few steps below the spec's quality: step down 1, 2, 4... from it until a
  // quality fits, then halve the gap above that one. About 3 encodes where halving 1..quality took 7.
  let tooBig = spec.quality;
  let best: EncodedVariant | null = null;
  for (let step = 1; !best; step *= 2) {
    const q = Math.max(1, tooBig - step);
    const bytes = await encodeAt(pixelsPipeline(px), spec, xmp, iptc, q, spec.effort);
    if (bytes.length <= spec.maxBytes) best = { bytes, quality: q };
    else if (q === 1) throw new VariantError('max_bytes', `even at quality 1 the file is over maxBytes ${spec.maxBytes}`);
    else tooBig = q;
  }
  let lo = best.quality! + 1;
  let hi = tooBig - 1;
  while (lo <= hi) {
    const q = Math.floor((lo + hi + 1) / 2);
    const bytes = await encodeAt(pixelsPipeline(px), spec, xmp, iptc, q, spec.effort);
    if (bytes.length <= spec.maxBytes) {
      best = { bytes, quality: q };
      lo = q + 1;
    } else hi = q - 1;
  }
  return best;
}

/** Renders one crop plan of a decoded master and encodes it for its channel. */
export function encodePlannedVariant(master: LoadedMaster, crop: CropPlan, spec: Spec & Pick<ChannelSpec, 'background'>, xmp: string | null, iptc: IptcFields | null): Promise<EncodedVariant> {
  return encodeVariant({ pipeline: () => variantPipeline(master, crop, spec.background), render: () => renderVariantPixels(master, crop, spec.background) }, spec, xmp, iptc);
}

async function encodeAt(p: Sharp, spec: Spec, xmp: string | null, iptc: IptcFields | null, quality: number, effort: number | undefined): Promise<Buffer> {
  const icc = spec.metadata.includes('icc');
  // sharp embeds a profile only by converting the pixels to it: an sRGB-to-sRGB transform here
  // (variants are rendered from the master already in sRGB) that changes no value of the 16.7M and
  // costs CPU in proportion to the pixels (24 ms for a 2048x2048 TIFF, 8 for a 1200x1500 WebP). JPEG,
  // PNG, WebP and TIFF get the same profile spliced in after encoding; AVIF still converts.
  const splice = icc && (spec.format === 'jpeg' || spec.format === 'png' || spec.format === 'webp' || spec.format === 'tiff');
  if (icc && !splice) p = p.withIccProfile('srgb');
  // The WebP splice rewrites the container and writes the XMP itself (in the order the spec gives).
  const spliceXmp = splice && spec.format === 'webp';
  if (xmp && spec.format !== 'png' && !spliceXmp) p = p.withXmp(xmp);
  if (spec.format === 'jpeg' || spec.format === 'png' || spec.format === 'tiff') p = p.withDensity(spec.dpi);
  switch (spec.format) {
    case 'jpeg':
      p = p.jpeg({ quality });
      break;
    case 'webp':
      p = p.webp({ quality, effort: effort ?? 4 });
      break;
    case 'avif':
      p = p.avif({ quality, effort: effort ?? 4 });
      break;
    case 'png':
      p = p.png({ compressionLevel: effort ?? 6 });
      break;
    case 'tiff':
      p = p.tiff({ compression: 'lzw', predictor: 'horizontal' });
      break;
  }
  let bytes = await p.toBuffer();
  if (splice) {
    const profile = { icc: await srgbProfile() };
    const spliced =
      spec.format === 'jpeg' ? embedJpegMetadata(bytes, profile)
      : spec.format === 'png' ? embedPngMetadata(bytes, profile)
      : spec.format === 'webp' ? embedWebpMetadata(bytes, { ...profile, xmp: xmp ? new TextEncoder().encode(xmp) : undefined }, ...webpCanvas(bytes))
      : await embedTiffMetadata(bytes, profile);
    bytes = Buffer.concat(spliced.parts);
  }
  if (spec.format === 'png' && xmp) bytes = Buffer.from(setPngXmp(bytes, xmp));
  if (spec.format === 'jpeg' && iptc) bytes = Buffer.from(insertJpegSegment(bytes, buildIptcApp13(iptc)));
  return bytes;
}

/** Width and height of an encoded WebP, from its VP8X, VP8 or VP8L header. */
export function webpCanvas(webp: Uint8Array): [number, number] {
  const type = String.fromCharCode(webp[12], webp[13], webp[14], webp[15]);
  const b = (i: number) => webp[20 + i];
  if (type === 'VP8X') return [1 + (b(4) | (b(5) << 8) | (b(6) << 16)), 1 + (b(7) | (b(8) << 8) | (b(9) << 16))];
  if (type === 'VP8 ') return [(b(6) | (b(7) << 8)) & 0x3fff, (b(8) | (b(9) << 8)) & 0x3fff];
  if (type === 'VP8L') return [1 + ((b(1) | (b(2) << 8)) & 0x3fff), 1 + (((b(2) >> 6) | (b(3) << 2) | (b(4) << 10)) & 0x3fff)];
  throw new Error(`the encoder did not write a WebP image chunk first (found ${JSON.stringify(type)})`);
}

let srgb: Promise<Uint8Array> | null = null;

/** The sRGB profile libvips embeds for `withIccProfile('srgb')`, taken from it once. */
function srgbProfile(): Promise<Uint8Array> {
  srgb ??= sharp({ create: { width: 1, height: 1, channels: 3, background: '#000000' } })
    .withIccProfile('srgb')
    .png()
    .toBuffer()
    .then(async (png) => (await sharp(png).metadata()).icc!);
  return srgb;
}
