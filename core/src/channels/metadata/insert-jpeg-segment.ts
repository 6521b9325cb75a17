/**
 * Inserts an application segment (e.g. IPTC APP13) into a JPEG after its existing APPn segments
 * (JFIF, EXIF, XMP, ICC) and before the image tables, replacing any Photoshop APP13 already there.
 * The entropy-coded data is not touched.
 */
import { concatBytes } from './bytes';

/** Thrown when the bytes are not a JPEG this function can edit. */
export class JpegStructureError extends Error {
  override name = 'JpegStructureError';
}

const PHOTOSHOP = 'Photoshop 3.0';

/** @example insertJpegSegment(jpeg, buildIptcApp13(fields)) */
export function insertJpegSegment(jpeg: Uint8Array, segment: Uint8Array): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new JpegStructureError('not a JPEG: the start-of-image marker is missing');
  if (segment[0] !== 0xff || segment[1] < 0xe0 || segment[1] > 0xef) throw new JpegStructureError('expected an APPn segment to insert');
  const head: Uint8Array[] = [jpeg.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && ((jpeg[at + 1] >= 0xe0 && jpeg[at + 1] <= 0xef) || jpeg[at + 1] === 0xfe)) {
    const end = at + 2 + ((jpeg[at + 2] << 8) | jpeg[at + 3]);
    if (end > jpeg.length) throw new JpegStructureError(`segment at byte ${at} runs past the end`);
    if (!(jpeg[at + 1] === 0xed && isPhotoshop(jpeg, at + 4))) head.push(jpeg.subarray(at, end));
    at = end;
  }
  head.push(segment, jpeg.subarray(at));
  return concatBytes(head);
}

function isPhotoshop(bytes: Uint8Array, at: number): boolean {
  for (let i = 0; i < PHOTOSHOP.length; i++) if (bytes[at + i] !== PHOTOSHOP.charCodeAt(i)) return false;
  return true;
}
