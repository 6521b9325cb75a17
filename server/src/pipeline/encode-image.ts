/**
 * Encodes a core Raster to PNG, JPEG, TIFF or WebP with sharp, 8 or 16 bit, carrying the source's ICC
 * profile, EXIF and XMP over unchanged (pixel values are written as they are, never converted).
 * sharp cannot attach profile or EXIF bytes to raw pixels, so when there is metadata to keep the
 * pixels go through a lossless PNG that carries it (iCCP, eXIf and iTXt chunks), which sharp then
 * encodes with keepIccProfile/keepExif/keepXmp. TIFF output gets ICC and XMP (sharp writes no EXIF to
 * TIFF); IPTC-IIM blocks are not carried (IPTC Core lives in the XMP).
 */
import sharp, { type Sharp } from 'sharp';
import { zlibSync } from 'fflate';
import type { Raster } from '@brandlock/core';

export type EncodeFormat = 'png' | 'jpeg' | 'tiff' | 'webp';

export interface EncodeOptions {
  format: EncodeFormat;
  /** 16 keeps 16-bit PNG/TIFF; JPEG and WebP are always 8. Default: the raster's depth where possible. */
  depth?: 8 | 16;
  /** Write the alpha channel (PNG, TIFF, WebP). Default: only when some pixel is not opaque. */
  alpha?: boolean;
  /** ICC profile the pixel values are in, attached as is. */
  icc?: Uint8Array;
  /** EXIF as sharp's metadata() returns it ("Exif\0\0" + TIFF structure, or the TIFF structure alone). */
  exif?: Uint8Array;
  xmp?: Uint8Array | string;
  /** JPEG/WebP quality 1..100. Default 92. */
  quality?: number;
}

/** The output format a file name asks for, from its extension. */
export function formatForPath(path: string): EncodeFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const formats: Record<string, EncodeFormat> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', tif: 'tiff', tiff: 'tiff', webp: 'webp' };
  return ext ? (formats[ext] ?? null) : null;
}

/**
 * Encodes a raster; the bytes are the whole file.
 * @example await encodeImage(raster, { format: 'png', icc: info.icc, exif: info.exif, xmp: info.xmp })
 */
export async function encodeImage(raster: Raster, options: EncodeOptions): Promise<Buffer> {
  const { format } = options;
  const depth = format === 'png' || format === 'tiff' ? (options.depth ?? raster.depth) : 8;
  const transparent = hasTransparency(raster);
  const flatten = format === 'jpeg' && transparent;
  const pixels = depth === raster.depth ? raster : toDepth(raster, depth);
  let image = rawImage(pixels, flatten || (format !== 'jpeg' && (options.alpha ?? transparent)));
  const keep = Boolean(options.icc || options.exif || options.xmp);
  if (keep) {
    const carrier = await image.png({ compressionLevel: 0, adaptiveFiltering: false }).toBuffer();
    image = sharp(withPngMetadata(carrier, options), { limitInputPixels: false }).keepIccProfile().keepExif().keepXmp();
    if (depth === 16) image = image.toColourspace('rgb16');
  }
  if (flatten) image = image.flatten({ background: '#ffffff' });
  const quality = options.quality ?? 92;
  if (format === 'png') image = image.png({ compressionLevel: 6 });
  else if (format === 'jpeg') image = image.jpeg({ quality, chromaSubsampling: quality >= 90 ? '4:4:4' : '4:2:0' });
  else if (format === 'webp') image = image.webp({ quality, alphaQuality: 100 });
  else image = image.tiff({ compression: 'lzw', predictor: 'horizontal' });
  return image.toBuffer();
}

function rawImage(raster: Raster, alpha: boolean): Sharp {
  const { width, height } = raster;
  const data = raster.depth === 16 ? (raster.data as Uint16Array) : Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength);
  let image = sharp(data, { raw: { width, height, channels: 4 }, limitInputPixels: false });
  if (!alpha) image = image.removeAlpha();
  return raster.depth === 16 ? image.toColourspace('rgb16') : image;
}

function hasTransparency(raster: Raster): boolean {
  const opaque = raster.depth === 8 ? 255 : 65535;
  for (let i = 3; i < raster.data.length; i += 4) if (raster.data[i] !== opaque) return true;
  return false;
}

function toDepth(raster: Raster, depth: 8 | 16): Raster {
  const n = raster.data.length;
  const data = depth === 8 ? new Uint8Array(n) : new Uint16Array(n);
  if (depth === 8) for (let i = 0; i < n; i++) data[i] = Math.round(raster.data[i] / 257);
  else for (let i = 0; i < n; i++) data[i] = raster.data[i] * 257;
  return { width: raster.width, height: raster.height, depth, data };
}

/** Inserts iCCP, eXIf and iTXt (XMP) chunks right after a PNG's IHDR chunk. */
function withPngMetadata(png: Buffer, options: EncodeOptions): Buffer {
  const chunks: Buffer[] = [];
  if (options.icc) chunks.push(pngChunk('iCCP', Buffer.concat([Buffer.from('ICC profile\0\0', 'latin1'), zlibSync(options.icc)])));
  if (options.exif) {
    const exif = Buffer.from(options.exif);
    chunks.push(pngChunk('eXIf', exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif));
  }
  if (options.xmp) chunks.push(pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(options.xmp)])));
  const ihdrEnd = 8 + 4 + 4 + 13 + 4;
  return Buffer.concat([png.subarray(0, ihdrEnd), ...chunks, png.subarray(ihdrEnd)]);
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
