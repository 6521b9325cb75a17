/**
 * A planned product video loop: the view whose approved still it starts from, the category's motion
 * brief resolved for this SKU (motion prompt filled, seed derived), its frame-level QC thresholds and
 * the video channels it is cut for. It rides on the planned still job of that view, so a video is
 * only ever made from that still.
 */
import type { CameraPath } from '../brand/motion-brief';
import type { VideoQcThresholds } from '../brand/video-qc-thresholds';

export interface ResolvedMotion {
  fabric: { movement: string; direction: string; notes: string };
  camera: { path: CameraPath; amount: number };
  gesture: string;
  durationSeconds: number;
  loop: boolean;
  /** The delivered aspect ratios: the brief's, or those of every video channel. */
  aspectRatios: string[];
  /** The motion prompt, every placeholder filled. */
  prompt: string;
  negativePrompt: string;
  /** Derived per SKU and view (stable across re-runs), or null when the still recipe's policy is random. */
  seed: number | null;
}

export interface PlannedVideo {
  /** Deterministic, like the still's job id. */
  id: string;
  motion: ResolvedMotion;
  motionHash: string;
  qc: VideoQcThresholds;
  /** Video channels to cut from the master, with their output sizes (which decide the master's ratio). */
  channels: { id: string; width: number; height: number }[];
}
