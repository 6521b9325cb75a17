/**
 * The grader's path for an uncompressed TIFF written as an uncompressed TIFF (a scan, a retoucher's
 * export): the pixels are read straight from the file's strips and graded and written in bands
 * (gradeTiffStrips), with the same profile, XMP, resolution and orientation and the same bytes as the
 * whole-image path writes. The file is described from its own directory, as libvips would describe
 * it, so libvips is not even loaded (about 40 ms of start-up); a directory with EXIF or an unusual
 * resolution unit is described by libvips instead. Returns null for any other TIFF, which the
 * whole-image path then decodes with libvips.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { applyLutToPixels, type ColourMemo, type PreparedLut } from '@brandlock/core';
import type { ImageInfo } from '../decode-image';
import { DEFAULT_MAX_PIXELS, tooManyPixels } from '../decode-limits';
import { iccDescription } from '../icc-description';
import { CAN_WRITE_TIFF_DIRECTLY, uncompressedTiffFrame } from './encode-uncompressed-tiff';
import { findTiffStrips, type TiffStrips } from './find-tiff-strips';
import { gradeTiffStrips } from './grade-tiff-strips';
import type { GradedFile } from './image-grader';

/** @example const done = await gradeUncompressedTiff('scan.tif', 'graded.tif', { maxPixels }, (d) => prepared, () => undefined); */
export async function gradeUncompressedTiff(input: string, output: string, options: { maxPixels?: number }, table: (depth: 8 | 16) => PreparedLut, memoFor: (pixels: number) => ColourMemo | undefined): Promise<GradedFile | null> {
  if (!CAN_WRITE_TIFF_DIRECTLY) return null;
  let file: FileHandle;
  try {
    file = await open(input, 'r');
  } catch {
    return null; // the whole-image path names what is wrong with the file
  }
  try {
    const strips = await findTiffStrips(file);
    if (!strips) return null;
    const info = describeTiff(strips, (await file.stat()).size, options.maxPixels ?? DEFAULT_MAX_PIXELS) ?? (await (await import('../decode-image')).probeImage(input, options));
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

/**
 * What probeImage says of this TIFF, from its directory: libvips' reading of resolution (pixels per
 * millimetre, reported in whole pixels per inch above 1/mm) and orientation (1 when absent), size
 * upright. Null when libvips should say it (EXIF, a resolution without unit, an odd orientation).
 */
function describeTiff(strips: TiffStrips, bytes: number, maxPixels: number): ImageInfo | null {
  const { tags, width, height, channels, depth } = strips;
  const unit = tags.resolutionUnit ?? 2;
  const orientation = tags.orientation ?? 1;
  if (tags.exif || (unit !== 2 && unit !== 3) || orientation < 1 || orientation > 8) return null;
  const upright = orientation >= 5 ? { width: height, height: width } : { width, height };
  tooManyPixels(upright.width, upright.height, maxPixels);
  // libtiff hands the resolution over as a 32-bit float.
  const perMm = tags.xResolution === undefined ? 1 : Math.fround(tags.xResolution) / (unit === 3 ? 10 : 25.4);
  return {
    format: 'tiff',
    ...upright,
    space: depth === 16 ? 'rgb16' : 'srgb',
    channels,
    bitsPerSample: depth,
    hasAlpha: channels === 4,
    icc: tags.icc,
    iccDescription: tags.icc ? iccDescription(tags.icc) : undefined,
    xmp: tags.xmp,
    density: perMm > 1 ? Math.round(perMm * 25.4) : undefined,
    orientation,
    bytes,
  };
}
