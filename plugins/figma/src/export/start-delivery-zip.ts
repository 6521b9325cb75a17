/**
 * Packs delivered files into one zip with a manifest.json a DAM import can read (file, channel, size,
 * bytes, sha256, quality), as they are made: each file is compressed into the zip when added, and the
 * zip grows as a list of Blob parts, so a delivery of many large frames is held once (in Blobs the
 * browser may keep outside the page's heap), not as the files, the zip and the download's copy.
 * Already-compressed images are stored, not deflated again. Two files with one name (case-insensitive,
 * as on macOS and Windows) are refused, never overwritten; Export all checks names before it starts.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { sha256Hex } from '@brandlock/core/hash';
import { MANIFEST_NAME } from './find-name-collisions';

export interface ZipEntry {
  fileName: string;
  channelId: string;
  width: number;
  height: number;
  format: string;
  quality: number | null;
  bytes: Uint8Array;
}

export interface DeliveryZip {
  /** Compresses one file into the zip; its bytes need not be kept. Throws on a name already in the zip. */
  add(entry: ZipEntry): void;
  /** How many files were added. */
  readonly count: number;
  /** Writes the manifest (meta and one line per file) and closes the zip. */
  finish(meta: Record<string, string>): Blob;
}

export function startDeliveryZip(): DeliveryZip {
  const parts: Blob[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
  });
  const names = new Set<string>([MANIFEST_NAME]);
  const manifest: Record<string, unknown>[] = [];
  const put = (fileName: string, bytes: Uint8Array, level: 0 | 6) => {
    const file = level ? new ZipDeflate(fileName, { level }) : new ZipPassThrough(fileName);
    zip.add(file);
    file.push(bytes, true);
    if (failure) throw failure;
  };
  return {
    add(e) {
      const key = e.fileName.toLowerCase();
      if (names.has(key)) throw new Error(`The zip already holds a file named ${e.fileName}`);
      names.add(key);
      put(e.fileName, e.bytes, e.format === 'tiff' ? 6 : 0);
      manifest.push({ file: e.fileName, channel: e.channelId, width: e.width, height: e.height, format: e.format, quality: e.quality, bytes: e.bytes.length, sha256: sha256Hex(e.bytes) });
    },
    get count() {
      return manifest.length;
    },
    finish(meta) {
      put(MANIFEST_NAME, new TextEncoder().encode(`${JSON.stringify({ ...meta, files: manifest }, null, 2)}\n`), 6);
      zip.end();
      if (failure) throw failure;
      return new Blob(parts, { type: 'application/zip' });
    },
  };
}
