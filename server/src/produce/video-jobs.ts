/**
 * The video step of a season run: a planned loop is asked for once its still has passed QC (or a
 * person approved it), reusing a video job an earlier run already started; a still that needs a
 * person, was rejected or failed says why its video waits. Filmstrips are fetched for the report.
 */
import { isBrandlockHttpError, type BrandlockClient, type Job } from '@brandlock/core/api';
import type { PlannedJob, ProductionRecord } from '@brandlock/core';

/** Filmstrip JPEGs by video asset id. */
export type VideoReportImages = Map<string, Uint8Array>;

/** Why a still's video cannot start yet, or null when it can. */
export function videoWaitReason(still: Job): string | null {
  if (still.state === 'failed' || still.state === 'canceled') return `not made: its still ${still.state}`;
  if (still.state !== 'succeeded') return `not made: its still is ${still.state}`;
  const status = still.outputs[0]?.reviewStatus;
  if (status === 'ready' || status === 'approved') return null;
  if (status === 'rejected') return 'not made: its still was rejected (regenerate the still first)';
  return `waits for its still, which QC sent to a person (${status ?? 'unchecked'}): approve it in review, then run produce again`;
}

export async function startVideoJob(api: BrandlockClient, o: { briefId: string; planned: PlannedJob; existing: readonly Job[]; provider?: string }): Promise<{ jobId: string } | { problem: string }> {
  const video = o.planned.video!;
  const earlier = o.existing.find((j) => j.kind === 'video' && j.plannedJobId === video.id);
  if (earlier) return { jobId: earlier.id };
  try {
    const job = await api.jobs.create(
      { kind: 'video', brief: o.briefId, sku: o.planned.sku, colorway: o.planned.colorway, view: o.planned.view, ...(o.provider ? { provider: o.provider as never } : {}) },
      { idempotencyKey: `produce-${video.id}` },
    );
    return { jobId: job.id };
  } catch (e) {
    if (isBrandlockHttpError(e)) return { problem: e.message.replace(/^POST \S+: /, '') };
    throw e;
  }
}

export async function fetchVideoImages(api: BrandlockClient, record: ProductionRecord, images: VideoReportImages): Promise<void> {
  const strip = (record.qc.detail as { filmstrip?: { sha256: string } | null } | undefined)?.filmstrip;
  if (!strip || images.has(record.assetId)) return;
  images.set(record.assetId, (await api.assets.get(strip.sha256)).bytes);
}
