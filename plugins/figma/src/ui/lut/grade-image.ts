/**
 * LUT preview in the plugin window: decode the image (canvas), run core's LUT over the pixels
 * (tetrahedral, alpha untouched) in bands at the chosen strength, and encode the graded image for
 * Figma (JPEG 95 when opaque, PNG when it has transparency; at most 4096 px a side, Figma's limit).
 */
import { applyLut, formatCubeIssue, parseCube, type CubeLut } from '@brandlock/core/color';
import { sha256Hex } from '@brandlock/core/hash';
import type { Raster } from '@brandlock/core/raster';
import { decodeImageBytes, encodePixels, type DecodedImage } from '../image/canvas-image';
import { gradeInBandsAsync, type GradeInBandsOptions } from './grade-in-bands';

export type LoadCubeResult = { success: true; lut: CubeLut } | { success: false; message: string };

/** Parsed LUTs by the SHA-256 of their text: a 65³ .cube takes half a second to parse, so once per file. */
const parsed = new Map<string, LoadCubeResult>();

export function loadCube(text: string | undefined, file: string): LoadCubeResult {
  if (text === undefined) return { success: false, message: `${file} is not open; pick it with the lock file to preview this LUT` };
  const key = `${sha256Hex(new TextEncoder().encode(text))}:${file}`;
  const known = parsed.get(key);
  if (known) return known;
  const res = parseCube(text);
  const result: LoadCubeResult = res.success ? { success: true, lut: res.lut } : { success: false, message: formatCubeIssue(res.issue, file) };
  if (parsed.size > 16) parsed.delete(parsed.keys().next().value!);
  parsed.set(key, result);
  return result;
}

/** Grades decoded pixels in place and returns them. */
export function gradePixels(img: DecodedImage, lut: CubeLut): DecodedImage {
  const raster: Raster = { width: img.width, height: img.height, depth: 8, data: img.data };
  applyLut(raster, lut);
  return img;
}

/** Grades image bytes at full size (up to 4096 px) in bands (strength, progress, cancel: see gradeInBandsAsync). */
export async function gradeImageBytes(bytes: Uint8Array, lut: CubeLut, options: GradeInBandsOptions = {}): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const img = await gradeInBandsAsync(await decodeImageBytes(bytes, 4096), lut, options);
  let opaque = true;
  for (let i = 3; i < img.data.length; i += 4) {
    if (img.data[i] !== 255) {
      opaque = false;
      break;
    }
  }
  const encoded = await encodePixels(img, opaque ? 'jpeg' : 'png', 95);
  options.signal?.throwIfAborted();
  return { bytes: encoded, width: img.width, height: img.height };
}
