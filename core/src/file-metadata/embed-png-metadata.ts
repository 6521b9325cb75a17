/**
 * Adds an ICC profile (iCCP), EXIF (eXIf) and XMP (an uncompressed iTXt "XML:com.adobe.xmp", as the
 * XMP specification asks) to an encoded PNG, right after its header chunk, where every reader looks
 * before the image data, and a density (pHYs) for a `dpi`. Chunks the encoder wrote are kept, except a
 * colour-space chunk (sRGB, iCCP) that would contradict the profile and a pHYs the density replaces.
 * The image data is not copied.
 */
import { zlibSync } from 'fflate';
import { concatBytes, pngChunk } from '../channels/metadata/bytes';
import { exifTiffBytes, type EmbeddedMetadata, type SplicedFile } from './embedded-metadata';

const HEADER_END = 8 + 12 + 13;

/** @example const { parts } = embedPngMetadata(await sharp(raw).png().toBuffer(), info); */
export function embedPngMetadata(png: Uint8Array, meta: EmbeddedMetadata): SplicedFile {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.length < HEADER_END || view.getUint32(12) !== 0x49484452) throw new Error('the encoder did not write a PNG (no IHDR chunk)');
  const added: Uint8Array[] = [];
  if (meta.icc) added.push(pngChunk('iCCP', concatBytes([latin1('ICC profile\0\0'), zlibSync(meta.icc)])));
  if (meta.exif) added.push(pngChunk('eXIf', exifTiffBytes(meta.exif)));
  if (meta.xmp) added.push(pngChunk('iTXt', concatBytes([latin1('XML:com.adobe.xmp\0\0\0\0\0'), meta.xmp])));
  if (meta.dpi) added.push(pngChunk('pHYs', physBody(meta.dpi)));
  const parts: Uint8Array[] = [png.subarray(0, HEADER_END), ...added];
  let at = HEADER_END;
  let kept = at;
  while (at + 12 <= png.length) {
    const type = view.getUint32(at + 4);
    if (type === 0x49444154) break; // IDAT: metadata chunks come before it
    const end = at + 12 + view.getUint32(at);
    // sRGB and iCCP give way to the profile added; pHYs to the density added.
    if ((meta.icc && (type === 0x73524742 || type === 0x69434350)) || (meta.dpi && type === 0x70485973)) {
      parts.push(png.subarray(kept, at));
      kept = end;
    }
    at = end;
  }
  parts.push(png.subarray(kept));
  return { parts: parts.filter((p) => p.length), notes: [] };
}

/** A pHYs body: pixels per metre on both axes for `dpi` pixels per inch, unit 1 (metre). */
function physBody(dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254);
  const body = new Uint8Array(9);
  const view = new DataView(body.buffer);
  view.setUint32(0, ppm);
  view.setUint32(4, ppm);
  body[8] = 1;
  return body;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
