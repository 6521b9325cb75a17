/**
 * The video part of a video output's production record: the motion brief as sent, the still it
 * started from, and the clip as QC read it (size, duration, frame rate, codec); offline when the
 * local provider made it.
 */
import type { QcOutcome, RecordedVideo, VideoFacts } from '@brandlock/core';
import type { VideoParams } from '../providers/video-params';
import type { JobRow } from '../store/jobs';

export function recordedVideo(job: JobRow, qc: QcOutcome): { record: RecordedVideo | null; size: { width: number; height: number } | null } {
  const params = job.params as unknown as Partial<VideoParams>;
  const facts = (qc.detail as { facts?: VideoFacts } | undefined)?.facts;
  if (!params.motion || !params.still) return { record: null, size: facts ? { width: facts.width, height: facts.height } : null };
  return {
    record: {
      motion: params.motion,
      still: { assetId: params.still.assetId, sha256: params.still.sha256, reviewStatus: params.still.reviewStatus },
      clip: facts ? { durationSeconds: facts.durationSeconds, fps: facts.fps, frames: facts.frames, codec: facts.codec } : null,
      offline: job.provider === 'local',
    },
    size: facts ? { width: facts.width, height: facts.height } : null,
  };
}
