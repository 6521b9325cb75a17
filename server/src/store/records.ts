/** Production records for the audit queries and the metrics, with reviewer decisions joined in. */
import type { MetricsRecord, ProductionRecord, QcVerdict, ReviewDecision } from '@brandlock/core';
import type { Queryable } from './database';
import { decodeCursor, encodeCursor } from './cursor';
import { iso } from './time';
import { decisionsFor, type AssetRow } from './assets';

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

/** What the metrics need from each record in a period (not whole records), oldest first, at most `limit`. */
export async function metricsRecords(db: Queryable, q: { from?: string; to?: string; limit: number }): Promise<MetricsRecord[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (q.from) where.push(`a.created_at >= $${params.push(new Date(q.from))}`);
  if (q.to) where.push(`a.created_at < $${params.push(new Date(q.to))}`);
  const rows = await db.query<{ id: string; kind: MetricsRecord['kind']; category: string | null; provider: string; cost: number | null; requested_at: string; verdict: QcVerdict; measurements: Record<string, number> }>(
    `SELECT a.id, a.record->>'kind' AS kind, a.category, a.record->>'provider' AS provider, (a.record->>'costUsd')::float8 AS cost,
       a.record->>'requestedAt' AS requested_at, a.verdict, a.record->'qc'->'measurements' AS measurements
     FROM assets a ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.created_at, a.id LIMIT $${params.push(q.limit)}`,
    params,
  );
  const decisions = new Map<string, ReviewDecision[]>();
  for (let i = 0; i < rows.length; i += 5000) {
    for (const [id, list] of await decisionsFor(db, rows.slice(i, i + 5000).map((r) => r.id))) decisions.set(id, list);
  }
  return rows.map((r) => ({
    kind: r.kind,
    category: r.category,
    provider: r.provider,
    costUsd: r.cost,
    requestedAt: r.requested_at,
    reviews: decisions.get(r.id) ?? [],
    qc: { verdict: r.verdict, measurements: r.measurements ?? {} },
  }));
}
