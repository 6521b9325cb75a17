/**
 * Turns a variant frame's lossless PNG export into the file its channel delivers: JPEG or WebP at the
 * spec's quality (lowered only as far as the byte limit needs), PNG as exported, TIFF through our own
 * writer. Figma cannot do any of this itself (PNG/JPG only, no quality setting).
 */
import type { Delivery } from '../../protocol/variants';
import { encodeWithinBytes } from '../../export/encode-within-bytes';
import { encodeTiff } from '../../export/encode-tiff';
import { decodeImageBytes, encodePixels } from '../image/canvas-image';

export interface DeliveredFile {
  bytes: Uint8Array;
  quality: number | null;
  /** Said when the file is over the spec's byte limit even at the quality floor. */
  warning: string | null;
}

export async function encodeForDelivery(png: Uint8Array, delivery: Delivery): Promise<DeliveredFile> {
  const overLimit = (bytes: Uint8Array) =>
    delivery.maxBytes !== null && bytes.length > delivery.maxBytes ? `${kb(bytes.length)} is over the channel's ${kb(delivery.maxBytes)} limit` : null;
  if (delivery.format === 'png') return { bytes: png, quality: null, warning: overLimit(png) };
  const img = await decodeImageBytes(png);
  if (delivery.format === 'tiff') {
    const tif = encodeTiff(img.width, img.height, img.data);
    return { bytes: tif, quality: null, warning: overLimit(tif) };
  }
  const format = delivery.format;
  const background = format === 'jpeg' ? '#ffffff' : null;
  const r = await encodeWithinBytes((q) => encodePixels(img, format, q, background), { quality: delivery.quality, maxBytes: delivery.maxBytes });
  return {
    bytes: r.bytes,
    quality: r.quality,
    warning: r.fits ? null : `${kb(r.bytes.length)} at quality ${r.quality} is still over the channel's ${kb(delivery.maxBytes!)} limit`,
  };
}

function kb(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.round(n / 1000)} kB`;
}
