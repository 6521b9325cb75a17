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

export type PostProcessOutput = (input: { job: JobRow; bytes: Uint8Array; lock: StoredLock | null }) => Promise<{ bytes: Uint8Array; post: Omit<PostRecord, 'rawSha256'> } | null>;

/** No post-production: outputs are stored as the provider made them. */
export const noPostProcess: PostProcessOutput = async () => null;

/**
 * Post-processes masters of generate and post jobs that belong to a lock category; other outputs
 * (moodboard studies, variants, video) pass through.
 * @example createStepRunner({ ..., postProcess: masterPostProcess(blobs) })
 */
export function masterPostProcess(blobs: BlobStore, maxPixels?: number): PostProcessOutput {
  return async ({ job, bytes, lock }) => {
    if ((job.kind !== 'generate' && job.kind !== 'post') || !lock || !job.category) return null;
    const category = lock.lock.categories.find((c) => c.id === job.category);
    if (!category) return null;
    const swatch = (job.params.swatch as TargetSwatch | undefined) ?? null;
    const started = performance.now();
    const posted = await postProcessMaster({ bytes, lock: lock.lock, category: category.id, lighting: job.recipe.lightingPreset || category.lighting, lut: job.recipe.lut, swatch, blobs, maxPixels });
    return { bytes: posted.bytes, post: { steps: posted.steps, subject: posted.subject, ms: Math.round(performance.now() - started) } };
  };
}
