/**
 * Puts an XMP packet into a PNG the way the XMP specification says: one uncompressed iTXt chunk with
 * the keyword "XML:com.adobe.xmp", before the image data. libvips writes it as compressed zTXt,
 * which Adobe's toolkit and most DAM readers do not look for; this replaces any such chunk.
 */
import { concatBytes, pngChunk } from './bytes';
import { encodeUtf8 } from './encode-utf8';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const KEYWORD = 'XML:com.adobe.xmp';

/** Thrown when the bytes are not a PNG this function can edit. */
export class PngStructureError extends Error {
  override name = 'PngStructureError';
}

/** @example const tagged = setPngXmp(await sharp(px).png().toBuffer(), buildXmpPacket(fields)); */
export function setPngXmp(png: Uint8Array, xmp: string): Uint8Array {
  if (png.length < 8 || SIGNATURE.some((b, i) => png[i] !== b)) throw new PngStructureError('not a PNG: the signature is missing');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const kept: Uint8Array[] = [png.subarray(0, 8)];
  let inserted = false;
  for (let at = 8; at < png.length; ) {
    if (at + 12 > png.length) throw new PngStructureError(`truncated chunk at byte ${at}`);
    const len = view.getUint32(at);
    const type = String.fromCharCode(png[at + 4], png[at + 5], png[at + 6], png[at + 7]);
    const end = at + 12 + len;
    if (end > png.length) throw new PngStructureError(`chunk ${type} at byte ${at} runs past the end`);
    if ((type === 'IDAT' || type === 'IEND') && !inserted) {
      kept.push(itxtChunk(xmp));
      inserted = true;
    }
    if (!((type === 'iTXt' || type === 'zTXt' || type === 'tEXt') && startsWithKeyword(png, at + 8))) kept.push(png.subarray(at, end));
    at = end;
  }
  return concatBytes(kept);
}

function startsWithKeyword(png: Uint8Array, at: number): boolean {
  for (let i = 0; i < KEYWORD.length; i++) if (png[at + i] !== KEYWORD.charCodeAt(i)) return false;
  return png[at + KEYWORD.length] === 0;
}

/** keyword \0, compression flag 0, method 0, empty language \0, empty translated keyword \0, UTF-8 text. */
function itxtChunk(xmp: string): Uint8Array {
  const text = encodeUtf8(xmp);
  const head = KEYWORD.length + 5;
  const body = new Uint8Array(head + text.length);
  for (let i = 0; i < KEYWORD.length; i++) body[i] = KEYWORD.charCodeAt(i);
  body.set(text, head);
  return pngChunk('iTXt', body);
}
