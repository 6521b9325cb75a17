/**
 * Decodes an image file into a core Raster (RGBA, 8 or 16 bit) with sharp, refusing what a batch
 * must not choke on: unknown formats, corrupt or truncated files, and decompression bombs. What it
 * refuses comes back as an ImageDecodeError whose `code` says why.
 */
import { open } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';
import type { Raster } from '@brandlock/core';
import { sniffImageHeader } from './sniff-image-header';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, ImageDecodeError, tooManyPixels } from './decode-limits';
import { iccDescription } from './icc-description';

export { DEFAULT_MAX_PIXELS, ImageDecodeError, type ImageDecodeErrorCode } from './decode-limits';

export interface ImageInfo {
  /** sharp's format name: jpeg, png, webp, tiff, avif/heif, gif... */
  format: string;
  width: number;
  height: number;
  /** Colour space of the file as stored: srgb, rgb16, cmyk, b-w, grey16... */
  space: string;
  channels: number;
  /** Bits per sample in the file (8 or 16; 32 for float TIFF). */
  bitsPerSample: number;
  hasAlpha: boolean;
  /** The embedded ICC profile, if any. */
  icc?: Uint8Array;
  iccDescription?: string;
  exif?: Uint8Array;
  xmp?: Uint8Array;
  density?: number;
  orientation?: number;
  bytes: number;
}

export interface DecodeOptions {
  /** Refuse images with more pixels than this (decompression bombs). Default 100 MP. */
  maxPixels?: number;
  /** Refuse input larger than this many bytes. Default 200 MB for bytes in memory; none for a file path. */
  maxBytes?: number;
  /** 8 or 16; 'source' keeps 16-bit files 16-bit and everything else 8-bit. Default 'source'. */
  depth?: 8 | 16 | 'source';
  /** Apply EXIF orientation so pixels are upright. Default true. */
  autoOrient?: boolean;
  /**
   * Convert RGB pixels to sRGB through the embedded ICC profile. Default true. False keeps the values as
   * stored (what a grade LUT applies to); re-attach `info.icc` when writing them back.
   */
  convertToSrgb?: boolean;
}

export interface DecodedImage {
  raster: Raster;
  info: ImageInfo;
}

const SUPPORTED = new Set(['jpeg', 'png', 'webp', 'tiff', 'avif', 'heif', 'gif']);

/** Reads only the header: format, size, space, profile. Throws ImageDecodeError on bad input. */
export async function probeImage(input: Uint8Array | string, options: DecodeOptions = {}): Promise<ImageInfo> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  // Only bytes that start like a format brandlock reads reach libvips (no SVG or XML parser runs).
  const onDisk = typeof input === 'string';
  const { head, size } = typeof input === 'string' ? await readHead(input) : { head: input.subarray(0, 64), size: input.byteLength };
  const sniffed = sniffImageHeader(head);
  if (!sniffed) throw new ImageDecodeError('unsupported_format', 'not an image format brandlock reads (expected JPEG, PNG, WebP, TIFF, AVIF or GIF)');
  if (sniffed.width !== undefined && sniffed.height !== undefined) tooManyPixels(sniffed.width, sniffed.height, maxPixels);
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false, failOn: 'none' }).metadata();
  } catch (e) {
    const msg = (e as Error).message;
    if (/unsupported image format|Input buffer contains unsupported/i.test(msg)) throw new ImageDecodeError('unsupported_format', 'not an image format brandlock reads (expected JPEG, PNG, WebP, TIFF, AVIF or GIF)');
    if (/no such file|Input file is missing/i.test(msg)) throw new ImageDecodeError('unreadable', 'file not found');
    throw new ImageDecodeError('corrupt', `cannot read the image header: ${msg}`);
  }
  if (!meta.format || !SUPPORTED.has(meta.format)) {
    throw new ImageDecodeError('unsupported_format', `${meta.format ?? 'unknown'} is not a format brandlock reads (expected JPEG, PNG, WebP, TIFF, AVIF or GIF)`);
  }
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height) throw new ImageDecodeError('corrupt', 'the image header gives no size');
  tooManyPixels(width, height, maxPixels);
  // Bytes in memory (an upload) are held to 200 MB by default; a file on disk is read by libvips, not
  // held, so only a limit the caller sets applies to it (the pixel limit bounds its decode either way).
  const maxBytes = options.maxBytes ?? (onDisk ? Infinity : DEFAULT_MAX_BYTES);
  if (size > maxBytes) throw new ImageDecodeError('too_large', `the file is ${size} bytes, above the ${maxBytes}-byte limit`);
  const depthBits = meta.depth === 'ushort' || meta.depth === 'short' ? 16 : meta.depth === 'float' || meta.depth === 'uint' || meta.depth === 'int' ? 32 : 8;
  return {
    format: meta.format,
    width,
    height,
    space: meta.space ?? 'unknown',
    channels: meta.channels ?? 0,
    bitsPerSample: depthBits,
    hasAlpha: Boolean(meta.hasAlpha),
    icc: meta.icc ? new Uint8Array(meta.icc) : undefined,
    iccDescription: meta.icc ? iccDescription(meta.icc) : undefined,
    exif: meta.exif ? new Uint8Array(meta.exif) : undefined,
    xmp: meta.xmp ? new Uint8Array(meta.xmp) : undefined,
    density: meta.density,
    orientation: meta.orientation,
    bytes: size,
  };
}

/** The first bytes of a file, enough to tell its format and (PNG, GIF) its declared size, and the file's size. */
async function readHead(path: string): Promise<{ head: Uint8Array; size: number }> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImageDecodeError('unreadable', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? (e as Error).message})`);
  }
  try {
    const head = new Uint8Array(64);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return { head: head.subarray(0, bytesRead), size: (await file.stat()).size };
  } finally {
    await file.close();
  }
}

/**
 * Decodes to an RGBA raster, converted to sRGB (CMYK and grey files are converted through their
 * profiles). The returned info describes the file as it was, so QC can still flag a CMYK source.
 * `probed` is probeImage's answer for this input and these options when the caller already has it
 * (reading the header again costs a libvips call per file).
 */
export async function decodeImage(input: Uint8Array | string, options: DecodeOptions = {}, probed?: ImageInfo): Promise<DecodedImage> {
  const info = probed ?? (await probeImage(input, options));
  const depth = options.depth === 'source' || options.depth === undefined ? (info.bitsPerSample >= 16 ? 16 : 8) : options.depth;
  try {
    let pipeline = sharp(input, { limitInputPixels: options.maxPixels ?? DEFAULT_MAX_PIXELS, failOn: 'truncated', ignoreIcc: options.convertToSrgb === false });
    if (options.autoOrient !== false) pipeline = pipeline.autoOrient();
    pipeline = pipeline.toColourspace(depth === 16 ? 'rgb16' : 'srgb').ensureAlpha();
    const { data, info: out } = await pipeline.raw({ depth: depth === 16 ? 'ushort' : 'uchar' }).toBuffer({ resolveWithObject: true });
    const samples = depth === 16 ? new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (out.channels !== 4) throw new ImageDecodeError('corrupt', `decoded to ${out.channels} channels, expected 4`);
    return { raster: { width: out.width, height: out.height, depth, data: samples }, info };
  } catch (e) {
    if (e instanceof ImageDecodeError) throw e;
    throw new ImageDecodeError('corrupt', `cannot decode the image: ${(e as Error).message}`);
  }
}
