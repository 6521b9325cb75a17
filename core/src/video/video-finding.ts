/**
 * A frame-level QC finding on a video: which rule, what was measured against which limits, and
 * where in the clip (a frame, or a run of frames, with their times), so the report can point at the
 * frames and a retoucher can scrub straight to them. Severity and limits are the still rules' own.
 */
import { z } from 'zod';
import { Limits, Severity } from '../qc/finding';

export const VideoRuleId = z.enum(['technical', 'color', 'flicker', 'stability', 'frozen', 'loop-seam', 'offline', 'human-review']);
export type VideoRuleId = z.infer<typeof VideoRuleId>;

export const FrameSpan = z.strictObject({
  /** First and last frame (0-based, inclusive). */
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  /** Their times in seconds. */
  fromSeconds: z.number().min(0),
  toSeconds: z.number().min(0),
});
export type FrameSpan = z.infer<typeof FrameSpan>;

export const VideoFinding = z.strictObject({
  rule: VideoRuleId,
  check: z.string().min(1).max(60),
  severity: Severity,
  message: z.string().max(600),
  measured: z.union([z.number(), z.string(), z.null()]),
  unit: z.string().max(20),
  limits: Limits.nullable(),
  expected: z.string().max(200).optional(),
  /** The frames that show it: the worst frame (from = to), or a run. */
  frames: FrameSpan.optional(),
});
export type VideoFinding = z.infer<typeof VideoFinding>;

/**
 * A span of frames with times.
 * @example frameSpan(48, 52, 24) // { from: 48, to: 52, fromSeconds: 2, toSeconds: 2.17 }
 */
export function frameSpan(from: number, to: number, fps: number): FrameSpan {
  const t = (i: number) => Math.round((i / (fps || 1)) * 100) / 100;
  return { from, to, fromSeconds: t(from), toSeconds: t(to) };
}

/**
 * "frame 57 (2.38 s)" or "frames 12-30 (0.50-1.25 s)".
 * @example spanText(frameSpan(57, 57, 24)) // 'frame 57 (2.38 s)'
 */
export function spanText(span: FrameSpan): string {
  return span.from === span.to ? `frame ${span.from} (${span.fromSeconds.toFixed(2)} s)` : `frames ${span.from}-${span.to} (${span.fromSeconds.toFixed(2)}-${span.toSeconds.toFixed(2)} s)`;
}
