/** The review queue over asset rows, and reviewer decisions with the status they lead to. */
import { reviewLayers, reviewStatus, type QcVerdict, type ReviewDecision, type ReviewStatus } from '@brandlock/core';
import type { ReviewItem } from '@brandlock/core/api';
import type { Queryable } from './database';
import { decodeCursor, encodeCursor } from './cursor';
import { iso } from './time';
import { decisionsFor, type AssetRow } from './assets';

/** An asset row with the id of the revision that replaced it, if any. */
type QueueRow = AssetRow & { replaced_by: string | null };

const REPLACED_BY = "(SELECT r.id FROM assets r WHERE r.record->'revisionOf'->>'assetId' = assets.id ORDER BY r.idx DESC LIMIT 1) AS replaced_by";

function toReviewItem(r: QueueRow, reviews: ReviewDecision[]): ReviewItem {
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
    layers: reviewLayers(reviews),
    qc: rec.qc,
    reviews,
    revisionOf: rec.revisionOf?.assetId ?? null,
    replacedBy: r.replaced_by,
    createdAt: iso(r.created_at),
  };
}

export async function listReview(
  db: Queryable,
  q: { statuses: string[]; sku?: string; category?: string; limit: number; cursor?: string },
): Promise<{ items: ReviewItem[]; nextCursor: string | null }> {
  const params: unknown[] = [q.statuses];
  // An asset a retoucher's revision replaced has left the queue; the revision stands in its place.
  const where = ['review_status = ANY($1::text[])', "NOT EXISTS (SELECT 1 FROM assets r WHERE r.record->'revisionOf'->>'assetId' = assets.id)"];
  if (q.sku) where.push(`sku = $${params.push(q.sku)}`);
  if (q.category) where.push(`category = $${params.push(q.category)}`);
  const after = decodeCursor(q.cursor);
  if (after) where.push(`(created_at, id) > ($${params.push(new Date(after.at))}, $${params.push(after.id)})`);
  const rows = await db.query<QueueRow>(`SELECT *, NULL AS replaced_by FROM assets WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT $${params.push(q.limit + 1)}`, params);
  const page = rows.slice(0, q.limit);
  const decisions = await decisionsFor(db, page.map((r) => r.id));
  const last = page.at(-1);
  return {
    items: page.map((r) => toReviewItem(r, decisions.get(r.id) ?? [])),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: iso(last.created_at), id: last.id }) : null,
  };
}

export async function getReviewItem(db: Queryable, assetId: string): Promise<ReviewItem | null> {
  const rows = await db.query<QueueRow>(`SELECT *, ${REPLACED_BY} FROM assets WHERE id = $1`, [assetId]);
  if (!rows[0]) return null;
  return toReviewItem(rows[0], (await decisionsFor(db, [assetId])).get(assetId) ?? []);
}

export type DecideReviewResult = { status: ReviewStatus } | { brandDecided: ReviewDecision };

/**
 * Records a decision and recomputes the asset's review status; null when there is no such asset. A
 * technical-layer decision on an asset the brand layer has decided is not recorded: the brand
 * decision stands until a brand-layer decision changes it.
 */
export async function decideReview(
  db: Queryable,
  assetId: string,
  d: { decision: 'approve' | 'reject'; layer: 'technical' | 'brand'; reviewer: string; role: string; reason: string; tokenId: string },
): Promise<DecideReviewResult | null> {
  const rows = await db.query<{ verdict: QcVerdict; human_review: 'always' | 'on-flag' }>(
    'SELECT a.verdict, j.human_review FROM assets a JOIN jobs j ON j.id = a.job_id WHERE a.id = $1 FOR UPDATE OF a',
    [assetId],
  );
  if (!rows[0]) return null;
  if (d.layer === 'technical') {
    const brand = reviewLayers((await decisionsFor(db, [assetId])).get(assetId) ?? []).brand;
    if (brand) return { brandDecided: brand };
  }
  await db.query('INSERT INTO review_decisions (asset_id, decision, layer, reviewer, role, reason, token_id) VALUES ($1, $2, $3, $4, $5, $6, $7)', [assetId, d.decision, d.layer, d.reviewer, d.role, d.reason, d.tokenId]);
  const reviews = (await decisionsFor(db, [assetId])).get(assetId) ?? [];
  const status = reviewStatus(rows[0].verdict, reviews, rows[0].human_review);
  await db.query('UPDATE assets SET review_status = $2 WHERE id = $1', [assetId, status]);
  return { status };
}
