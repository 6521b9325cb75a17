/**
 * Stored briefs and their plans: one row per planned job (SKU x view, recipe resolved), so a plugin
 * picks a SKU and the server already knows exactly how each of its views is made.
 */
import type { BriefIssue, PlannedJob } from '@brandlock/core';
import type { BriefSummary } from '@brandlock/core/api';
import type { Database, Queryable } from './database';
import { iso } from './time';

interface BriefRowDb {
  id: string;
  name: string;
  lock_hash: string;
  format: string;
  rows_read: number;
  issues: BriefIssue[];
  uploaded_by: string;
  uploaded_at: Date;
  skus: number;
  planned: number;
}

const SUMMARY = `SELECT b.*, (SELECT count(DISTINCT row)::int FROM planned_jobs p WHERE p.brief_id = b.id) AS skus,
  (SELECT count(*)::int FROM planned_jobs p WHERE p.brief_id = b.id) AS planned FROM briefs b`;

function toSummary(r: BriefRowDb): BriefSummary {
  return {
    id: r.id,
    name: r.name,
    lockHash: r.lock_hash,
    uploadedBy: r.uploaded_by,
    uploadedAt: iso(r.uploaded_at),
    rowsRead: r.rows_read,
    skus: r.skus,
    plannedJobs: r.planned,
    errors: r.issues.filter((i) => i.severity === 'error').length,
    warnings: r.issues.filter((i) => i.severity === 'warning').length,
  };
}

/** Stores a brief with its plan in one transaction; planned jobs go in as one statement. */
export async function insertBrief(
  db: Database,
  brief: { id: string; name: string; lockHash: string; format: string; rowsRead: number; issues: BriefIssue[]; uploadedBy: string },
  jobs: readonly PlannedJob[],
): Promise<BriefSummary> {
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO briefs (id, name, lock_hash, format, rows_read, issues, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      brief.id, brief.name, brief.lockHash, brief.format, brief.rowsRead, JSON.stringify(brief.issues), brief.uploadedBy,
    ]);
    const batch = 2000;
    for (let i = 0; i < jobs.length; i += batch) {
      const items = jobs.slice(i, i + batch).map((j, k) => ({ id: j.id, seq: i + k, row: j.row, sku: j.sku, colorway: j.colorway, view: j.view, plan: j }));
      await tx.query(
        `INSERT INTO planned_jobs (brief_id, id, seq, row, sku, colorway, view, plan)
         SELECT $1, x.id, x.seq, x.row, x.sku, x.colorway, x.view, x.plan
         FROM jsonb_to_recordset($2::jsonb) AS x(id text, seq integer, row integer, sku text, colorway text, view text, plan jsonb)`,
        [brief.id, JSON.stringify(items)],
      );
    }
  });
  return (await getBrief(db, brief.id))!;
}

export async function getBrief(db: Queryable, id: string): Promise<BriefSummary | null> {
  const rows = await db.query<BriefRowDb>(`${SUMMARY} WHERE b.id = $1`, [id]);
  return rows[0] ? toSummary(rows[0]) : null;
}

export async function listBriefs(db: Queryable): Promise<BriefSummary[]> {
  return (await db.query<BriefRowDb>(`${SUMMARY} ORDER BY b.uploaded_at DESC, b.id`)).map(toSummary);
}

/** Planned jobs of a brief, optionally narrowed to SKUs, a colourway, a row or a view, in plan order. */
export async function plannedJobs(db: Queryable, briefId: string, filter: { skus?: string[]; colorway?: string; row?: number; view?: string } = {}): Promise<PlannedJob[]> {
  const params: unknown[] = [briefId];
  const where = ['brief_id = $1'];
  if (filter.skus) where.push(`sku = ANY($${params.push(filter.skus)}::text[])`);
  if (filter.colorway) where.push(`lower(colorway) = lower($${params.push(filter.colorway)})`);
  if (filter.row !== undefined) where.push(`row = $${params.push(filter.row)}`);
  if (filter.view) where.push(`view = $${params.push(filter.view)}`);
  const rows = await db.query<{ plan: PlannedJob }>(`SELECT plan FROM planned_jobs WHERE ${where.join(' AND ')} ORDER BY seq`, params);
  return rows.map((r) => r.plan);
}
