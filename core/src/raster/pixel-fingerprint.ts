/**
 * A fingerprint of a raster: its size, depth and every sample, as 16 hex digits. Two reads of the same
 * pixels give the same fingerprint and a change to any sample gives another (two independent 32-bit
 * multiply-xor lanes over the sample bytes, taken four at a time). It tells the document QC judged
 * from one edited since; it is not a cryptographic hash and does not stop someone who forges it.
 * @example pixelFingerprint(raster) // '240x360x8:9f3c0a41d2e877b5'
 */
import type { Raster } from './raster';

export function pixelFingerprint(raster: Raster): string {
  const { data } = raster;
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  // Samples that do not start on a 4-byte boundary are read from an aligned copy.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const words = aligned.length >> 2;
  const view = new Uint32Array(aligned.buffer, aligned.byteOffset, words);
  let a = 0x811c9dc5;
  let b = 0x2545f491 ^ bytes.length;
  for (let i = 0; i < words; i++) {
    const w = view[i];
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ (w + i), 0x5bd1e995);
    b ^= b >>> 15;
  }
  for (let i = words * 4; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ (bytes[i] + i), 0x5bd1e995);
  }
  const hex = (v: number) => (v >>> 0).toString(16).padStart(8, '0');
  return `${raster.width}x${raster.height}x${raster.depth}:${hex(a)}${hex(b)}`;
}
