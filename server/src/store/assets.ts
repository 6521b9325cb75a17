/**
 * Asset rows: each output of a job, with its production record and where it stands in review.
 * Inserting is idempotent on (job, index), so completing a job twice stores its outputs once.
 */
import type { ProductionRecord, QcVerdict, ReviewDecision, ReviewStatus } from '@brandlock/core';
import type { JobOutput } from '@brandlock/core/api';
import type { Queryable } from './database';
import { iso } from './time';

export interface AssetRow {
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

/** Reviewer decisions per asset, oldest first. */
export async function decisionsFor(db: Queryable, assetIds: string[]): Promise<Map<string, ReviewDecision[]>> {
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

/** The asset columns a job's output shows (not the whole production record). */
const OUTPUT_COLUMNS = `id, job_id, idx, sha256, channel, review_status, record->>'contentType' AS content_type, (record->>'width')::int AS width,
  (record->>'height')::int AS height, (record->>'bytes')::int AS bytes, (record->>'seed')::float8 AS seed, record->>'note' AS note`;

export interface OutputRow {
  id: string;
  job_id: string;
  idx: number;
  sha256: string;
  channel: string | null;
  review_status: ReviewStatus;
  content_type: string;
  width: number;
  height: number;
  bytes: number;
  seed: number | null;
  note: string | null;
}

/**
 * A select-list expression: the outputs of the row of `jobs` in the enclosing query as a JSON array of
 * OutputRow, in output order, so one query answers a job and its outputs.
 */
export const OUTPUTS_OF_JOB_ROW = `(SELECT coalesce(json_agg(o ORDER BY o.idx), '[]'::json) FROM (SELECT ${OUTPUT_COLUMNS} FROM assets WHERE assets.job_id = jobs.id) o)`;

export function toJobOutput(r: OutputRow): JobOutput {
  return { assetId: r.id, ref: `sha256:${r.sha256}`, sha256: r.sha256, contentType: r.content_type, width: r.width, height: r.height, bytes: r.bytes, index: r.idx, seed: r.seed, channel: r.channel, note: r.note, reviewStatus: r.review_status };
}

/** Outputs of jobs, by job id, in output order (only the fields a job shows, not whole records). */
export async function outputsOfJobs(db: Queryable, jobIds: string[]): Promise<Map<string, JobOutput[]>> {
  const map = new Map<string, JobOutput[]>();
  if (!jobIds.length) return map;
  const rows = await db.query<OutputRow>(`SELECT ${OUTPUT_COLUMNS} FROM assets WHERE job_id = ANY($1::text[]) ORDER BY job_id, idx`, [jobIds]);
  for (const r of rows) {
    const list = map.get(r.job_id) ?? [];
    list.push(toJobOutput(r));
    map.set(r.job_id, list);
  }
  return map;
}
