/**
 * Measures subject-mask quality on the real cutouts in samples/photos: each cutout's alpha is the
 * ground truth; the cutout is flattened onto a studio backdrop, JPEG-encoded (q90) and segmented
 * without its alpha, on the same ≤1 MP proxy QC uses. Shared by the test and the benchmark.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { createMask, downsampleRaster, maskIou, rasterToLab, segmentSubject, type Raster } from '@brandlock/core';

export const PHOTOS = new URL('../../samples/photos/', import.meta.url).pathname;
export const BACKDROPS = ['#ffffff', '#f4f1ec', '#e9ecef', '#9a9a9a'] as const;

/** Cutout files (paths relative to samples/photos), sorted. */
export function cutoutFiles(): string[] {
  return readdirSync(PHOTOS, { recursive: true }).map(String).filter((f) => f.endsWith('-cutout.png')).sort();
}

async function raw(input: Sharp): Promise<Raster> {
  const { data, info } = await input.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, depth: 8, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** IoU of the segmentation of `file` flattened onto `backdrop`, against its own alpha. */
export async function cutoutIou(file: string, backdrop: string): Promise<number> {
  const truthProxy = downsampleRaster(await raw(sharp(join(PHOTOS, file))), 1_000_000).raster;
  const truth = createMask(truthProxy.width, truthProxy.height);
  for (let i = 0; i < truth.data.length; i++) truth.data[i] = truthProxy.data[i * 4 + 3] >= 128 ? 1 : 0;
  const jpeg = await sharp(join(PHOTOS, file)).flatten({ background: backdrop }).jpeg({ quality: 90 }).toBuffer();
  const seg = segmentSubject(rasterToLab(downsampleRaster(await raw(sharp(jpeg)), 1_000_000).raster));
  return maskIou(seg.mask, truth);
}
