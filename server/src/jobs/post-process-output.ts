/**
 * The post-production hook the runner calls on each generate or post output before it is stored as
 * the master: the raw provider output is kept too (its hash goes in the record), so a retoucher can
 * always go back to what the provider made.
 */
import type { PostRecord, TargetSwatch } from '@brandlock/core';
import type { BlobStore } from '../assets/blob-store';
import type { JobRow } from '../store/jobs';
import type { StoredLock } from '../store/locks';
import { postProcessMaster } from '../pipeline/post/post-process-master';
import { closeLoop } from '../pipeline/video/close-loop';
import type { VideoTools } from '../pipeline/video/video-tools';
import { NO_LAST_FRAME } from '../providers/video-template-values';
import type { VideoParams } from '../providers/video-params';

export type PostProcessOutput = (input: { job: JobRow; bytes: Uint8Array; lock: StoredLock | null }) => Promise<{ bytes: Uint8Array; post: Omit<PostRecord, 'rawSha256'> } | null>;

/** No post-production: outputs are stored as the provider made them. */
export const noPostProcess: PostProcessOutput = async () => null;

/**
 * Post-processes masters of generate and post jobs that belong to a lock category; other outputs
 * (moodboard studies, variants) pass through; a video loop its provider could not close is closed by a crossfade.
 * @example createStepRunner({ ..., postProcess: masterPostProcess(blobs) })
 */
export function masterPostProcess(blobs: BlobStore, maxPixels?: number, videoTools?: VideoTools): PostProcessOutput {
  return async ({ job, bytes, lock }) => {
    if (job.kind === 'video') return videoTools ? closeLoopIfAsked(job, bytes, videoTools) : null;
    if ((job.kind !== 'generate' && job.kind !== 'post') || !lock || !job.category) return null;
    const category = lock.lock.categories.find((c) => c.id === job.category);
    if (!category) return null;
    const swatch = (job.params.swatch as TargetSwatch | undefined) ?? null;
    const started = performance.now();
    const posted = await postProcessMaster({ bytes, lock: lock.lock, category: category.id, lighting: job.recipe.lightingPreset || category.lighting, lut: job.recipe.lut, swatch, blobs, maxPixels });
    return { bytes: posted.bytes, post: { steps: posted.steps, subject: posted.subject, ms: Math.round(performance.now() - started) } };
  };
}

/** A loop brief whose provider could not be asked to end on the still: close it with a crossfade (the raw clip is kept). */
async function closeLoopIfAsked(job: JobRow, bytes: Uint8Array, tools: VideoTools) {
  const motion = (job.params as unknown as Partial<VideoParams>).motion;
  if (!motion?.loop || !(job.submit_details?.notes ?? []).some((n) => n.includes(NO_LAST_FRAME))) return null;
  const started = performance.now();
  const closed = await closeLoop(tools, bytes, { briefSeconds: motion.durationSeconds });
  if (!closed) return null;
  return { bytes: closed.bytes, post: { steps: [{ step: 'loop' as const, applied: true, detail: closed.detail }], subject: null, ms: Math.round(performance.now() - started) } };
}
