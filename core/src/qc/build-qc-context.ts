/**
 * Builds the QcContext for one image from the lock: the category's thresholds and lighting preset,
 * the delivery target, and the SKU's swatch (from a planned job, or a palette swatch named by the
 * file's colorway when there is no brief).
 */
import type { BrandLock } from '../brand/brand-lock';
import type { Category } from '../brand/category';
import type { ChannelSpec } from '../channels/channel-spec';
import type { TargetSwatch } from '../brief/planned-job';
import { parseColor } from '../color/parse-color';
import type { ImageFileFacts, LightingTarget, QcContext, ReviewFlag } from './qc-context';
import { deliveryTargetFor } from './delivery-target';

export interface QcContextInput {
  category: Category;
  channel: ChannelSpec | null;
  swatch: TargetSwatch | null;
  file: ImageFileFacts;
  flags?: ReviewFlag[];
}

/**
 * @example buildQcContext(lock, { category, channel: null, swatch, file })
 */
export function buildQcContext(lock: BrandLock, input: QcContextInput): QcContext {
  const { category } = input;
  return {
    category: { id: category.id, name: category.name },
    thresholds: category.qc,
    swatch: input.swatch,
    lighting: lightingTarget(lock, category),
    delivery: deliveryTargetFor(lock, category, input.channel),
    file: input.file,
    flags: input.flags ?? [],
  };
}

/**
 * The category's lighting preset as QC needs it. A loaded lock always resolves the reference.
 * @example lightingTarget(lock, category).targetL // 62
 */
export function lightingTarget(lock: BrandLock, category: Category): LightingTarget {
  const preset = lock.lighting.find((l) => l.id === category.lighting);
  if (!preset) throw new Error(`lock has no lighting preset "${category.lighting}" (category ${category.id})`);
  const bg = parseColor(preset.background);
  if (!bg.success) throw new Error(`lighting preset "${preset.id}" has an invalid background: ${bg.message}`);
  return { id: preset.id, targetL: preset.exposure.targetL, toleranceEv: preset.exposure.toleranceEv, background: bg.lab, backgroundText: preset.background };
}

/**
 * A palette swatch named by a colorway ("ink", "Ink navy", "ink-navy"), as a TargetSwatch, or null.
 * @example swatchFromPalette(lock, 'ink', category)?.name // 'Ink navy'
 */
export function swatchFromPalette(lock: BrandLock, colorway: string, category: Category): TargetSwatch | null {
  const key = normalise(colorway);
  const swatch = lock.palette.swatches.find((s) => normalise(s.id) === key || normalise(s.name) === key);
  if (!swatch) return null;
  const color = parseColor(swatch.color);
  if (!color.success) return null;
  return { input: colorway, lab: color.lab, hex: color.hex, swatchId: swatch.id, name: swatch.name, tolerance: swatch.tolerance ?? category.qc.maxDeltaE00 };
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, '-');
}
