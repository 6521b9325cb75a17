/**
 * Adds an ICC profile, EXIF and XMP to an encoded WebP: the file becomes the extended format (a VP8X
 * header chunk with the ICC, EXIF and XMP flags), with ICCP before the image data and EXIF and XMP
 * after it, in the order the WebP container specification gives.
 */
import { concatBytes } from '../channels/metadata/bytes';
import { exifTiffBytes, type EmbeddedMetadata, type SplicedFile } from './embedded-metadata';

const ICC = 0x20;
const ALPHA = 0x10;
const EXIF = 0x08;
const XMP = 0x04;

/** @example const { parts } = embedWebpMetadata(await sharp(raw).webp().toBuffer(), info, width, height); */
export function embedWebpMetadata(webp: Uint8Array, meta: EmbeddedMetadata, width: number, height: number): SplicedFile {
  if (fourcc(webp, 0) !== 'RIFF' || fourcc(webp, 8) !== 'WEBP') throw new Error('the encoder did not write a WebP (no RIFF/WEBP header)');
  const chunks = webpChunks(webp);
  const existing = chunks.find((c) => c.type === 'VP8X');
  let flags = existing ? existing.body[0] : chunks.some((c) => c.type === 'VP8L' && (c.body[4] & 0x10)) ? ALPHA : 0;
  if (meta.icc) flags |= ICC;
  if (meta.exif) flags |= EXIF;
  if (meta.xmp) flags |= XMP;
  const header = new Uint8Array(10);
  header[0] = flags;
  writeUint24(header, 4, width - 1);
  writeUint24(header, 7, height - 1);
  const image = chunks.filter((c) => !['VP8X', 'ICCP', 'EXIF', 'XMP '].includes(c.type));
  const ordered = [
    chunk('VP8X', header),
    ...(meta.icc ? [chunk('ICCP', meta.icc)] : []),
    ...image.map((c) => chunk(c.type, c.body)),
    ...(meta.exif ? [chunk('EXIF', exifTiffBytes(meta.exif))] : []),
    ...(meta.xmp ? [chunk('XMP ', meta.xmp)] : []),
  ].flat();
  const size = 4 + ordered.reduce((n, p) => n + p.length, 0);
  const riff = concatBytes([latin1('RIFF'), uint32(size), latin1('WEBP')]);
  return { parts: [riff, ...ordered], notes: [] };
}

/** The chunks of a WebP's RIFF container after its header, in order (bodies are views, not copies). */
export function webpChunks(webp: Uint8Array): { type: string; body: Uint8Array }[] {
  const chunks: { type: string; body: Uint8Array }[] = [];
  for (let at = 12; at + 8 <= webp.length; ) {
    const size = webp[at + 4] | (webp[at + 5] << 8) | (webp[at + 6] << 16) | (webp[at + 7] << 24);
    chunks.push({ type: fourcc(webp, at), body: webp.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size & 1);
  }
  return chunks;
}

/** A chunk as parts: its header, the body (not copied) and a pad byte for odd sizes. */
function chunk(type: string, body: Uint8Array): Uint8Array[] {
  const parts = [concatBytes([latin1(type), uint32(body.length)]), body];
  if (body.length & 1) parts.push(new Uint8Array(1));
  return parts;
}

function fourcc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}

function uint32(n: number): Uint8Array {
  return Uint8Array.of(n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff);
}

function writeUint24(out: Uint8Array, at: number, n: number): void {
  out[at] = n & 0xff;
  out[at + 1] = (n >> 8) & 0xff;
  out[at + 2] = (n >> 16) & 0xff;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
