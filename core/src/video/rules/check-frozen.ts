/**
 * Frozen and duplicated frames: a frame identical to the one before it. A run of them is motion that
 * stops (judged in seconds); single repeats scattered through a moving clip are stutter (a clip
 * rendered at a lower rate and padded, judged as a share of frames); a clip with no motion at all
 * is a still, not a loop.
 */
import { roundMeasure } from '../../qc/finding';
import type { ClipAnalysis } from '../analyse-clip';
import type { FrameDifference } from '../frame-stats';
import type { VideoQcContext } from '../video-qc-context';
import { frameSpan, spanText, type VideoFinding } from '../video-finding';
import { flagLimits, grade, median } from './grade';

/**
 * Below both of these (8-bit levels, on 4 x 4 block averages), two decoded frames show the same
 * picture: x264 noise on a repeated frame measured 0.02-0.06 mean; a garment swaying 3% of the frame
 * width over two seconds measured 0.11 and more.
 */
export const IDENTICAL_MEAN = 0.07;
export const IDENTICAL_TILE = 0.3;

/**
 * A frame repeats its predecessor when their difference is below codec noise and, in a clip that
 * moves, well below the clip's typical frame-to-frame change (a slow clip's own steps sit near the
 * noise floor, and x264 alternates frame types, so noise alone must not read as stutter).
 */
export function isRepeat(diff: FrameDifference | null, typical = Infinity): boolean {
  return diff !== null && diff.mean < IDENTICAL_MEAN && diff.maxTile < IDENTICAL_TILE && diff.mean < 0.6 * typical;
}

/** Runs of frames that repeat their predecessor: [first repeated frame, last] inclusive. */
export function repeatRuns(clip: ClipAnalysis): [number, number][] {
  const runs: [number, number][] = [];
  const typical = median(clip.frames.flatMap((f) => (f.diff ? [f.diff.mean] : [])));
  const allStill = clip.frames.every((f) => f.diff === null || isRepeat(f.diff));
  for (const f of clip.frames) {
    if (!isRepeat(f.diff, allStill ? Infinity : typical)) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === f.index - 1) last[1] = f.index;
    else runs.push([f.index, f.index]);
  }
  return runs;
}

export function checkFrozen(clip: ClipAnalysis, ctx: VideoQcContext): VideoFinding[] {
  const n = clip.frames.length;
  if (n < 2) return [{ rule: 'frozen', check: 'frozen', severity: 'info', message: 'a one-frame clip', measured: null, unit: 's', limits: null }];
  const runs = repeatRuns(clip);
  const repeated = runs.reduce((s, [a, b]) => s + b - a + 1, 0);
  if (repeated === n - 1) {
    return [{ rule: 'frozen', check: 'frozen', severity: 'reject', message: `nothing moves: all ${n} frames show the same picture; this is a still, not a video`, measured: roundMeasure((n - 1) / clip.fps), unit: 's', limits: flagLimits(ctx.thresholds.frozen.maxFrozenSeconds), frames: frameSpan(0, n - 1, clip.fps) }];
  }
  const t = ctx.thresholds.frozen;
  const out: VideoFinding[] = [];
  const longest = runs.reduce<[number, number] | null>((best, r) => (!best || r[1] - r[0] > best[1] - best[0] ? r : best), null);
  const seconds = longest ? (longest[1] - longest[0] + 1) / clip.fps : 0;
  const frozenLimits = flagLimits(t.maxFrozenSeconds);
  const frozenSeverity = grade(seconds, frozenLimits);
  const frozenSpan = longest ? frameSpan(longest[0] - 1, longest[1], clip.fps) : undefined;
  out.push({
    rule: 'frozen',
    check: 'frozen',
    severity: frozenSeverity,
    message: longest ? `motion stops for ${seconds.toFixed(2)} s (${spanText(frozenSpan!)} show the same picture)` : 'every frame moves',
    measured: roundMeasure(seconds),
    unit: 's',
    limits: frozenLimits,
    ...(frozenSpan ? { frames: frozenSpan } : {}),
  });
  const singles = runs.filter(([a, b]) => a === b);
  const pct = (singles.length / (n - 1)) * 100;
  const dupLimits = flagLimits(Math.max(t.maxDuplicatePct, 0.01), 3);
  const dupSeverity = grade(pct, dupLimits);
  out.push({
    rule: 'frozen',
    check: 'duplicates',
    severity: dupSeverity,
    message: singles.length
      ? `${singles.length} frame${singles.length === 1 ? ' repeats' : 's repeat'} the one before while the clip moves (${pct.toFixed(1)}% of frames: stutter)${singles.length ? `, first at ${spanText(frameSpan(singles[0][0], singles[0][0], clip.fps))}` : ''}`
      : 'no duplicated frames',
    measured: roundMeasure(pct),
    unit: '%',
    limits: dupLimits,
    ...(singles.length ? { frames: frameSpan(singles[0][0], singles[singles.length - 1][0], clip.fps) } : {}),
  });
  return out;
}
