/**
 * Encodes graded pixels to PNG, JPEG, TIFF or WebP with libvips, straight from the grading buffer,
 * and splices the source's ICC profile, EXIF and XMP into the encoded file (libvips cannot attach
 * metadata bytes to raw pixels, and a detour through a second encode costs more than the grade).
 * Pixel values are written as they are, never converted. A TIFF is stored as its source was
 * (compression and predictor); other sources become LZW TIFFs with a horizontal predictor. An
 * uncompressed TIFF is written around the grading buffer without libvips (encodeUncompressedTiff).
 */
import sharp, { type Sharp, type TiffOptions } from 'sharp';
import { embedJpegMetadata, embedPngMetadata, embedWebpMetadata, type EmbeddedMetadata, type SplicedFile } from '@brandlock/core/file-metadata';
import { embedTiffMetadata } from '../file-metadata/tiff-directory';
import type { EncodeFormat } from './output-format';
import { CAN_WRITE_TIFF_DIRECTLY, encodeUncompressedTiff, type UncompressedTiffTags } from './encode-uncompressed-tiff';

export interface GradedPixels {
  width: number;
  height: number;
  depth: 8 | 16;
  channels: 3 | 4;
  data: Uint8Array | Uint16Array;
}

export interface EncodeGradedOptions {
  format: EncodeFormat;
  /** JPEG/WebP quality 1..100. Default 92; 90 and above keep full-resolution colour (4:4:4). */
  quality?: number;
  /**
   * JPEG: optimised Huffman tables (libjpeg's two-pass encode): about 10% smaller for the same pixels,
   * but about 4x the encode time and a buffer of every DCT coefficient (300 MB at 24 MP). Default off:
   * standard tables, as Photoshop's "Baseline (Standard)".
   */
  optimizeJpeg?: boolean;
  /** TIFF: the source's compression and predictor tags. */
  tiff?: { compression?: number; predictor?: number };
  /** An uncompressed TIFF: the source's resolution and orientation, written with the pixels. */
  tiffTags?: UncompressedTiffTags;
  metadata?: EmbeddedMetadata;
}

/** TIFF compression tag values libvips can write, by sharp's name. */
const TIFF_COMPRESSION: Record<number, TiffOptions['compression']> = { 1: 'none', 5: 'lzw', 7: 'jpeg', 8: 'deflate', 32946: 'deflate', 32773: 'packbits', 50000: 'zstd', 50001: 'webp' };

/** @example const { parts, notes } = await encodeGraded(px, { format: 'jpeg', quality: 92, metadata: info }); */
export async function encodeGraded(px: GradedPixels, options: EncodeGradedOptions): Promise<SplicedFile> {
  const { format } = options;
  const quality = options.quality ?? 92;
  const notes: string[] = [];
  const keepsDepth = format === 'png' || format === 'tiff';
  if (format === 'tiff' && options.tiff?.compression === 1 && CAN_WRITE_TIFF_DIRECTLY) return encodeUncompressedTiff(px, options.metadata ?? {}, options.tiffTags);
  let image = rawImage(keepsDepth || px.depth === 8 ? px : to8Bit(px));
  if (format === 'jpeg' && px.channels === 4) {
    image = image.flatten({ background: '#ffffff' });
    notes.push('JPEG has no transparency: transparent pixels were flattened on white');
  }
  if (!keepsDepth && px.depth === 16) notes.push(`${format.toUpperCase()} holds 8 bits per channel; the 16-bit result was rounded to 8`);
  if (format === 'png') image = image.png({ compressionLevel: 6 });
  else if (format === 'jpeg') image = image.jpeg({ quality, chromaSubsampling: quality >= 90 ? '4:4:4' : '4:2:0', optimiseCoding: options.optimizeJpeg === true });
  else if (format === 'webp') image = image.webp({ quality, alphaQuality: 100 });
  else image = image.tiff(tiffOptions(options.tiff, quality, notes));
  const bytes = new Uint8Array(await image.toBuffer());
  const meta = options.metadata ?? {};
  const spliced =
    format === 'jpeg' ? embedJpegMetadata(bytes, meta)
    : format === 'png' ? embedPngMetadata(bytes, meta)
    : format === 'webp' ? embedWebpMetadata(bytes, meta, px.width, px.height)
    : await embedTiffMetadata(bytes, meta);
  return { parts: spliced.parts, notes: [...notes, ...spliced.notes] };
}

function tiffOptions(source: EncodeGradedOptions['tiff'], quality: number, notes: string[]): TiffOptions {
  if (source?.compression === undefined) return { compression: 'lzw', predictor: 'horizontal' };
  const compression = TIFF_COMPRESSION[source.compression];
  if (!compression) {
    notes.push(`the source's TIFF compression (tag value ${source.compression}) cannot be written; LZW was used`);
    return { compression: 'lzw', predictor: 'horizontal' };
  }
  const predictor = source.predictor === 2 ? 'horizontal' : 'none';
  return compression === 'jpeg' || compression === 'webp' ? { compression, quality } : { compression, predictor: compression === 'none' ? 'none' : predictor };
}

function rawImage(px: GradedPixels): Sharp {
  const image = sharp(px.data, { raw: { width: px.width, height: px.height, channels: px.channels }, limitInputPixels: false });
  return px.depth === 16 ? image.toColourspace('rgb16') : image;
}

/** 16-bit to 8-bit by rounding (v / 257), as a 16-bit grade written to an 8-bit format should be. */
function to8Bit(px: GradedPixels): GradedPixels {
  const data = new Uint8Array(px.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(px.data[i] / 257);
  return { ...px, depth: 8, data };
}
