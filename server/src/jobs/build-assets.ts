/**
 * The asset rows a finished job adds: one production record per stored output, with the QC outcome
 * from the inspection hook and the review status that follows from it. Moodboard studies are not
 * production images and go straight to `ready`.
 */
import { buildProductionRecord, reviewStatus, type PostRecord } from '@brandlock/core';
import type { ProviderOutput, ProviderStatus } from '../providers/provider';
import type { BlobMeta } from '../store/blobs';
import type { JobRow } from '../store/jobs';
import type { NewAsset } from '../store/assets';
import type { StoredLock } from '../store/locks';
import type { QcOutcome } from '@brandlock/core';
import type { InspectInput } from '../render/render-tasks';
import { recordedVideo } from './recorded-video';

export interface StoredOutput {
  index: number;
  output: ProviderOutput;
  meta: BlobMeta;
  /** Post-production of a master, with the raw output's hash. */
  post?: PostRecord;
}

export async function buildAssets(input: {
  job: JobRow;
  stored: StoredOutput[];
  status: ProviderStatus;
  lock: StoredLock | null;
  inspect: (input: InspectInput) => Promise<QcOutcome>;
  /** Cleans provider text before it is stored (keys redacted). */
  clean: (text: string) => string;
  createdAt: string;
  /** When the provider's outputs were in our storage (before QC ran), epoch ms. */
  generatedAt: number;
}): Promise<NewAsset[]> {
  const { job, stored, status, lock } = input;
  const assets: NewAsset[] = [];
  const submitted = job.submitted_at?.getTime() ?? null;
  const timings = submitted === null ? null : { queuedMs: Math.max(0, submitted - job.created_at.getTime()), generateMs: Math.max(0, input.generatedAt - submitted) };
  for (const s of stored) {
    const qc = await input.inspect({ job, output: s.meta, index: s.index, lock });
    const video = job.kind === 'video' ? recordedVideo(job, qc) : null;
    const record = buildProductionRecord({
      assetId: `${job.id}-${s.index}`,
      output: {
        sha256: s.meta.sha256,
        contentType: s.meta.contentType,
        width: s.meta.width ?? video?.size?.width ?? 0,
        height: s.meta.height ?? video?.size?.height ?? 0,
        bytes: s.meta.bytes,
        index: s.index,
        seed: s.output.seed ?? job.submit_details?.seed ?? null,
        note: outputNote(s.output.note, job.submit_details?.notes ?? [], input.clean),
        channel: job.kind === 'variants' ? (job.channels[s.index] ?? null) : null,
      },
      job: { id: job.id, kind: job.kind, briefId: job.brief_id, row: job.row, sku: job.sku, colorway: job.colorway, category: job.category, requestedBy: job.requested_by, requestedAt: job.created_at.toISOString(), sources: job.sources },
      lock: { hash: job.lock_hash, brand: lock?.summary.brand.id ?? '', version: lock?.summary.version ?? '' },
      recipe: job.recipe,
      recipeHash: job.recipe_hash,
      provider: { name: job.provider, jobId: job.provider_job_id, model: status.model ?? job.submit_details?.model ?? null, modelVersion: status.modelVersion ?? null, costUsd: status.costUsd !== undefined ? status.costUsd / stored.length : null, loras: job.submit_details?.loras },
      qc,
      post: s.post ?? null,
      video: video?.record ?? null,
      timings,
      createdAt: input.createdAt,
    });
    assets.push({ record, status: job.kind === 'moodboard' ? 'ready' : reviewStatus(qc.verdict, [], job.human_review) });
  }
  return assets;
}

/** The output's own note and what the adapter could not send as asked, for the production record. */
function outputNote(own: string | undefined, submitNotes: readonly string[], clean: (text: string) => string): string | null {
  const parts = [...new Set([own, ...submitNotes].filter((n): n is string => Boolean(n)))];
  return parts.length ? clean(parts.join('; ')).slice(0, 2000) : null;
}
