/**
 * Production status of a brief's SKUs: each view's latest job and its assets' review status, and
 * the SKU's status as the least advanced of its views, so "approved" means every view is.
 */
import type { PlannedJob } from '@brandlock/core';
import type { ProductionStatus, SkuStatus } from '@brandlock/core/api';
import type { Queryable } from './database';

const RANK: Record<ProductionStatus, number> = { failed: 0, canceled: 1, rejected: 2, planned: 3, queued: 4, running: 5, flagged: 6, ready: 7, approved: 8 };
const BEST_ASSET: ProductionStatus[] = ['approved', 'ready', 'flagged', 'rejected'];

/** A view's status from its latest job and that job's asset statuses. */
export function viewStatus(jobState: string | null, assetStatuses: string[]): ProductionStatus {
  if (!jobState) return 'planned';
  if (jobState !== 'succeeded') return jobState as ProductionStatus;
  return BEST_ASSET.find((s) => assetStatuses.includes(s)) ?? 'flagged';
}

export function leastAdvanced(statuses: ProductionStatus[]): ProductionStatus {
  return statuses.reduce((min, s) => (RANK[s] < RANK[min] ? s : min), 'approved' as ProductionStatus);
}

interface Row {
  plan: PlannedJob;
  job_id: string | null;
  state: string | null;
  assets: { id: string; status: string }[] | null;
}

export async function skuStatuses(db: Queryable, briefId: string): Promise<SkuStatus[]> {
  const rows = await db.query<Row>(
    `SELECT p.plan, j.id AS job_id, j.state,
       (SELECT json_agg(json_build_object('id', a.id, 'status', a.review_status) ORDER BY a.idx) FROM assets a WHERE a.job_id = j.id) AS assets
     FROM planned_jobs p
     LEFT JOIN LATERAL (SELECT id, state FROM jobs WHERE brief_id = p.brief_id AND planned_job_id = p.id ORDER BY created_at DESC, id DESC LIMIT 1) j ON true
     WHERE p.brief_id = $1 ORDER BY p.seq`,
    [briefId],
  );
  const bySku = new Map<string, SkuStatus>();
  for (const r of rows) {
    const p = r.plan;
    const key = `${p.row}`;
    let sku = bySku.get(key);
    if (!sku) {
      sku = { row: p.row, sku: p.sku, colorway: p.colorway, category: p.category, swatch: { input: p.swatch.input, hex: p.swatch.hex, name: p.swatch.name }, channels: p.channels, status: 'planned', views: [] };
      bySku.set(key, sku);
    }
    const assets = r.assets ?? [];
    sku.views.push({ view: p.view, viewName: p.viewName, plannedJobId: p.id, status: viewStatus(r.state, assets.map((a) => a.status)), jobId: r.job_id, assetIds: assets.map((a) => a.id) });
  }
  for (const sku of bySku.values()) sku.status = leastAdvanced(sku.views.map((v) => v.status));
  return [...bySku.values()];
}
