/**
 * Adds one photo to the asset library: decoded as QC decodes it (the format sniffed from the bytes,
 * the pixel limit enforced before libvips decodes, so a decompression bomb or an SVG is refused),
 * described by core (kind, category, SKU, colour and nearest swatch, backdrop, findings) on the measure
 * thread, not the API thread (measure-pool.ts), its bytes
 * put in the blob store (content-addressed) and its row written. The name it came with is only a
 * label: control characters are removed and it is never used as a path on the server.
 */
import type { BrandLock } from '@brandlock/core';
import type { LibraryAsset } from '@brandlock/core/api';
import type { BlobStore } from '../assets/blob-store';
import type { Database } from '../store/database';
import { recordBlob } from '../store/blobs';
import { addLibraryAsset } from '../store/library';
import { measureOffThread } from './measure-pool';

const TYPES: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', tiff: 'image/tiff', avif: 'image/avif', heif: 'image/heif', gif: 'image/gif' };

export interface IngestOptions {
  /** Where the photo was found, relative to the folder added (or the upload's name). */
  path: string;
  addedBy: string;
  lock: BrandLock | null;
  lockHash: string | null;
  knownSkus?: readonly string[];
  tags?: string[];
  maxPixels?: number;
}

/** A label safe to store and show: no control characters, no leading slashes, at most 300 characters. */
export function cleanAssetPath(name: string): string {
  const cleaned = name.replace(/[\u0000-\u001f\u007f]/g, '').replace(/\\/g, '/').replace(/^\/+/, '').split('/').filter((p) => p && p !== '.' && p !== '..').join('/');
  return cleaned.slice(-300) || 'unnamed';
}

export async function ingestLibraryImage(db: Database, blobs: BlobStore, bytes: Uint8Array, o: IngestOptions): Promise<{ asset: LibraryAsset; created: boolean }> {
  const path = cleanAssetPath(o.path);
  const { facts, described } = await measureOffThread({ kind: 'describe', path, bytes, maxPixels: o.maxPixels, lock: o.lock, knownSkus: o.knownSkus ?? [] });
  const { sha256 } = await blobs.put(bytes);
  const contentType = TYPES[facts.format] ?? 'application/octet-stream';
  await recordBlob(db, { sha256, contentType, format: facts.format, bytes: bytes.byteLength, width: facts.width, height: facts.height });
  return addLibraryAsset(db, { sha256, fileName: path.split('/').pop()!, path, contentType, bytes: bytes.byteLength, width: facts.width, height: facts.height, facts: described, tags: o.tags ?? [], addedBy: o.addedBy, lockHash: o.lockHash });
}
