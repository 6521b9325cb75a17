/**
 * Whether an encoded JPEG or WebP already carries an ICC profile (an APP2 "ICC_PROFILE" segment, an
 * ICCP chunk). Browsers differ: Chromium's canvas encoders write their sRGB profile, others write
 * none, so a profile is added only where there is none (two would contradict each other).
 */
import { webpChunks } from './embed-webp-metadata';

const ICC_TAG = 'ICC_PROFILE\0';

export function hasIccProfile(bytes: Uint8Array, format: 'jpeg' | 'webp'): boolean {
  return format === 'jpeg' ? jpegHasIcc(bytes) : webpHasIcc(bytes);
}

function jpegHasIcc(jpeg: Uint8Array): boolean {
  // Marker segments up to the start of scan: FF xx, then a two-byte big-endian length.
  for (let at = 2; at + 4 <= jpeg.length && jpeg[at] === 0xff; ) {
    const marker = jpeg[at + 1];
    if (marker === 0xda || marker === 0xd9) return false;
    const length = (jpeg[at + 2] << 8) | jpeg[at + 3];
    if (marker === 0xe2 && text(jpeg, at + 4, ICC_TAG.length) === ICC_TAG) return true;
    at += 2 + length;
  }
  return false;
}

function webpHasIcc(webp: Uint8Array): boolean {
  return webpChunks(webp).some((c) => c.type === 'ICCP');
}

function text(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}
