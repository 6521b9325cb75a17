/**
 * Where the pixels of an uncompressed baseline TIFF are, so they can be read straight from the file in
 * bands of rows instead of through libvips (which copies every strip into its own image, then into the
 * raw output buffer). Only the layout whose stored bytes are exactly the samples libvips would return
 * is accepted: IFD0, strips (not tiles), no compression, RGB with 3 samples or 4 with unassociated
 * alpha, interleaved, unsigned 8 or 16 bits (16-bit only little-endian, the host's order). Anything
 * else returns null and goes through libvips as before. The directory's profile, XMP, orientation and
 * resolution come along, so the file can be described without libvips too.
 */
import type { FileHandle } from 'node:fs/promises';
import { readTiffDirectory, TIFF_TAG, type ReadAt, type TiffDirectory } from '../file-metadata/tiff-directory';

export interface TiffStrips {
  width: number;
  height: number;
  channels: 3 | 4;
  depth: 8 | 16;
  rowsPerStrip: number;
  /** File offset of each strip's first byte. */
  offsets: number[];
  /** Bytes per row: width x channels x bytes per sample. */
  rowBytes: number;
  /** Photoshop's layers ride along (tag 37724); a graded copy holds only the composite. */
  photoshopLayers: boolean;
  /** The directory's metadata as stored, for describeTiff. */
  tags: TiffTags;
}

export interface TiffTags {
  icc?: Uint8Array;
  xmp?: Uint8Array;
  orientation?: number;
  /** X resolution as stored, and its unit (1 none, 2 inch, 3 centimetre). */
  xResolution?: number;
  resolutionUnit?: number;
  /** An EXIF directory is linked (tag 34665). */
  exif: boolean;
}

const TAG = { width: 256, height: 257, bits: 258, compression: 259, photometric: 262, fillOrder: 266, stripOffsets: 273, samples: 277, rowsPerStrip: 278, stripBytes: 279, planar: 284, extraSamples: 338, sampleFormat: 339, tileWidth: 322, orientation: 274, xResolution: 282, resolutionUnit: 296 } as const;
const TYPE_BYTES: Record<number, number> = { 1: 1, 3: 2, 4: 4 };
const UNASSOCIATED_ALPHA = 2;

/** @example const strips = await findTiffStrips(file); if (strips) await gradeTiffStrips(file, strips, frame, 'out.tif', grade); */
export async function findTiffStrips(file: FileHandle): Promise<TiffStrips | null> {
  const read = async (position: number, length: number) => {
    const buf = new Uint8Array(length);
    const { bytesRead } = await file.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  };
  const dir = await readTiffDirectory(read);
  if (!dir) return null;
  const values = (tag: number) => tagValues(dir, tag, read);
  const [width, height, bits, compression, photometric, fillOrder, samples, rowsPerStrip, planar, extra, format, tiles, offsets, counts] = await Promise.all(
    [TAG.width, TAG.height, TAG.bits, TAG.compression, TAG.photometric, TAG.fillOrder, TAG.samples, TAG.rowsPerStrip, TAG.planar, TAG.extraSamples, TAG.sampleFormat, TAG.tileWidth, TAG.stripOffsets, TAG.stripBytes].map(values),
  );
  const one = (v: number[] | null, fallback?: number) => (v === null ? fallback : v.length === 1 ? v[0] : undefined);
  const w = one(width);
  const h = one(height);
  const channels = one(samples, 1);
  const depth = bits?.[0];
  if (!w || !h || (channels !== 3 && channels !== 4) || (depth !== 8 && depth !== 16) || !bits || bits.length !== channels || bits.some((b) => b !== depth)) return null;
  if (one(compression, 1) !== 1 || one(photometric) !== 2 || one(planar, 1) !== 1 || one(fillOrder, 1) !== 1 || tiles !== null) return null;
  if (format !== null && (format.length !== channels || format.some((f) => f !== 1))) return null;
  if (channels === 4 ? one(extra) !== UNASSOCIATED_ALPHA : extra !== null) return null;
  if (depth === 16 && !(dir.littleEndian && HOST_IS_LITTLE_ENDIAN)) return null;
  const rps = Math.min(one(rowsPerStrip, h) ?? 0, h);
  const strips = Math.ceil(h / rps);
  const rowBytes = w * channels * (depth / 8);
  if (!rps || !offsets || !counts || offsets.length !== strips || counts.length !== strips) return null;
  if (counts.some((n, s) => n < Math.min(rps, h - s * rps) * rowBytes)) return null;
  const [icc, xmp, orientation, unit, xRes] = await Promise.all([tagBytes(dir, TIFF_TAG.icc, read), tagBytes(dir, TIFF_TAG.xmp, read), values(TAG.orientation), values(TAG.resolutionUnit), rational(dir, TAG.xResolution, read)]);
  const tags: TiffTags = { icc, xmp, orientation: one(orientation), xResolution: xRes, resolutionUnit: one(unit), exif: dir.entries.some((e) => e.tag === TIFF_TAG.exifIfd) };
  return { width: w, height: h, channels, depth, rowsPerStrip: rps, offsets, rowBytes, photoshopLayers: dir.entries.some((e) => e.tag === TIFF_TAG.photoshopLayers), tags };
}

/** The bytes of a BYTE or UNDEFINED tag (an ICC profile, an XMP packet), or undefined when absent. */
async function tagBytes(dir: TiffDirectory, tag: number, read: ReadAt): Promise<Uint8Array | undefined> {
  const entry = dir.entries.find((e) => e.tag === tag);
  if (!entry || (entry.type !== 1 && entry.type !== 7) || entry.count > 64 << 20) return undefined;
  return entry.count <= 4 ? entry.raw.slice(0, entry.count) : read(new DataView(entry.raw.buffer, entry.raw.byteOffset, 4).getUint32(0, dir.littleEndian), entry.count);
}

/** A RATIONAL tag's first value, or undefined. */
async function rational(dir: TiffDirectory, tag: number, read: ReadAt): Promise<number | undefined> {
  const entry = dir.entries.find((e) => e.tag === tag);
  if (!entry || entry.type !== 5) return undefined;
  const raw = await read(new DataView(entry.raw.buffer, entry.raw.byteOffset, 4).getUint32(0, dir.littleEndian), 8);
  if (raw.byteLength < 8) return undefined;
  const dv = new DataView(raw.buffer, raw.byteOffset, 8);
  const denominator = dv.getUint32(4, dir.littleEndian);
  return denominator ? dv.getUint32(0, dir.littleEndian) / denominator : undefined;
}

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Every value of a BYTE, SHORT or LONG tag (read from where the entry points when they do not fit in it), or null when absent. */
async function tagValues(dir: TiffDirectory, tag: number, read: ReadAt): Promise<number[] | null> {
  const entry = dir.entries.find((e) => e.tag === tag);
  if (!entry) return null;
  const size = TYPE_BYTES[entry.type];
  if (!size || entry.count > 1 << 20) return [];
  const bytes = size * entry.count;
  const raw = bytes <= 4 ? entry.raw : await read(new DataView(entry.raw.buffer, entry.raw.byteOffset, 4).getUint32(0, dir.littleEndian), bytes);
  if (raw.byteLength < bytes) return [];
  const dv = new DataView(raw.buffer, raw.byteOffset, bytes);
  return Array.from({ length: entry.count }, (_, i) => (size === 1 ? dv.getUint8(i) : size === 2 ? dv.getUint16(i * 2, dir.littleEndian) : dv.getUint32(i * 4, dir.littleEndian)));
}
