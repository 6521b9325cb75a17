/**
 * A retoucher's fix sent back to the review queue: the fixed pixels become a new asset of the same
 * job (same SKU, colourway, view, channel, recipe and provenance), measured by automated QC afresh
 * and queued by its own verdict. The record says whose fix of which asset it is; the audit trail
 * gets a `review.revise` event; the asset it replaces leaves the queue (it keeps its own record and
 * decisions). An approved asset is not revised, nor one already replaced.
 */
import { reviewStatus, type ProductionRecord, type QcOutcome } from '@brandlock/core';
import type { Database, Queryable } from '../store/database';
import type { BlobStore } from '../assets/blob-store';
import { findBlob, type BlobMeta } from '../store/blobs';
import { getJobRow, type JobRow } from '../store/jobs';
import { findLock, type StoredLock } from '../store/locks';
import { insertAssets, type AssetRow } from '../store/assets';
import { recordEvent } from '../store/audit-events';

export type ReviseResult =
  | { ok: true; assetId: string }
  | { ok: false; status: 404 | 409; message: string };

export interface ReviseDeps {
  db: Database;
  blobs: BlobStore;
  inspect: (input: { job: JobRow; output: BlobMeta; bytes: Uint8Array; index: number; lock: StoredLock | null }) => Promise<QcOutcome>;
}

export async function reviseAsset(
  deps: ReviseDeps,
  assetId: string,
  input: { sha256: string; note: string; by: { name: string; tokenId: string } },
): Promise<ReviseResult> {
  const { db } = deps;
  const [asset] = await db.query<AssetRow>('SELECT * FROM assets WHERE id = $1', [assetId]);
  if (!asset) return { ok: false, status: 404, message: `no asset "${assetId}"` };
  if (asset.review_status === 'approved') return { ok: false, status: 409, message: `asset "${assetId}" is approved in the brand layer; an approved master is not revised` };
  const replaced = await replacementOf(db, assetId);
  if (replaced) return { ok: false, status: 409, message: `asset "${assetId}" was already replaced by revision "${replaced}"; revise that one` };
  const meta = await findBlob(db, input.sha256);
  const bytes = meta && (await deps.blobs.get(input.sha256));
  if (!meta || !bytes) return { ok: false, status: 404, message: `no upload sha256:${input.sha256}; send the fixed image with PUT /v1/uploads first` };
  if (!meta.contentType.startsWith('image/')) return { ok: false, status: 409, message: `the upload is ${meta.contentType}, not an image` };
  const job = await getJobRow(db, asset.job_id);
  if (!job) return { ok: false, status: 404, message: `asset "${assetId}" names job "${asset.job_id}", which is not on this server` };
  const lock = await findLock(db, job.lock_hash);
  // Measured as the output it replaces (its index decides a variant's channel spec).
  const qc = await deps.inspect({ job, output: meta, bytes, index: asset.idx, lock });
  return db.transaction(async (tx) => {
    // Serialise revisions of one job, so two fixes sent at once get distinct positions.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`brandlock-revise-${job.id}`]);
    const again = await replacementOf(tx, assetId);
    if (again) return { ok: false, status: 409, message: `asset "${assetId}" was already replaced by revision "${again}"; revise that one` } as const;
    const [{ next }] = await tx.query<{ next: number }>('SELECT coalesce(max(idx), -1)::int + 1 AS next FROM assets WHERE job_id = $1', [job.id]);
    const now = new Date().toISOString();
    const original: ProductionRecord = asset.record;
    const record: ProductionRecord = {
      ...original,
      assetId: `${job.id}-${next}`,
      sha256: meta.sha256,
      contentType: meta.contentType,
      width: meta.width ?? 0,
      height: meta.height ?? 0,
      bytes: meta.bytes,
      index: next,
      note: `a retoucher's fix of ${assetId} by ${input.by.name}${input.note ? `: ${input.note}` : ''}`,
      qc,
      reviews: [],
      revisionOf: { assetId, by: input.by.name, note: input.note },
      timings: null,
      createdAt: now,
    };
    await insertAssets(tx, [{ record, status: reviewStatus(qc.verdict, [], job.human_review) }]);
    await recordEvent(tx, { name: input.by.name, tokenId: input.by.tokenId }, 'review.revise', record.assetId, { from: assetId, sha256: meta.sha256, verdict: qc.verdict, note: input.note });
    return { ok: true, assetId: record.assetId } as const;
  });
}

/** The id of the asset that replaced `assetId`, or null. */
export async function replacementOf(db: Queryable, assetId: string): Promise<string | null> {
  const rows = await db.query<{ id: string }>("SELECT id FROM assets WHERE record->'revisionOf'->>'assetId' = $1 LIMIT 1", [assetId]);
  return rows[0]?.id ?? null;
}
