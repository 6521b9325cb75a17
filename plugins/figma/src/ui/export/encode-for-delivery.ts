/**
 * Turns a variant frame's lossless PNG export into the file its channel delivers. Connected, the
 * brandlock server encodes it with the encoder `brandlock variants` uses (every format, AVIF too,
 * quality within maxBytes, LZW TIFF, sRGB ICC profile). Offline, the plugin window does what a
 * browser can: JPEG or WebP at the spec's quality (lowered only as far as the byte limit needs), PNG
 * as exported, TIFF through our own writer, each with the sRGB ICC profile its pixels are in (the
 * compact profile the server embeds, added where the browser's encoder wrote none: Chromium's JPEG
 * and WebP carry its own sRGB profile, its PNG and our TIFF none, and a DAM or print workflow would
 * have to guess), and JPEG, PNG and TIFF at the channel's dpi as the server writes them; AVIF it cannot
 * write, and says so before anything is exported.
 * Figma itself writes only PNG and JPG, without a quality setting.
 */
import type { Delivery } from '../../protocol/variants';
import { encodeWithinBytes } from '../../export/encode-within-bytes';
import { encodeTiff } from '../../export/encode-tiff';
import { concatBytes } from '@brandlock/core/channels';
import { embedJpegMetadata, embedPngMetadata, embedWebpMetadata, hasIccProfile, srgbIccProfile } from '@brandlock/core/file-metadata';
import { decodeImageBytes, encodePixels } from '../image/canvas-image';

export interface DeliveredFile {
  bytes: Uint8Array;
  quality: number | null;
  /** Said when the file is over the spec's byte limit even at the quality floor. */
  warning: string | null;
  /** Who encoded it: the server (ICC profile, same encoder as `brandlock variants`) or this window. */
  by: 'server' | 'window';
}

/** What the server writes into the file's XMP/IPTC about where the image came from. */
export interface EncodeProvenance {
  sku?: string;
  job?: string;
}

/** The server's encoder, when the plugin is connected. */
export interface ServerEncoder {
  encode(channel: string, png: Uint8Array, lock?: string, provenance?: EncodeProvenance): Promise<{ bytes: Uint8Array; quality: number | null }>;
}

/** Why a format cannot be exported without the server, or null. */
export function needsServer(delivery: Delivery, server: ServerEncoder | null): string | null {
  return delivery.format === 'avif' && !server ? 'AVIF is encoded by your brandlock server; connect to it to export this channel' : null;
}

export async function encodeForDelivery(png: Uint8Array, delivery: Delivery, channelId: string, server: ServerEncoder | null, provenance: EncodeProvenance = {}): Promise<DeliveredFile> {
  if (server) {
    const res = await server.encode(channelId, png, 'current', provenance);
    return { bytes: res.bytes, quality: res.quality, warning: null, by: 'server' };
  }
  const overLimit = (bytes: Uint8Array) =>
    delivery.maxBytes !== null && bytes.length > delivery.maxBytes ? `${kb(bytes.length)} is over the channel's ${kb(delivery.maxBytes)} limit` : null;
  const icc = srgbIccProfile();
  // The channel's resolution, as the server writes it with sharp's withDensity (print workflows read it).
  const dpi = delivery.dpi ?? 72;
  if (delivery.format === 'png') {
    const tagged = concatBytes(embedPngMetadata(png, { icc, dpi }).parts);
    return { bytes: tagged, quality: null, warning: overLimit(tagged), by: 'window' };
  }
  const img = await decodeImageBytes(png);
  if (delivery.format === 'tiff') {
    const tif = encodeTiff(img.width, img.height, img.data, icc, dpi);
    return { bytes: tif, quality: null, warning: overLimit(tif), by: 'window' };
  }
  if (delivery.format === 'avif') throw new Error(needsServer(delivery, null)!);
  const format = delivery.format;
  const background = format === 'jpeg' ? '#ffffff' : null;
  // The profile goes in before the size is checked against the channel's limit.
  const tagged = async (q: number) => {
    const bytes = await encodePixels(img, format, q, background);
    const profile = hasIccProfile(bytes, format) ? {} : { icc };
    if (format === 'jpeg') return concatBytes(embedJpegMetadata(bytes, { ...profile, dpi }).parts);
    return profile.icc ? concatBytes(embedWebpMetadata(bytes, profile, img.width, img.height).parts) : bytes;
  };
  const r = await encodeWithinBytes(tagged, { quality: delivery.quality, maxBytes: delivery.maxBytes });
  return {
    bytes: r.bytes,
    quality: r.quality,
    warning: r.fits ? null : `${kb(r.bytes.length)} at quality ${r.quality} is still over the channel's ${kb(delivery.maxBytes!)} limit`,
    by: 'window',
  };
}

function kb(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.round(n / 1000)} kB`;
}
