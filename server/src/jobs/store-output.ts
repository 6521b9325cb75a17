/**
 * Copies one provider output into our blob store at once (provider URLs expire or get deleted) and
 * records what it is. The type is sniffed from the bytes: images through libvips, MP4/QuickTime video
 * by its `ftyp` box; anything else is refused rather than stored under a claimed type.
 */
import type { BlobStore } from '../assets/blob-store';
import type { Queryable } from '../store/database';
import { recordBlob, type BlobMeta } from '../store/blobs';
import { ImageDecodeError, probeImage } from '../pipeline/decode-image';

const IMAGE_TYPES: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', tiff: 'image/tiff', avif: 'image/avif', heif: 'image/heif', gif: 'image/gif' };

export class OutputRejected extends Error {
  override name = 'OutputRejected';
}

/** What the bytes are, or an OutputRejected naming why not. */
export async function sniffOutput(bytes: Uint8Array, maxPixels: number): Promise<Omit<BlobMeta, 'sha256'>> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(4, 12));
  if (head.startsWith('ftyp') && !/^ftyp(avif|avis|heic|heix|mif1)/.test(head)) {
    return { contentType: /qt {2}/.test(head) ? 'video/quicktime' : 'video/mp4', format: 'mp4', bytes: bytes.byteLength, width: null, height: null };
  }
  try {
    const info = await probeImage(bytes, { maxPixels });
    return { contentType: IMAGE_TYPES[info.format] ?? 'application/octet-stream', format: info.format, bytes: bytes.byteLength, width: info.width, height: info.height };
  } catch (e) {
    if (e instanceof ImageDecodeError) throw new OutputRejected(`the provider returned something that is not a usable image or video (${e.message})`);
    throw e;
  }
}

export async function storeOutput(db: Queryable, blobs: BlobStore, bytes: Uint8Array, maxPixels: number): Promise<BlobMeta> {
  const meta = await sniffOutput(bytes, maxPixels);
  const { sha256 } = await blobs.put(bytes);
  const full = { sha256, ...meta };
  await recordBlob(db, full);
  return full;
}
