/**
 * The order to encode variants in: slowest first, so the last one to finish is a quick one and both
 * cores stay busy to the end. Cost is output pixels times how slow the format's encoder is per pixel,
 * plus a little for the source pixels the resize reads.
 */
import type { CropPlan, ImageFormat } from '@brandlock/core';

const FORMAT_COST: Record<ImageFormat, number> = { jpeg: 1, webp: 4, png: 4, tiff: 4, avif: 12 };

/** Indices of `items`, slowest first. */
export function slowestFirst(items: readonly { crop: CropPlan; format: ImageFormat }[]): number[] {
  const cost = ({ crop, format }: { crop: CropPlan; format: ImageFormat }) => crop.output.width * crop.output.height * FORMAT_COST[format] + (crop.crop.width * crop.crop.height) / 4;
  return items.map((item, i) => ({ i, c: cost(item) })).sort((a, b) => b.c - a.c).map((o) => o.i);
}
