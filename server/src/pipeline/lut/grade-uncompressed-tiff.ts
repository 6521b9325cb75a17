/**
 * The grader's path for an uncompressed TIFF written as an uncompressed TIFF (a scan, a retoucher's
 * export): the pixels are read straight from the file's strips and graded and written in bands
 * (gradeTiffStrips), with the same profile, XMP, resolution and orientation and the same bytes as the
 * whole-image path writes. Returns null for any other TIFF, which the whole-image path then decodes
 * with libvips.
 */
import { open } from 'node:fs/promises';
import { applyLutToPixels, type ColourMemo, type PreparedLut } from '@brandlock/core';
import { probeImage } from '../decode-image';
import { CAN_WRITE_TIFF_DIRECTLY, uncompressedTiffFrame } from './encode-uncompressed-tiff';
import { findTiffStrips } from './find-tiff-strips';
import { gradeTiffStrips } from './grade-tiff-strips';
import type { GradedFile } from './image-grader';

/** @example const done = await gradeUncompressedTiff('scan.tif', 'graded.tif', { maxPixels }, (d) => prepared, () => undefined); */
export async function gradeUncompressedTiff(input: string, output: string, options: { maxPixels?: number }, table: (depth: 8 | 16) => PreparedLut, memoFor: (pixels: number) => ColourMemo | undefined): Promise<GradedFile | null> {
  if (!CAN_WRITE_TIFF_DIRECTLY) return null;
  const info = await probeImage(input, { maxPixels: options.maxPixels });
  if (info.format !== 'tiff') return null;
  const file = await open(input, 'r');
  try {
    const strips = await findTiffStrips(file);
    if (!strips) return null;
    const { width, height, channels, depth } = strips;
    const prepared = table(depth);
    const memo = depth === 8 ? memoFor(width * height) : undefined;
    const frame = uncompressedTiffFrame(strips, { icc: info.icc, exif: info.exif, xmp: info.xmp }, { density: info.density, orientation: info.orientation });
    const ms = await gradeTiffStrips(file, strips, frame, output, (data) => applyLutToPixels({ depth, channels, data }, prepared, { memo }));
    const notes = strips.photoshopLayers ? ["the source's Photoshop layers are not kept: the output holds the graded composite"] : [];
    const bytes = frame.head.byteLength + frame.pixelBytes + frame.tail.reduce((n, p) => n + p.byteLength, 0);
    return { input, output, width, height, depth, outputDepth: depth, format: 'tiff', source: info, bytes, notes: [...notes, ...frame.notes], ms: { decode: ms.read, grade: ms.grade, encode: 0, write: ms.write } };
  } finally {
    await file.close();
  }
}
