/**
 * Adds EXIF (APP1 "Exif"), XMP (APP1 Adobe namespace) and an ICC profile (APP2 "ICC_PROFILE", split
 * into numbered chunks as the ICC specification's JPEG embedding says) to a JPEG that has none, after
 * the JFIF header the encoder wrote, and sets that header's density to `dpi` (writing a JFIF header
 * when there is none). The entropy-coded data is not touched or copied.
 */
import { concatBytes } from '../channels/metadata/bytes';
import { exifTiffBytes, type EmbeddedMetadata, type SplicedFile } from './embedded-metadata';

const SEGMENT_MAX = 65533;
const XMP_NS = 'http://ns.adobe.com/xap/1.0/\0';
const ICC_TAG = 'ICC_PROFILE\0';
const ICC_CHUNK = SEGMENT_MAX - ICC_TAG.length - 2;

/** @example const { parts } = embedJpegMetadata(await sharp(raw).jpeg().toBuffer(), info); */
export function embedJpegMetadata(jpeg: Uint8Array, meta: EmbeddedMetadata): SplicedFile {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('the encoder did not write a JPEG (no start-of-image marker)');
  const notes: string[] = [];
  const segments: Uint8Array[] = [];
  if (meta.exif) {
    const body = concatBytes([latin1('Exif\0\0'), exifTiffBytes(meta.exif)]);
    if (body.length <= SEGMENT_MAX) segments.push(segment(0xe1, body));
    else notes.push(`the source's EXIF (${kb(body.length)}) is larger than a JPEG segment holds, so it was not carried`);
  }
  if (meta.xmp) {
    const body = concatBytes([latin1(XMP_NS), meta.xmp]);
    if (body.length <= SEGMENT_MAX) segments.push(segment(0xe1, body));
    else notes.push(`the source's XMP (${kb(body.length)}) is larger than a JPEG segment holds (extended XMP is not written), so it was not carried`);
  }
  if (meta.icc) {
    const count = Math.ceil(meta.icc.length / ICC_CHUNK);
    if (count > 255) notes.push(`the ICC profile (${kb(meta.icc.length)}) is too large to embed in a JPEG`);
    else for (let i = 0; i < count; i++) segments.push(segment(0xe2, concatBytes([latin1(ICC_TAG), Uint8Array.of(i + 1, count), meta.icc.subarray(i * ICC_CHUNK, (i + 1) * ICC_CHUNK)])));
  }
  const at = afterJfif(jpeg);
  const head = meta.dpi ? withDensity(jpeg.subarray(0, at), meta.dpi) : jpeg.subarray(0, at);
  return { parts: [head, ...segments, jpeg.subarray(at)], notes };
}

/**
 * SOI and the JFIF header with its density set to `dpi` pixels per inch (units 1), on a copy; a JFIF
 * header is added after SOI when the file has none (JFIF 1.01, no thumbnail).
 */
function withDensity(head: Uint8Array, dpi: number): Uint8Array {
  const d = Math.max(1, Math.min(65535, Math.round(dpi)));
  const isJfif = head.length >= 18 && head[3] === 0xe0 && latin1Text(head.subarray(6, 11)) === 'JFIF\0';
  const out = isJfif ? head.slice() : concatBytes([head.subarray(0, 2), segment(0xe0, Uint8Array.of(0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0)), head.subarray(2)]);
  // SOI (2), APP0 marker and length (4), "JFIF\0" (5), version (2), then units and the two densities.
  out[13] = 1;
  out[14] = d >> 8;
  out[15] = d & 0xff;
  out[16] = d >> 8;
  out[17] = d & 0xff;
  return out;
}

function latin1Text(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/** Where metadata goes: after SOI and the APP0 (JFIF) segment when there is one. */
function afterJfif(jpeg: Uint8Array): number {
  if (jpeg[2] === 0xff && jpeg[3] === 0xe0) return 4 + ((jpeg[4] << 8) | jpeg[5]);
  return 2;
}

function segment(marker: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  out[0] = 0xff;
  out[1] = marker;
  out[2] = (body.length + 2) >> 8;
  out[3] = (body.length + 2) & 0xff;
  out.set(body, 4);
  return out;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function kb(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}
