/**
 * The lock's LUTs as prepared tables, read from the blob store by the SHA-256 the lock pins. A LUT
 * the lock names but the server does not hold is reported, never guessed; tables are kept by hash
 * (content never changes under a hash) so a batch parses each grade once.
 */
import { parseCubeOrThrow, prepareLut, type BrandLock, type PreparedLut } from '@brandlock/core';
import type { BlobStore } from '../../assets/blob-store';

export type LutLookup = { success: true; id: string; table: PreparedLut } | { success: false; message: string };

const prepared = new Map<string, PreparedLut>();

/**
 * @example const lut = await lutForCategory(lock, 'warm-studio', blobs);
 */
export async function lookupLut(lock: BrandLock, lutId: string, blobs: BlobStore): Promise<LutLookup> {
  const ref = lock.luts.find((l) => l.id === lutId);
  if (!ref) return { success: false, message: `the lock has no LUT "${lutId}"` };
  if (!ref.sha256) return { success: false, message: `LUT ${lutId} has no sha256 in the lock, so the server cannot tell which file it is; run "brandlock lock check" and publish the lock with it` };
  const cached = prepared.get(ref.sha256);
  if (cached) return { success: true, id: lutId, table: cached };
  const bytes = await blobs.get(ref.sha256);
  if (!bytes) return { success: false, message: `LUT ${lutId} (${ref.file}, sha256 ${ref.sha256.slice(0, 12)}…) has not been uploaded to this server` };
  const table = prepareLut(parseCubeOrThrow(new TextDecoder().decode(bytes), ref.file), 8);
  if (prepared.size > 16) prepared.delete(prepared.keys().next().value!);
  prepared.set(ref.sha256, table);
  return { success: true, id: lutId, table };
}
