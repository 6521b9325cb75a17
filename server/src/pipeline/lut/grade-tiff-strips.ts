/**
 * Grades an uncompressed TIFF into an uncompressed TIFF in bands of rows, as a pipeline: while one
 * band is graded in JavaScript, the next is read from the source and the previous one written to the
 * output by the libuv thread pool, so reading and writing 72 MB (at 24 MP) overlap the grade instead
 * of adding to it, and the image is never held whole. The output's bytes are those encodeUncompressedTiff
 * writes for the same pixels; it goes to a temporary name and is renamed when complete.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ImageDecodeError } from '../decode-limits';
import type { UncompressedTiffFrame } from './encode-uncompressed-tiff';
import type { TiffStrips } from './find-tiff-strips';

/** About this many bytes a band: large enough that a read or write is one big copy, small enough to keep three. */
const BAND_BYTES = 4 << 20;

export interface StripTimes {
  /** Milliseconds waiting for reads, grading, and waiting for writes. */
  read: number;
  grade: number;
  write: number;
}

/** @example await gradeTiffStrips(file, strips, frame, 'out/scan.tif', (band) => applyLutToPixels({ ...px, data: band }, lut)); */
export async function gradeTiffStrips(source: FileHandle, strips: TiffStrips, frame: UncompressedTiffFrame, output: string, grade: (band: Uint8Array | Uint16Array) => void): Promise<StripTimes> {
  const { height, rowBytes, depth } = strips;
  const bandRows = Math.max(1, Math.floor(BAND_BYTES / rowBytes));
  const bands = Math.ceil(height / bandRows);
  const buffers = Array.from({ length: Math.min(3, bands) }, () => new Uint8Array(bandRows * rowBytes));
  const times: StripTimes = { read: 0, grade: 0, write: 0 };
  const temp = join(dirname(output), `.${basename(output)}.${randomBytes(4).toString('hex')}.tmp`);
  const target = await open(temp, 'wx');
  let reading: Promise<Uint8Array> = Promise.resolve(new Uint8Array(0));
  let writing: Promise<void> = Promise.resolve();
  try {
    let at = 0;
    const append = async (bytes: Uint8Array) => {
      for (let done = 0; done < bytes.byteLength; ) done += (await target.write(bytes, done, bytes.byteLength - done, at + done)).bytesWritten;
      at += bytes.byteLength;
    };
    await append(frame.head);
    const band = (k: number) => {
      const rows = Math.min(bandRows, height - k * bandRows);
      return buffers[k % buffers.length].subarray(0, rows * rowBytes);
    };
    reading = handled(readRows(source, strips, bandOf(0, bandRows, height), band(0)));
    for (let k = 0; k < bands; k++) {
      let t = performance.now();
      const bytes = await reading;
      times.read += performance.now() - t;
      // The buffer band k+1 goes into held band k-2, whose write finished before band k-1's began.
      if (k + 1 < bands) reading = handled(readRows(source, strips, bandOf(k + 1, bandRows, height), band(k + 1)));
      t = performance.now();
      grade(depth === 16 ? new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2) : bytes);
      times.grade += performance.now() - t;
      t = performance.now();
      await writing;
      times.write += performance.now() - t;
      writing = handled(append(bytes));
    }
    const t = performance.now();
    await writing;
    for (const part of frame.tail) await append(part);
    times.write += performance.now() - t;
    await target.close();
    await rename(temp, output);
    return times;
  } catch (e) {
    await Promise.allSettled([reading, writing]);
    await target.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
}

/** The same promise, marked as handled: a read or write that fails while another is awaited is thrown where it is awaited. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Rows of band k. */
function bandOf(k: number, bandRows: number, height: number): { first: number; rows: number } {
  return { first: k * bandRows, rows: Math.min(bandRows, height - k * bandRows) };
}

/** Reads rows [first, first + rows) into `into`, one read per run of rows that lie one after another in the file. */
async function readRows(file: FileHandle, strips: TiffStrips, { first, rows }: { first: number; rows: number }, into: Uint8Array): Promise<Uint8Array> {
  const { rowsPerStrip, rowBytes, offsets } = strips;
  let row = first;
  while (row < first + rows) {
    const position = offsets[Math.floor(row / rowsPerStrip)] + (row % rowsPerStrip) * rowBytes;
    let end = row;
    // Extend the run while the next row is the next bytes of the file.
    do end = Math.min(first + rows, (Math.floor(end / rowsPerStrip) + 1) * rowsPerStrip);
    while (end < first + rows && offsets[end / rowsPerStrip] === position + (end - row) * rowBytes);
    const length = (end - row) * rowBytes;
    const target = into.subarray((row - first) * rowBytes, (end - first) * rowBytes);
    for (let done = 0; done < length; ) {
      const { bytesRead } = await file.read(target, done, length - done, position + done);
      if (bytesRead === 0) throw new ImageDecodeError('corrupt', `the file ends inside its image data (row ${row + Math.floor(done / rowBytes)} of ${strips.height}): it is truncated`);
      done += bytesRead;
    }
    row = end;
  }
  return into;
}
