/**
 * Writes graded pixels as an uncompressed TIFF without an encoder: a header, the decode buffer itself
 * as the image data, and a directory after it (the layout libvips writes). An uncompressed TIFF is the
 * pixels plus a few hundred bytes, so going through libvips would only copy 72 MB (at 24 MP) into a
 * growing memory buffer to get the same bytes. The source's ICC profile, XMP, resolution and
 * orientation go into the directory (the pixels are stored as the source stored them, so its
 * orientation still applies).
 */
import type { EmbeddedMetadata, SplicedFile } from '@brandlock/core/file-metadata';
import type { GradedPixels } from './encode-graded';

export interface UncompressedTiffTags {
  /** Pixels per inch; 72 when the source did not say. */
  density?: number;
  /** The source's EXIF/TIFF orientation (1 to 8); 1 when it had none. */
  orientation?: number;
}

/** Rows in each strip: about 1 to 5 MB at 24 MP, as libvips writes them. */
const ROWS_PER_STRIP = 256;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const BYTE = 1;
const UNDEFINED = 7;

/** True on a little-endian host, where a Uint16Array's bytes are already a little-endian ("II") TIFF's samples. */
export const CAN_WRITE_TIFF_DIRECTLY = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** @example const { parts } = encodeUncompressedTiff(px, { icc, xmp }, { density: 300, orientation: 1 }); */
export function encodeUncompressedTiff(px: GradedPixels, meta: EmbeddedMetadata, tags: UncompressedTiffTags = {}): SplicedFile {
  const pixels = new Uint8Array(px.data.buffer, px.data.byteOffset, px.data.byteLength);
  const frame = uncompressedTiffFrame(px, meta, tags);
  if (pixels.byteLength !== frame.pixelBytes) throw new RangeError(`internal: ${pixels.byteLength} bytes of pixels for a ${px.width}x${px.height}x${px.channels} ${px.depth}-bit image`);
  return { parts: [frame.head, pixels, ...frame.tail], notes: frame.notes };
}

/** What goes around the pixels of an uncompressed TIFF: the bytes before them and the bytes after. */
export interface UncompressedTiffFrame {
  head: Uint8Array;
  /** Bytes of pixel data the frame was laid out for (rows of width x channels samples, no padding). */
  pixelBytes: number;
  /** A padding byte when the pixel data has an odd length, then the directory and its values. */
  tail: Uint8Array[];
  notes: string[];
}

/**
 * The header and directory of an uncompressed TIFF of this size, so its pixels can be written between
 * them as they are produced, in bands, without holding the whole image.
 * @example const { head, tail } = uncompressedTiffFrame({ width, height, channels: 3, depth: 8 }, meta);
 */
export function uncompressedTiffFrame(image: Pick<GradedPixels, 'width' | 'height' | 'channels' | 'depth'>, meta: EmbeddedMetadata, tags: UncompressedTiffTags = {}): UncompressedTiffFrame {
  const { width, height, channels, depth } = image;
  const rowBytes = width * channels * (depth / 8);
  const pixelBytes = rowBytes * height;
  const strips = Math.ceil(height / ROWS_PER_STRIP);
  const dataAt = 8;
  const ifdAt = dataAt + pixelBytes + (pixelBytes & 1);
  const dpi = tags.density && tags.density > 0 ? tags.density : 72;
  const entries: { tag: number; type: number; values: number[] | Uint8Array }[] = [
    { tag: 256, type: LONG, values: [width] },
    { tag: 257, type: LONG, values: [height] },
    { tag: 258, type: SHORT, values: Array(channels).fill(depth) },
    { tag: 259, type: SHORT, values: [1] },
    { tag: 262, type: SHORT, values: [2] },
    { tag: 273, type: LONG, values: Array.from({ length: strips }, (_, s) => dataAt + s * ROWS_PER_STRIP * rowBytes) },
    { tag: 274, type: SHORT, values: [tags.orientation && tags.orientation >= 1 && tags.orientation <= 8 ? tags.orientation : 1] },
    { tag: 277, type: SHORT, values: [channels] },
    { tag: 278, type: LONG, values: [ROWS_PER_STRIP] },
    { tag: 279, type: LONG, values: Array.from({ length: strips }, (_, s) => Math.min(ROWS_PER_STRIP, height - s * ROWS_PER_STRIP) * rowBytes) },
    { tag: 282, type: RATIONAL, values: rational(dpi) },
    { tag: 283, type: RATIONAL, values: rational(dpi) },
    { tag: 284, type: SHORT, values: [1] },
    { tag: 296, type: SHORT, values: [2] },
    ...(channels === 4 ? [{ tag: 338, type: SHORT, values: [2] }] : []),
    { tag: 339, type: SHORT, values: Array(channels).fill(1) },
    ...(meta.xmp ? [{ tag: 700, type: BYTE, values: meta.xmp }] : []),
    ...(meta.icc ? [{ tag: 34675, type: UNDEFINED, values: meta.icc }] : []),
  ];
  const size = (e: (typeof entries)[number]) => e.values.length * (e.type === SHORT ? 2 : e.type === LONG ? 4 : e.type === RATIONAL ? 4 : 1);
  const ifdBytes = 2 + entries.length * 12 + 4;
  const valuesBytes = entries.reduce((n, e) => n + (size(e) > 4 ? size(e) + (size(e) & 1) : 0), 0);
  const tail = new Uint8Array(ifdBytes + valuesBytes);
  const dv = new DataView(tail.buffer);
  dv.setUint16(0, entries.length, true);
  let valueAt = ifdBytes;
  entries.forEach((e, i) => {
    const at = 2 + i * 12;
    dv.setUint16(at, e.tag, true);
    dv.setUint16(at + 2, e.type, true);
    dv.setUint32(at + 4, e.type === RATIONAL ? e.values.length / 2 : e.values.length, true);
    const bytes = size(e);
    let to = at + 8;
    if (bytes > 4) {
      dv.setUint32(at + 8, ifdAt + valueAt, true);
      to = valueAt;
      valueAt += bytes + (bytes & 1);
    }
    if (e.values instanceof Uint8Array) tail.set(e.values, to);
    else e.values.forEach((v, k) => (e.type === SHORT ? dv.setUint16(to + k * 2, v, true) : dv.setUint32(to + k * 4, v, true)));
  });
  const header = new Uint8Array(8);
  const hv = new DataView(header.buffer);
  header.set([0x49, 0x49]);
  hv.setUint16(2, 42, true);
  hv.setUint32(4, ifdAt, true);
  return { head: header, pixelBytes, tail: [...(pixelBytes & 1 ? [new Uint8Array(1)] : []), tail], notes: meta.exif ? ['EXIF is not written into TIFF files (the profile and XMP are)'] : [] };
}

/** A resolution as a TIFF RATIONAL (numerator, denominator), exact to 1/10000 of a pixel per inch. */
function rational(value: number): number[] {
  return Number.isInteger(value) ? [value, 1] : [Math.round(value * 10000), 10000];
}
