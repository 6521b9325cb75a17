/**
 * Asset rows: each output of a job, with its production record and where it stands in review.
 * Inserting is idempotent on (job, index), so completing a job twice stores its outputs once.
 */
import { reviewStatus, type ProductionRecord, type QcVerdict, type ReviewDecision, type ReviewStatus } from '@brandlock/core';
import type { JobOutput, ReviewItem } from '@brandlock/core/api';
import type { Queryable } from './database';
import { decodeCursor, encodeCursor } from './cursor';
import { iso } from './time';

interface AssetRow {
  id: string;
  job_id: string;
  idx: number;
  sha256: string;
  channel: string | null;
  sku: string | null;
  category: string | null;
  verdict: QcVerdict;
  review_status: ReviewStatus;
  record: ProductionRecord;
  created_at: Date;
}

interface DecisionRow {
  asset_id: string;
  decision: 'approve' | 'reject';
  layer: 'technical' | 'brand';
  reviewer: string;
  role: string;
  reason: string;
  at: Date;
}

export interface NewAsset {
  record: ProductionRecord;
  status: ReviewStatus;
}

/** Inserts outputs; rows already there (a second completion) are left as they are. */
export async function insertAssets(db: Queryable, assets: readonly NewAsset[]): Promise<void> {
  for (const { record, status } of assets) {
    await db.query(
      `INSERT INTO assets (id, job_id, idx, sha256, channel, sku, category, verdict, review_status, record, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (job_id, idx) DO NOTHING`,
      [record.assetId, record.jobId, record.index, record.sha256, record.channel, record.sku, record.category, record.qc.verdict, status, JSON.stringify(record), new Date(record.createdAt)],
    );
  }
}

async function decisionsFor(db: Queryable, assetIds: string[]): Promise<Map<string, ReviewDecision[]>> {
  const map = new Map<string, ReviewDecision[]>();
  if (!assetIds.length) return map;
  const rows = await db.query<DecisionRow>('SELECT * FROM review_decisions WHERE asset_id = ANY($1::text[]) ORDER BY at, id', [assetIds]);
  for (const r of rows) {
    const list = map.get(r.asset_id) ?? [];
    list.push({ decision: r.decision, layer: r.layer, reviewer: r.reviewer, role: r.role, reason: r.reason, at: iso(r.at) });
    map.set(r.asset_id, list);
  }
  return map;
}

/** Outputs of jobs, by job id, in output order. */
export async function outputsOfJobs(db: Queryable, jobIds: string[]): Promise<Map<string, JobOutput[]>> {
  const map = new Map<string, JobOutput[]>();
  if (!jobIds.length) return map;
  const rows = await db.query<AssetRow>('SELECT * FROM assets WHERE job_id = ANY($1::text[]) ORDER BY job_id, idx', [jobIds]);
  for (const r of rows) {
    const list = map.get(r.job_id) ?? [];
    list.push({
      assetId: r.id,
      ref: `sha256:${r.sha256}`,
      sha256: r.sha256,
      contentType: r.record.contentType,
      width: r.record.width,
      height: r.record.height,
      bytes: r.record.bytes,
      index: r.idx,
      seed: r.record.seed,
      channel: r.channel,
      note: r.record.note,
      reviewStatus: r.review_status,
    });
    map.set(r.job_id, list);
  }
  return map;
}

function toReviewItem(r: AssetRow, reviews: ReviewDecision[]): ReviewItem {
  const rec = r.record;
  return {
    assetId: r.id,
    ref: `sha256:${r.sha256}`,
    contentType: rec.contentType,
    width: rec.width,
    height: rec.height,
    jobId: r.job_id,
    kind: rec.kind,
    sku: r.sku,
    colorway: rec.colorway,
    category: r.category,
    view: rec.view,
    channel: r.channel,
    status: r.review_status,
    qc: rec.qc,
    reviews,
    createdAt: iso(r.created_at),
  };
}

