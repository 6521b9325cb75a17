/**
 * Reads and extends a TIFF's first image directory (IFD0). Reading tells how a source TIFF was
 * stored (compression, predictor, Photoshop layers), so a graded copy can be stored the same way.
 * Extending adds the ICC profile (tag 34675) and XMP (tag 700) libvips cannot attach to raw pixels:
 * the blobs and a new directory are appended after the image data and the header points at the new
 * directory, so the image data is neither moved nor copied.
 */
import type { EmbeddedMetadata, SplicedFile } from '@brandlock/core/file-metadata';

export const TIFF_TAG = { compression: 259, predictor: 317, xmp: 700, exifIfd: 34665, icc: 34675, photoshopLayers: 37724 } as const;

export interface TiffEntry {
  tag: number;
  type: number;
  count: number;
  /** The 4 value-or-offset bytes as stored. */
  raw: Uint8Array;
}

export interface TiffDirectory {
  littleEndian: boolean;
  entries: TiffEntry[];
  next: number;
}

/** Reads `length` bytes at `position` of the file being examined. */
export type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

/** IFD0 of a classic TIFF, or null for something else (BigTIFF, not a TIFF). */
export async function readTiffDirectory(read: ReadAt): Promise<TiffDirectory | null> {
  const head = await read(0, 8);
  const littleEndian = head[0] === 0x49 && head[1] === 0x49;
  if (!littleEndian && !(head[0] === 0x4d && head[1] === 0x4d)) return null;
  const view = new DataView(head.buffer, head.byteOffset, 8);
  if (view.getUint16(2, littleEndian) !== 42) return null;
  const offset = view.getUint32(4, littleEndian);
  const countBytes = await read(offset, 2);
  if (countBytes.length < 2) return null;
  const count = new DataView(countBytes.buffer, countBytes.byteOffset, 2).getUint16(0, littleEndian);
  const body = await read(offset + 2, count * 12 + 4);
  if (body.length < count * 12 + 4) return null;
  const dv = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const entries: TiffEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = i * 12;
    entries.push({ tag: dv.getUint16(at, littleEndian), type: dv.getUint16(at + 2, littleEndian), count: dv.getUint32(at + 4, littleEndian), raw: body.slice(at + 8, at + 12) });
  }
  return { littleEndian, entries, next: dv.getUint32(count * 12, littleEndian) };
}

/** A SHORT or LONG tag's first value, or undefined. */
export function tiffValue(dir: TiffDirectory, tag: number): number | undefined {
  const entry = dir.entries.find((e) => e.tag === tag);
  if (!entry) return undefined;
  const dv = new DataView(entry.raw.buffer, entry.raw.byteOffset, 4);
  return entry.type === 3 ? dv.getUint16(0, dir.littleEndian) : dv.getUint32(0, dir.littleEndian);
}

/**
 * Adds ICC and XMP to an encoded TIFF (EXIF is not carried into TIFF: it would need its own directory).
 * @example const { parts } = embedTiffMetadata(await sharp(raw).tiff().toBuffer(), info);
 */
export async function embedTiffMetadata(tiff: Uint8Array, meta: EmbeddedMetadata): Promise<SplicedFile> {
  const notes = meta.exif ? ['EXIF is not written into TIFF files (the profile and XMP are)'] : [];
  if (!meta.icc && !meta.xmp) return { parts: [tiff], notes };
  const dir = await readTiffDirectory(async (position, length) => tiff.subarray(position, position + length));
  if (!dir) throw new Error('the encoder did not write a classic TIFF');
  const le = dir.littleEndian;
  const appended: Uint8Array[] = [];
  let end = tiff.length;
  const place = (bytes: Uint8Array): number => {
    if (end & 1) {
      appended.push(new Uint8Array(1));
      end++;
    }
    const at = end;
    appended.push(bytes);
    end += bytes.length;
    return at;
  };
  const blob = (tag: number, type: number, bytes: Uint8Array): TiffEntry => {
    const raw = new Uint8Array(4);
    if (bytes.length <= 4) raw.set(bytes);
    else new DataView(raw.buffer).setUint32(0, place(bytes), le);
    return { tag, type, count: bytes.length, raw };
  };
  const added = [...(meta.xmp ? [blob(TIFF_TAG.xmp, 1, meta.xmp)] : []), ...(meta.icc ? [blob(TIFF_TAG.icc, 7, meta.icc)] : [])];
  const entries = [...dir.entries.filter((e) => !added.some((a) => a.tag === e.tag)), ...added].sort((a, b) => a.tag - b.tag);
  const ifd = new Uint8Array(2 + entries.length * 12 + 4);
  const dv = new DataView(ifd.buffer);
  dv.setUint16(0, entries.length, le);
  entries.forEach((e, i) => {
    dv.setUint16(2 + i * 12, e.tag, le);
    dv.setUint16(4 + i * 12, e.type, le);
    dv.setUint32(6 + i * 12, e.count, le);
    ifd.set(e.raw, 10 + i * 12);
  });
  dv.setUint32(2 + entries.length * 12, dir.next, le);
  const ifdAt = place(ifd);
  const header = tiff.slice(0, 8);
  new DataView(header.buffer).setUint32(4, ifdAt, le);
  return { parts: [header, tiff.subarray(8), ...appended], notes };
}
