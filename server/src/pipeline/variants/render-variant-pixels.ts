/**
 * Executes a core crop plan with sharp on the decoded master: extract, resize (Lanczos 3, the same
 * scale on both axes), trim, pad with the channel background, and flatten transparency onto it
 * unless the channel keeps transparency. `variantPipeline` leaves the output format open so the
 * encoder can run in the same libvips pipeline; `renderVariantPixels` materialises raw pixels for a
 * quality search that re-encodes without resizing again.
 */
import sharp, { type Sharp } from 'sharp';
import { backgroundRgba, type CropPlan } from '@brandlock/core';
import type { LoadedMaster } from './load-master';

export interface VariantPixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

export function variantPipeline(master: LoadedMaster, plan: CropPlan, background: string): Sharp {
  const bg = backgroundRgba(background);
  const keepAlpha = bg.alpha === 0;
  let p = sharp(master.pixels, { raw: { width: master.width, height: master.height, channels: master.channels } }).extract(plan.crop);
  if (plan.resize.width !== plan.crop.width || plan.resize.height !== plan.crop.height) p = p.resize(plan.resize.width, plan.resize.height, { fit: 'fill', kernel: 'lanczos3' });
  if (plan.trim.left || plan.trim.top || plan.trim.width !== plan.resize.width || plan.trim.height !== plan.resize.height) p = p.extract(plan.trim);
  if (keepAlpha) p = p.ensureAlpha();
  const { top, right, bottom, left } = plan.pad;
  if (top || right || bottom || left) p = p.extend({ top, right, bottom, left, background: bg });
  if (!keepAlpha && master.channels === 4) p = p.flatten({ background: bg });
  return p;
}

export async function renderVariantPixels(master: LoadedMaster, plan: CropPlan, background: string): Promise<VariantPixels> {
  const { data, info } = await variantPipeline(master, plan, background).raw().toBuffer({ resolveWithObject: true });
  // sharp 0.35.5 reports the pre-extend width in `info` after extract-resize-extract-extend, though
  // the pixels are right; the plan's output size is the truth, checked against the buffer length.
  const { width, height } = plan.output;
  if (data.length !== width * height * info.channels) throw new RangeError(`internal: rendered ${data.length} bytes, expected ${width}x${height}x${info.channels}`);
  return { data, width, height, channels: info.channels as 3 | 4 };
}

/** A fresh pipeline over already-rendered pixels. */
export function pixelsPipeline(px: VariantPixels): Sharp {
  return sharp(px.data, { raw: { width: px.width, height: px.height, channels: px.channels } });
}
