/**
 * The report summary: verdict counts and first-pass approval rate overall and per category, the
 * most frequent reasons images failed, error kinds, and a ΔE00 histogram of garment colour.
 */
import type { QcImageRecord, QcSummary } from './qc-report';

const BIN = 0.5;
const LAST = 8;

/**
 * @example summarizeQcReport(records).firstPassRate // 0.72
 */
export function summarizeQcReport(records: readonly QcImageRecord[]): QcSummary {
  const count = (rs: readonly QcImageRecord[], v: QcImageRecord['verdict']) => rs.filter((r) => r.verdict === v).length;
  const rate = (rs: readonly QcImageRecord[]) => (rs.length ? count(rs, 'pass') / rs.length : 0);
  const byCategory = new Map<string, QcImageRecord[]>();
  for (const r of records) {
    const id = r.category ?? '(unmatched)';
    byCategory.set(id, [...(byCategory.get(id) ?? []), r]);
  }
  const categories = [...byCategory].map(([id, rs]) => ({
    id,
    name: rs[0].categoryName ?? 'Files matching no SKU or category',
    total: rs.length,
    pass: count(rs, 'pass'),
    flag: count(rs, 'flag'),
    reject: count(rs, 'reject'),
    error: count(rs, 'error'),
    firstPassRate: rate(rs),
  }));
  categories.sort((a, b) => b.total - a.total || a.id.localeCompare(b.id));

  const reasons = new Map<string, { rule: string; check: string; images: number; rejects: number; flags: number }>();
  for (const r of records) {
    const seen = new Set<string>();
    for (const f of r.findings) {
      if (f.severity !== 'flag' && f.severity !== 'reject') continue;
      const key = `${f.rule}/${f.check}`;
      const entry = reasons.get(key) ?? { rule: f.rule, check: f.check, images: 0, rejects: 0, flags: 0 };
      if (!seen.has(key)) entry.images++;
      seen.add(key);
      if (f.severity === 'reject') entry.rejects++;
      else entry.flags++;
      reasons.set(key, entry);
    }
  }

  const errors = new Map<string, number>();
  for (const r of records) if (r.error) errors.set(r.error.code, (errors.get(r.error.code) ?? 0) + 1);

  const deltas = records.flatMap((r) => r.findings.filter((f) => f.rule === 'color' && f.check === 'delta-e' && typeof f.measured === 'number').map((f) => f.measured as number));
  const bins = Array.from({ length: LAST / BIN + 1 }, (_, i) => ({ from: i * BIN, to: i * BIN < LAST ? (i + 1) * BIN : null, count: 0 }));
  for (const d of deltas) bins[Math.min(bins.length - 1, Math.floor(d / BIN))].count++;

  return {
    total: records.length,
    pass: count(records, 'pass'),
    flag: count(records, 'flag'),
    reject: count(records, 'reject'),
    error: count(records, 'error'),
    firstPassRate: rate(records),
    categories,
    reasons: [...reasons.values()].sort((a, b) => b.images - a.images || b.rejects - a.rejects),
    deltaE: { measured: deltas.length, bins },
    errors: [...errors].map(([code, n]) => ({ code, count: n })).sort((a, b) => b.count - a.count),
  };
}
