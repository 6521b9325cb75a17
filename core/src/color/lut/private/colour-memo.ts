/**
 * Runs an 8-bit LUT kernel once per distinct colour instead of once per pixel. A photo of 24 MP holds
 * a few hundred thousand to a few million distinct colours, so remembering each colour's result in a
 * table indexed by its 24-bit RGB value (64 MB, one entry per possible colour) turns most pixels into
 * one lookup. Works in chunks: first collect the chunk's unseen colours and run the real kernel on just
 * those, then write every pixel from the table. When a chunk is mostly unseen colours (noise), the
 * next chunks run the kernel directly, for twice as many chunks after each such probe, so the worst
 * case stays close to the plain kernel. A table kept for a batch (one LUT, many photos of one shoot)
 * starts each image already knowing the colours the earlier ones had.
 */
import type { PreparedLut } from '../prepare-lut';

export type Kernel8 = (src: Uint8Array | Uint8ClampedArray, dst: Uint8ClampedArray, lut: PreparedLut, start: number, end: number, channels?: 3 | 4) => void;

/** A colour table that can be kept across the images of a batch graded with one LUT. */
export interface ColourMemo {
  /** Per 24-bit colour: 0 unknown, else KNOWN | the graded colour. */
  readonly table: Uint32Array;
  /** The prepared LUT the entries belong to; another LUT clears the table first. */
  lut: PreparedLut | null;
}

/** Bytes the colour table takes: one Uint32 for each of the 2^24 colours. */
export const COLOUR_MEMO_BYTES = 4 << 24;

const CHUNK = 1 << 16;
const KNOWN = 1 << 24;
const PENDING = 1 << 25;
const FIRST_SKIP = 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * A 64 MB colour table to pass to applyLut for every image of a batch graded with the same LUT.
 * @example const memo = createColourMemo(); for (const r of rasters) applyLut(r, prepared, { memo });
 */
export function createColourMemo(): ColourMemo {
  return { table: new Uint32Array(1 << 24), lut: null };
}

/** True when the memo can run on these buffers: little-endian host and, for RGBA, 4-byte aligned views. */
export function canMemoiseColours(src: Uint8Array | Uint8ClampedArray, dst: Uint8ClampedArray, channels: 3 | 4): boolean {
  return LITTLE_ENDIAN && (channels === 3 || (src.byteOffset % 4 === 0 && dst.byteOffset % 4 === 0));
}

/**
 * Applies `kernel` to all pixels of src into dst (which may share memory with src), computing each
 * distinct colour once. Alpha is copied. One pass per chunk writes every pixel whose colour is known
 * and notes the others; the kernel then runs on the chunk's new colours and the noted pixels are
 * written from the table.
 * @example applyWithColourMemo(data, view, prepared, tetrahedral8, 4)
 */
export function applyWithColourMemo(src: Uint8Array | Uint8ClampedArray, dst: Uint8ClampedArray, lut: PreparedLut, kernel: Kernel8, channels: 3 | 4, kept?: ColourMemo): void {
  const memo = kept ? bind(kept, lut) : new Uint32Array(1 << 24);
  const pixels = src.length / channels;
  const src32 = channels === 4 ? new Uint32Array(src.buffer, src.byteOffset, pixels) : null;
  const dst32 = channels === 4 ? new Uint32Array(dst.buffer, dst.byteOffset, pixels) : null;
  const scratch: Scratch = { colours: new Uint8Array(CHUNK * 4), results: new Uint8ClampedArray(CHUNK * 4), pending: new Int32Array(CHUNK) };
  const colours32 = new Uint32Array(scratch.colours.buffer);
  const results32 = new Uint32Array(scratch.results.buffer);
  let directUntil = 0;
  let skip = FIRST_SKIP;
  for (let start = 0, chunk = 0; start < pixels; start += CHUNK, chunk++) {
    const end = Math.min(pixels, start + CHUNK);
    if (chunk < directUntil) {
      kernel(src, dst, lut, start, end, channels);
      continue;
    }
    const found = src32 && dst32 ? passRgba(src32, dst32, memo, colours32, scratch.pending, start, end) : passRgb(src, dst, memo, colours32, scratch.pending, start, end);
    if (found.unseen > 0) {
      kernel(scratch.colours, scratch.results, lut, 0, found.unseen, 4);
      for (let j = 0; j < found.unseen; j++) memo[colours32[j]] = KNOWN | (results32[j] & 0xffffff);
    }
    if (src32 && dst32) for (let p = 0; p < found.pending; p++) {
      const i = scratch.pending[p];
      dst32[i] = (src32[i] & 0xff000000) | (memo[src32[i] & 0xffffff] & 0xffffff);
    }
    else for (let p = 0; p < found.pending; p++) writeRgb(src, dst, memo, scratch.pending[p]);
    if (found.unseen * 2 > end - start) {
      directUntil = chunk + 1 + skip;
      skip *= 2;
    } else skip = FIRST_SKIP;
  }
}

interface Scratch {
  colours: Uint8Array;
  results: Uint8ClampedArray;
  /** Pixels (RGBA: index; RGB: sample offset) whose colour was not known when the pass reached them. */
  pending: Int32Array;
}

function bind(kept: ColourMemo, lut: PreparedLut): Uint32Array {
  if (kept.lut !== lut) {
    kept.table.fill(0);
    kept.lut = lut;
  }
  return kept.table;
}

/** Writes the pixels whose colour is known; marks and lists new colours (as RGBA words) and notes their pixels. */
function passRgba(src32: Uint32Array, dst32: Uint32Array, memo: Uint32Array, out: Uint32Array, pending: Int32Array, start: number, end: number): { unseen: number; pending: number } {
  let unseen = 0;
  let waiting = 0;
  for (let i = start; i < end; i++) {
    const px = src32[i];
    const key = px & 0xffffff;
    const v = memo[key];
    if (v & KNOWN) dst32[i] = (px & 0xff000000) | (v & 0xffffff);
    else {
      if (v === 0) {
        memo[key] = PENDING;
        out[unseen++] = key;
      }
      pending[waiting++] = i;
    }
  }
  return { unseen, pending: waiting };
}

function passRgb(src: Uint8Array | Uint8ClampedArray, dst: Uint8ClampedArray, memo: Uint32Array, out: Uint32Array, pending: Int32Array, start: number, end: number): { unseen: number; pending: number } {
  let unseen = 0;
  let waiting = 0;
  for (let o = start * 3, n = end * 3; o < n; o += 3) {
    const key = src[o] | (src[o + 1] << 8) | (src[o + 2] << 16);
    const v = memo[key];
    if (v & KNOWN) {
      dst[o] = v & 0xff;
      dst[o + 1] = (v >> 8) & 0xff;
      dst[o + 2] = (v >> 16) & 0xff;
    } else {
      if (v === 0) {
        memo[key] = PENDING;
        out[unseen++] = key;
      }
      pending[waiting++] = o;
    }
  }
  return { unseen, pending: waiting };
}

function writeRgb(src: Uint8Array | Uint8ClampedArray, dst: Uint8ClampedArray, memo: Uint32Array, o: number): void {
  const v = memo[src[o] | (src[o + 1] << 8) | (src[o + 2] << 16)];
  dst[o] = v & 0xff;
  dst[o + 1] = (v >> 8) & 0xff;
  dst[o + 2] = (v >> 16) & 0xff;
}
