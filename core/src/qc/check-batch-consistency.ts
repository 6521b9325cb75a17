/**
 * Batch consistency, over all analysed images of a run: garment colour drift between images of the
 * same SKU and colorway (against their median), and backdrop colour and exposure drift across
 * images shot under the same lighting preset (against the batch median; needs three images).
 * Drift flags: one image out of line with its siblings needs a retoucher, not a regeneration.
 */
import type { Lab } from '../color/lab';
import { deltaE2000 } from '../color/delta-e-2000';
import type { QcThresholds } from '../brand/qc-thresholds';
import type { Finding } from './finding';
import { gradeValue, roundMeasure } from './finding';

export interface BatchItem {
  /** Identifies the image in the returned map (its file path). */
  key: string;
  sku: string;
  colorway: string | null;
  lighting: string;
  thresholds: QcThresholds;
  garment: Lab | null;
  background: Lab | null;
  exposureEv: number | null;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function medianLab(labs: Lab[]): Lab {
  return { l: median(labs.map((c) => c.l)), a: median(labs.map((c) => c.a)), b: median(labs.map((c) => c.b)) };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

/**
 * @example checkBatchConsistency(items).get('a.jpg') // [{ rule: 'consistency', check: 'color-drift', ... }]
 */
export function checkBatchConsistency(items: readonly BatchItem[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const add = (key: string, f: Finding) => out.set(key, [...(out.get(key) ?? []), f]);

  const withColor = items.filter((i) => i.garment);
  for (const [, group] of groupBy(withColor, (i) => `${i.sku.toLowerCase()}\u0000${(i.colorway ?? '').toLowerCase()}`)) {
    if (group.length < 2) continue;
    const ref = medianLab(group.map((i) => i.garment as Lab));
    for (const item of group) {
      const drift = deltaE2000(ref, item.garment as Lab);
      const limits = { direction: 'max' as const, flag: item.thresholds.maxColorDriftDeltaE00 };
      add(item.key, {
        rule: 'consistency',
        check: 'color-drift',
        severity: gradeValue(drift, limits),
        message: `garment colour is ΔE00 ${drift.toFixed(2)} from the median of the ${group.length} images of ${item.sku}${item.colorway ? ` ${item.colorway}` : ''}`,
        measured: roundMeasure(drift),
        unit: 'ΔE00',
        limits,
      });
    }
  }

  for (const [lighting, group] of groupBy(items, (i) => i.lighting)) {
    const withBg = group.filter((i) => i.background);
    if (withBg.length >= 3) {
      const ref = medianLab(withBg.map((i) => i.background as Lab));
      for (const item of withBg) {
        const drift = deltaE2000(ref, item.background as Lab);
        const limits = { direction: 'max' as const, flag: item.thresholds.background.maxDriftDeltaE00 };
        add(item.key, {
          rule: 'consistency',
          check: 'background-drift',
          severity: gradeValue(drift, limits),
          message: `backdrop is ΔE00 ${drift.toFixed(2)} from the median of ${withBg.length} images lit "${lighting}"`,
          measured: roundMeasure(drift),
          unit: 'ΔE00',
          limits,
        });
      }
    }
    const withEv = group.filter((i) => i.exposureEv !== null);
    if (withEv.length >= 3) {
      const ref = median(withEv.map((i) => i.exposureEv as number));
      for (const item of withEv) {
        const drift = (item.exposureEv as number) - ref;
        const limits = { direction: 'max' as const, flag: item.thresholds.exposure.maxDriftEv };
        add(item.key, {
          rule: 'consistency',
          check: 'exposure-drift',
          severity: gradeValue(Math.abs(drift), limits),
          message: `exposure is ${drift >= 0 ? '+' : ''}${drift.toFixed(2)} EV from the median of ${withEv.length} images lit "${lighting}"`,
          measured: roundMeasure(drift, 3),
          unit: 'EV',
          limits,
        });
      }
    }
  }
  return out;
}
