/**
 * What frame-level QC of one clip needs besides its frames: the still QC context of the SKU (swatch,
 * colour limits, lighting backdrop, category), the motion brief's video thresholds and what the
 * brief asked for (duration, loop), the channel sizes the clip will be cut to, the file's facts and
 * whether an offline renderer (no generative model) made it.
 */
import type { QcContext } from '../qc/qc-context';
import type { VideoQcThresholds } from '../brand/video-qc-thresholds';
import type { VideoFacts } from './video-facts';

export interface VideoQcContext {
  still: QcContext;
  thresholds: VideoQcThresholds;
  /** The motion brief's duration and loop, or null when the clip was not made from one. */
  brief: { durationSeconds: number; loop: boolean } | null;
  /** The channel cuts this master is for (their output sizes decide how much it may be enlarged). */
  cuts: readonly { id: string; width: number; height: number }[];
  facts: VideoFacts;
  /** Set when the clip was rendered without a generative model (the local provider), with what it is. */
  offline: string | null;
}
