/**
 * Recognises the image formats brandlock reads by their leading bytes, before any decoder sees them:
 * anything else (SVG with or without an XML prolog, HTML, PDF, text) is refused without libvips
 * parsing it, so a hostile document never reaches librsvg or libxml2. For PNG and GIF the pixel size
 * is read from the header itself, so a decompression bomb is refused by its declared size even when
 * the decoder would call the file corrupt (a header-only 65535 x 65535 PNG).
 */

export type SniffedFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif' | 'heif';

export interface SniffedHeader {
  format: SniffedFormat;
  /** The size the header declares, where the format puts it at a fixed place (PNG, GIF). */
  width?: number;
  height?: number;
}

/** ISO BMFF brands of the HEIF family libvips reads (AVIF and HEIC). */
const HEIF_BRANDS = /^(avif|avis|heic|heix|heim|heis|hevc|hevx|mif1|msf1)$/;

/**
 * @example sniffImageHeader(pngBytes) // { format: 'png', width: 64, height: 48 }
 * @example sniffImageHeader(new TextEncoder().encode('<?xml version="1.0"?><svg/>')) // null
 */
export function sniffImageHeader(b: Uint8Array): SniffedHeader | null {
  if (b.length < 12) return null;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { format: 'jpeg' };
  if (b[0] === 0x89 && ascii(b, 1, 4) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) {
    if (b.length >= 24 && ascii(b, 12, 16) === 'IHDR') return { format: 'png', width: u32be(b, 16), height: u32be(b, 20) };
    return { format: 'png' };
  }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return { format: 'webp' };
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return { format: 'gif', width: b[6] | (b[7] << 8), height: b[8] | (b[9] << 8) };
  if ((b[0] === 0x49 && b[1] === 0x49 && (b[2] === 0x2a || b[2] === 0x2b) && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && (b[3] === 0x2a || b[3] === 0x2b))) return { format: 'tiff' };
  if (ascii(b, 4, 8) === 'ftyp' && HEIF_BRANDS.test(ascii(b, 8, 12))) return { format: 'heif' };
  return null;
}

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

function u32be(b: Uint8Array, at: number): number {
  return ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
}
