/**
 * What a graded file carries over from its source: the ICC profile the pixel values are in, EXIF and
 * XMP, as the bytes the source held. The format writers splice them into an encoded file as parts
 * (so a large image is never copied to add a few kilobytes) and say what they could not carry.
 */

export interface EmbeddedMetadata {
  icc?: Uint8Array;
  /** EXIF as sharp's metadata() gives it: "Exif\0\0" + a TIFF structure, or the TIFF structure alone. */
  exif?: Uint8Array;
  xmp?: Uint8Array;
  /**
   * Resolution to record, pixels per inch, as a channel spec's `dpi` asks (print workflows read it):
   * the JFIF density of a JPEG, the pHYs chunk of a PNG. WebP has no such field.
   */
  dpi?: number;
}

export interface SplicedFile {
  /** The file's bytes, in order; write them one after another. */
  parts: Uint8Array[];
  /** What could not be carried, for the user ("EXIF of 70 KB does not fit a JPEG segment"). */
  notes: string[];
}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0];

/** The TIFF structure of an EXIF block, without the "Exif\0\0" header JPEG puts before it. */
export function exifTiffBytes(exif: Uint8Array): Uint8Array {
  return EXIF_HEADER.every((b, i) => exif[i] === b) ? exif.subarray(6) : exif;
}

/** The total length of a file given as parts. */
export function partsLength(parts: readonly Uint8Array[]): number {
  return parts.reduce((n, p) => n + p.byteLength, 0);
}
