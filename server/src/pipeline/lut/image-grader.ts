/**
 * Grades image files with one LUT: decode (values as stored, file's bit depth), apply the LUT in the
 * decode buffer, encode in the output's format with the source's ICC profile, EXIF and XMP, write to a
 * temporary name and rename. An uncompressed TIFF written as a TIFF is read, graded and written in
 * bands instead (gradeUncompressedTiff: the same bytes, its I/O overlapping the grade). One grader
 * serves a single file and every file of a batch (each worker thread has its own), so a batch's
 * outputs are the single-file outputs by construction.
 */
import { applyLutToPixels, COLOUR_MEMO_BYTES, createColourMemo, prepareLut, type ColourMemo, type CubeLut, type LutInterpolation, type PreparedLut } from '@brandlock/core';
import type { ImageInfo } from '../decode-image';
import { formatForPath, type EncodeFormat } from './output-format';
import { partsLength } from '@brandlock/core/file-metadata';
import { writeFileParts } from '../../io/write-file-parts';
import { gradeUncompressedTiff } from './grade-uncompressed-tiff';

export interface ImageGraderOptions {
  interpolation?: LutInterpolation;
  /** JPEG/WebP quality. Default 92. */
  quality?: number;
  /** JPEG: optimised Huffman tables (smaller files, slower; see encodeGraded). */
  optimizeJpeg?: boolean;
  maxPixels?: number;
  /**
   * libvips settings to make when this grader first needs libvips (it is loaded then, not before: an
   * uncompressed TIFF graded to a TIFF never needs it). Threads per operation, and its operation cache.
   */
  libvips?: { threads: number; cache: boolean };
  /** Keep one 64 MB colour table for all 8-bit files (a batch); otherwise one per large image. */
  keepColourMemo?: boolean;
}

export interface GradedFile {
  input: string;
  output: string;
  width: number;
  height: number;
  depth: 8 | 16;
  /** Bit depth written (JPEG and WebP are 8-bit). */
  outputDepth: 8 | 16;
  format: EncodeFormat;
  source: ImageInfo;
  bytes: number;
  /** Things the user should know, e.g. a profile that could not be kept. */
  notes: string[];
  /** Milliseconds per stage. */
  ms: { decode: number; grade: number; encode: number; write: number };
}

/** Thrown for an output whose format cannot be written. */
export class LutApplyError extends Error {
  override name = 'LutApplyError';
}

export interface ImageGrader {
  grade(input: string, output: string): Promise<GradedFile>;
}

/** @example const grader = createImageGrader(lut, { quality: 92 }); await grader.grade('in/a.jpg', 'out/a.jpg'); */
export function createImageGrader(lut: CubeLut, options: ImageGraderOptions = {}): ImageGrader {
  const interpolation = options.interpolation ?? 'tetrahedral';
  const prepared = new Map<8 | 16, PreparedLut>();
  let memo: ColourMemo | undefined;
  const table = (depth: 8 | 16) => {
    let t = prepared.get(depth);
    if (!t) prepared.set(depth, (t = prepareLut(lut, depth, interpolation)));
    return t;
  };
  // A file graded in bands has no whole-image buffer for 'auto' to weigh the table against: the same
  // rule, by the image's size (a table as large as the image's pixels), or the batch's table.
  const memoFor = (pixels: number): ColourMemo | undefined => (options.keepColourMemo ? (memo ??= createColourMemo()) : pixels * 4 >= COLOUR_MEMO_BYTES ? createColourMemo() : undefined);
  return {
    async grade(input, output) {
      const format = formatForPath(output);
      if (!format) throw new LutApplyError(`${output}: cannot tell the output format from the extension; expected .png, .jpg, .jpeg, .tif, .tiff or .webp`);
      if (format === 'tiff') {
        const streamed = await gradeUncompressedTiff(input, output, options, table, memoFor);
        if (streamed) return streamed;
      }
      const [{ decodeForGrading }, { encodeGraded }] = await loadLibvipsPath(options.libvips);
      let t = performance.now();
      const px = await decodeForGrading(input, { maxPixels: options.maxPixels });
      const decode = performance.now() - t;
      const notes: string[] = [];
      const { info } = px;
      const rgbSource = info.channels >= 3;
      if (info.icc && !rgbSource) notes.push(`the source's ${info.iccDescription ?? 'greyscale'} profile describes grey, not RGB, so the output has no profile (sRGB is assumed)`);
      if (info.bitsPerSample > 16) notes.push(`the source has ${info.bitsPerSample}-bit samples; they were graded and written as 16-bit`);
      if (px.tiff?.layers && format === 'tiff') notes.push("the source's Photoshop layers are not kept: the output holds the graded composite");
      t = performance.now();
      if (options.keepColourMemo && px.depth === 8) memo ??= createColourMemo();
      applyLutToPixels(px, table(px.depth), { memo: px.depth === 8 ? memo : undefined });
      const grade = performance.now() - t;
      t = performance.now();
      const encoded = await encodeGraded(px, {
        format,
        quality: options.quality,
        optimizeJpeg: options.optimizeJpeg,
        tiff: info.format === 'tiff' ? px.tiff : undefined,
        tiffTags: { density: info.density, orientation: info.orientation },
        metadata: { icc: rgbSource ? info.icc : undefined, exif: info.exif, xmp: info.xmp },
      });
      const encode = performance.now() - t;
      t = performance.now();
      await writeFileParts(output, encoded.parts);
      const write = performance.now() - t;
      const outputDepth = format === 'png' || format === 'tiff' ? px.depth : 8;
      return { input, output, width: px.width, height: px.height, depth: px.depth, outputDepth, format, source: info, bytes: partsLength(encoded.parts), notes: [...notes, ...encoded.notes], ms: { decode, grade, encode, write } };
    },
  };
}

/** The decode and encode modules, which load libvips (sharp), set up as asked the first time. */
async function loadLibvipsPath(settings: ImageGraderOptions['libvips']) {
  const [sharp, decode, encode] = await Promise.all([import('sharp'), import('./decode-for-grading'), import('./encode-graded')]);
  if (settings) {
    sharp.default.concurrency(settings.threads);
    sharp.default.cache(settings.cache);
  }
  return [decode, encode] as const;
}
