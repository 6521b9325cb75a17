/**
 * Runs an 8-bit LUT kernel once per distinct colour instead of once per pixel. A photo of 24 MP holds
 * a few hundred thousand to a few million distinct colours, so remembering each colour's result in a
 * table indexed by its 24-bit RGB value (64 MB, one entry per possible colour) turns most pixels into
 * one lookup. Works in chunks: first collect the chunk's unseen colours and run the real kernel on just
 * those, then write every pixel from the table. When a chunk is mostly unseen colours (noise), the
 * next chunks run the kernel directly, for twice as many chunks after each such probe, so the worst
 * case stays close to the plain kernel.
 */
import type { PreparedLut } from '../prepare-lut';

export type Kernel8 = (src: Uint8Array | Uint8ClampedArray, dst: Uint8ClampedArray, lut: PreparedLut, start: number, end: number) => void;

/** Bytes the colour table takes: one Uint32 for each of the 2^24 colours. */
export const COLOUR_MEMO_BYTES = 4 << 24;

const CHUNK = 1 << 16;
const KNOWN = 1 << 24;
const PENDING = 1 << 25;
const FIRST_SKIP = 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** True when the memo can run on these buffers: little-endian host and 4-byte aligned views. */
export function canMemoiseColours(src: Uint8Array | Uint8ClampedArray, dst: Uint8ClampedArray): boolean {
  return LITTLE_ENDIAN && src.byteOffset % 4 === 0 && dst.byteOffset % 4 === 0;
}

/**
 * Applies `kernel` to all pixels of src into dst (which may share memory with src), computing each
 * distinct colour once. Alpha is copied.
 * @example applyWithColourMemo(data, view, prepared, tetrahedral8)
 */
export function applyWithColourMemo(src: Uint8Array | Uint8ClampedArray, dst: Uint8ClampedArray, lut: PreparedLut, kernel: Kernel8): void {
  const pixels = src.length >> 2;
  const src32 = new Uint32Array(src.buffer, src.byteOffset, pixels);
  const dst32 = new Uint32Array(dst.buffer, dst.byteOffset, pixels);
  const memo = new Uint32Array(1 << 24);
  const colours = new Uint8Array(CHUNK * 4);
  const colours32 = new Uint32Array(colours.buffer);
  const results = new Uint8ClampedArray(CHUNK * 4);
  const results32 = new Uint32Array(results.buffer);
  let directUntil = 0;
  let skip = FIRST_SKIP;
  for (let start = 0, chunk = 0; start < pixels; start += CHUNK, chunk++) {
    const end = Math.min(pixels, start + CHUNK);
    if (chunk < directUntil) {
      kernel(src, dst, lut, start, end);
      continue;
    }
    let unseen = 0;
    for (let i = start; i < end; i++) {
      const key = src32[i] & 0xffffff;
      if (memo[key] === 0) {
        memo[key] = PENDING;
        colours32[unseen++] = key;
      }
    }
    if (unseen > 0) {
      kernel(colours, results, lut, 0, unseen);
      for (let j = 0; j < unseen; j++) memo[colours32[j]] = KNOWN | (results32[j] & 0xffffff);
    }
    for (let i = start; i < end; i++) {
      const px = src32[i];
      dst32[i] = (px & 0xff000000) | (memo[px & 0xffffff] & 0xffffff);
    }
    if (unseen * 2 > end - start) {
      directUntil = chunk + 1 + skip;
      skip *= 2;
    } else skip = FIRST_SKIP;
  }
}