export async function listReview(
  db: Queryable,
  q: { statuses: string[]; sku?: string; category?: string; limit: number; cursor?: string },
): Promise<{ items: ReviewItem[]; nextCursor: string | null }> {
  const params: unknown[] = [q.statuses];
  const where = ['review_status = ANY($1::text[])'];
  if (q.sku) where.push(`sku = $${params.push(q.sku)}`);
  if (q.category) where.push(`category = $${params.push(q.category)}`);
  const after = decodeCursor(q.cursor);
  if (after) where.push(`(created_at, id) > ($${params.push(new Date(after.at))}, $${params.push(after.id)})`);
  const rows = await db.query<AssetRow>(`SELECT * FROM assets WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT $${params.push(q.limit + 1)}`, params);
  const page = rows.slice(0, q.limit);
  const decisions = await decisionsFor(db, page.map((r) => r.id));
  const last = page.at(-1);
  return {
    items: page.map((r) => toReviewItem(r, decisions.get(r.id) ?? [])),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: iso(last.created_at), id: last.id }) : null,
  };
}

export async function getReviewItem(db: Queryable, assetId: string): Promise<ReviewItem | null> {
  const rows = await db.query<AssetRow>('SELECT * FROM assets WHERE id = $1', [assetId]);
  if (!rows[0]) return null;
  return toReviewItem(rows[0], (await decisionsFor(db, [assetId])).get(assetId) ?? []);
}

/** Records a decision and recomputes the asset's review status; null when there is no such asset. */
export async function decideReview(
  db: Queryable,
  assetId: string,
  d: { decision: 'approve' | 'reject'; layer: 'technical' | 'brand'; reviewer: string; role: string; reason: string; tokenId: string },
): Promise<ReviewStatus | null> {
  const rows = await db.query<{ verdict: QcVerdict; human_review: 'always' | 'on-flag' }>(
    'SELECT a.verdict, j.human_review FROM assets a JOIN jobs j ON j.id = a.job_id WHERE a.id = $1 FOR UPDATE OF a',
    [assetId],
  );
  if (!rows[0]) return null;
  await db.query('INSERT INTO review_decisions (asset_id, decision, layer, reviewer, role, reason, token_id) VALUES ($1, $2, $3, $4, $5, $6, $7)', [assetId, d.decision, d.layer, d.reviewer, d.role, d.reason, d.tokenId]);
  const reviews = (await decisionsFor(db, [assetId])).get(assetId) ?? [];
  const status = reviewStatus(rows[0].verdict, reviews, rows[0].human_review);
  await db.query('UPDATE assets SET review_status = $2 WHERE id = $1', [assetId, status]);
  return status;
}

/** Production records with their decisions, by SKU, job or time, oldest first. */
export async function queryRecords(
  db: Queryable,
  q: { sku?: string; job?: string; from?: string; to?: string; limit: number; cursor?: string },
): Promise<{ records: ProductionRecord[]; nextCursor: string | null }> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (q.sku) where.push(`sku = $${params.push(q.sku)}`);
  if (q.job) where.push(`job_id = $${params.push(q.job)}`);
  if (q.from) where.push(`created_at >= $${params.push(new Date(q.from))}`);
  if (q.to) where.push(`created_at < $${params.push(new Date(q.to))}`);
  const after = decodeCursor(q.cursor);
  if (after) where.push(`(created_at, id) > ($${params.push(new Date(after.at))}, $${params.push(after.id)})`);
  const rows = await db.query<AssetRow>(`SELECT * FROM assets ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id LIMIT $${params.push(q.limit + 1)}`, params);
  const page = rows.slice(0, q.limit);
  const decisions = await decisionsFor(db, page.map((r) => r.id));
  const last = page.at(-1);
  return {
    records: page.map((r) => ({ ...r.record, reviews: decisions.get(r.id) ?? [] })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: iso(last.created_at), id: last.id }) : null,
  };
}
