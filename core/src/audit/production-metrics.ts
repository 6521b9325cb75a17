/**
 * Production metrics a lead answers for, computed from production records: first-pass approval rate,
 * the ΔE00 distribution, correction rate per category, time from request to approval against the SLA,
 * and provider cost per approved image. Moodboard studies and channel variants are not production
 * masters and are left out.
 */
import { z } from 'zod';
import type { ProductionRecord } from './production-record';
import type { QcOutcome } from './qc-outcome';
import { reviewLayers } from './review-status';

/** The parts of a production record the metrics read (a server can select just these). */
export type MetricsRecord = Pick<ProductionRecord, 'kind' | 'category' | 'provider' | 'costUsd' | 'requestedAt' | 'reviews'> & { qc: Pick<QcOutcome, 'verdict' | 'measurements'> };

export const Distribution = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  p95: z.number().nullable(),
  max: z.number().nullable(),
});
export type Distribution = z.infer<typeof Distribution>;

export const ProductionMetrics = z.object({
  assets: z.number().int().describe('Production masters in the period'),
  reviewed: z.number().int().describe('Masters with at least one reviewer decision'),
  approved: z.number().int().describe('Masters approved in the brand layer (its latest decision is approve)'),
  firstPassApprovalRate: z.number().nullable().describe('Reviewed masters approved in the brand layer with no rejection by a person or by automated QC on the way'),
  deltaE00: Distribution.extend({
    histogram: z.array(z.object({ from: z.number(), to: z.number().nullable(), count: z.number().int() })),
  }).describe('Garment ΔE00 against the SKU swatch, from QC measurements'),
  correctionByCategory: z.array(z.object({ category: z.string(), assets: z.number().int(), corrected: z.number().int(), rate: z.number() })),
  timeToApproval: Distribution.extend({
    slaHours: z.number(),
    withinSla: z.number().int(),
    withinSlaRate: z.number().nullable(),
  }).describe('Hours from the job request to the approving decision'),
  costPerApproved: z.array(
    z.object({
      provider: z.string(),
      costUsd: z.number(),
      assetsWithoutCost: z.number().int(),
      approved: z.number().int(),
      costPerApprovedUsd: z.number().nullable(),
    }),
  ),
});
export type ProductionMetrics = z.infer<typeof ProductionMetrics>;

const PRODUCTION_KINDS = new Set(['generate', 'post', 'video']);

/** The brand layer's approval, when that layer's latest decision is approve: what counts as approved. */
function brandApproval(r: MetricsRecord) {
  const brand = reviewLayers(r.reviews).brand;
  return brand?.decision === 'approve' ? brand : null;
}
const DELTA_E_BINS = [0, 1, 2, 3, 4, 5, 6];

/**
 * @example
 * const m = computeProductionMetrics(records, { slaHours: 48 });
 * m.firstPassApprovalRate // 0.82
 */
export function computeProductionMetrics(records: readonly MetricsRecord[], options: { slaHours: number }): ProductionMetrics {
  const masters = records.filter((r) => PRODUCTION_KINDS.has(r.kind));
  const reviewed = masters.filter((r) => r.reviews.length > 0);
  const approvedRecords = masters.filter((r) => brandApproval(r));
  const firstPass = approvedRecords.filter((r) => r.reviews.every((d) => d.decision === 'approve') && r.qc.verdict !== 'reject');

  const deltaE = masters.map((r) => r.qc.measurements.deltaE00).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const histogram = DELTA_E_BINS.map((from, i) => {
    const to = i + 1 < DELTA_E_BINS.length ? DELTA_E_BINS[i + 1] : null;
    return { from, to, count: deltaE.filter((v) => v >= from && (to === null || v < to)).length };
  });

  const byCategory = new Map<string, { assets: number; corrected: number }>();
  for (const r of masters) {
    const key = r.category ?? '(none)';
    const entry = byCategory.get(key) ?? { assets: 0, corrected: 0 };
    entry.assets++;
    if (r.qc.verdict === 'flag' || r.qc.verdict === 'reject' || r.reviews.some((d) => d.decision === 'reject')) entry.corrected++;
    byCategory.set(key, entry);
  }

  const hours = approvedRecords.map((r) => (Date.parse(brandApproval(r)!.at) - Date.parse(r.requestedAt)) / 3_600_000);
  const withinSla = hours.filter((h) => h <= options.slaHours).length;

  const byProvider = new Map<string, { costUsd: number; assetsWithoutCost: number; approved: number }>();
  for (const r of masters) {
    const entry = byProvider.get(r.provider) ?? { costUsd: 0, assetsWithoutCost: 0, approved: 0 };
    if (r.costUsd === null) entry.assetsWithoutCost++;
    else entry.costUsd += r.costUsd;
    if (brandApproval(r)) entry.approved++;
    byProvider.set(r.provider, entry);
  }

  return {
    assets: masters.length,
    reviewed: reviewed.length,
    approved: approvedRecords.length,
    firstPassApprovalRate: reviewed.length ? firstPass.length / reviewed.length : null,
    deltaE00: { ...distribution(deltaE), histogram },
    correctionByCategory: [...byCategory.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([category, e]) => ({ category, ...e, rate: e.corrected / e.assets })),
    timeToApproval: { ...distribution(hours), slaHours: options.slaHours, withinSla, withinSlaRate: hours.length ? withinSla / hours.length : null },
    costPerApproved: [...byProvider.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([provider, e]) => ({ provider, ...e, costUsd: round(e.costUsd, 6), costPerApprovedUsd: e.approved ? round(e.costUsd / e.approved, 6) : null })),
  };
}

/** Mean and nearest-rank percentiles of a list of numbers. */
export function distribution(values: readonly number[]): Distribution {
  if (!values.length) return { count: 0, mean: null, p50: null, p90: null, p95: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return { count: sorted.length, mean: round(mean, 4), p50: round(rank(0.5), 4), p90: round(rank(0.9), 4), p95: round(rank(0.95), 4), max: round(sorted[sorted.length - 1], 4) };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
