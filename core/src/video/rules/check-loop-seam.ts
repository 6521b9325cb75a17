/**
 * The loop seam: when a loop plays again, the last frame is followed by the first. The jump there is
 * compared with the clip's own livelier frame-to-frame changes (their 90th percentile), so a slow
 * clip needs a tight seam, a lively one may have a livelier seam, and a seam no bigger than the
 * clip's own steps is invisible. Only for motion briefs that ask for a loop.
 */
import { roundMeasure } from '../../qc/finding';
import type { ClipAnalysis } from '../analyse-clip';
import type { VideoQcContext } from '../video-qc-context';
import { frameSpan, type VideoFinding } from '../video-finding';
import { flagLimits, grade } from './grade';

/** The smallest typical frame-to-frame change the seam is compared with, 8-bit levels. */
const FLOOR = 0.05;

/** The seam jump as a multiple of the clip's 90th-percentile frame-to-frame change. */
export function seamJump(clip: ClipAnalysis): { jump: number; seam: number; typical: number } | null {
  if (!clip.seam) return null;
  const steps = clip.frames.flatMap((f) => (f.diff ? [f.diff.mean] : [])).sort((a, b) => a - b);
  const typical = steps.length ? steps[Math.min(steps.length - 1, Math.floor(steps.length * 0.9))] : 0;
  return { jump: clip.seam.diff.mean / Math.max(typical, FLOOR), seam: clip.seam.diff.mean, typical };
}

export function checkLoopSeam(clip: ClipAnalysis, ctx: VideoQcContext): VideoFinding[] {
  if (!ctx.brief?.loop) return [];
  const s = seamJump(clip);
  if (!s) return [{ rule: 'loop-seam', check: 'seam', severity: 'info', message: 'a one-frame clip has no seam', measured: null, unit: 'x', limits: null }];
  const limits = flagLimits(ctx.thresholds.seam.maxSeamJump);
  const severity = grade(s.jump, limits);
  const last = clip.frames.length - 1;
  const extra = [`outline change ${(clip.seam!.shapeChange * 100).toFixed(1)}%`, clip.seam!.deltaE !== null ? `garment ΔE00 ${clip.seam!.deltaE.toFixed(2)}` : ''].filter(Boolean).join(', ');
  return [
    {
      rule: 'loop-seam',
      check: 'seam',
      severity,
      message: `${severity === 'pass' ? 'the loop closes' : 'the loop jumps where it restarts'}: the last frame (then frame 0) differs by ${s.seam.toFixed(2)} levels against ${s.typical.toFixed(2)} for the clip's livelier steps between frames (90th percentile) (${s.jump.toFixed(1)}x; ${extra})`,
      measured: roundMeasure(s.jump),
      unit: 'x',
      limits,
      frames: frameSpan(last, last, clip.fps),
    },
  ];
}
