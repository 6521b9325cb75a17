/**
 * The automated QC hook the runner calls for each stored output. The default runs no QC and says so:
 * such outputs are "unchecked" and go to a person. The QC pipeline plugs in here.
 */
import { uncheckedQc, type QcOutcome } from '@brandlock/core';
import type { BlobMeta } from '../store/blobs';
import type { JobRow } from '../store/jobs';
import type { StoredLock } from '../store/locks';

export type InspectOutput = (input: { job: JobRow; output: BlobMeta; bytes: Uint8Array; index: number; lock: StoredLock | null }) => Promise<QcOutcome>;

export const noAutomatedQc: InspectOutput = async ({ job }) =>
  job.kind === 'moodboard'
    ? uncheckedQc('moodboard studies are not production images; automated QC does not apply')
    : uncheckedQc('automated QC did not run in this pipeline; a person must check this image');
