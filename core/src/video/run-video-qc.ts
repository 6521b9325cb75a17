/**
 * Frame-level QC of one clip: every rule on the analysed frames and the file's facts, the verdict
 * (reject, flag or pass, as for stills), the headline measurements, and the per-frame series the
 * report plots (ΔE00 to the swatch and drift over time, exposure, garment area, frame motion).
 */
import { verdictOf, type Verdict } from '../qc/verdict';
import { roundMeasure } from '../qc/finding';
import type { ClipAnalysis } from './analyse-clip';
import type { VideoQcContext } from './video-qc-context';
import type { VideoFinding } from './video-finding';
import { checkClipColor, colorDriftSeries } from './rules/check-clip-color';
import { checkFlicker, colorFlickerSeries, exposureFlickerSeries } from './rules/check-flicker';
import { areaChangeSeries, checkStability } from './rules/check-stability';
import { checkFrozen } from './rules/check-frozen';
import { checkLoopSeam } from './rules/check-loop-seam';
import { checkClipTechnical } from './rules/check-clip-technical';
import { checkClipReview } from './rules/check-clip-review';
import { median } from './rules/grade';

/** Per-frame values for plots, rounded; null where not measurable. */
export interface VideoSeries {
  time: number[];
  /**
   * Frames whose garment colour was measured (deltaE and drift are null elsewhere). Absent in records
   * made before the colour was sampled, when every frame was measured.
   */
  colorMeasured?: boolean[];
  deltaE: (number | null)[];
  drift: (number | null)[];
  /** Exposure relative to the clip's median, EV. */
  ev: number[];
  exposureFlicker: (number | null)[];
  colorFlicker: (number | null)[];
  /** Garment area relative to the clip's median. */
  area: number[];
  areaChange: (number | null)[];
  shapeChange: (number | null)[];
  /** Mean frame-to-frame difference, 8-bit levels. */
  motion: (number | null)[];
}

export interface VideoQcResult {
  verdict: Verdict;
  findings: VideoFinding[];
  metrics: Record<string, number>;
  series: VideoSeries;
}

const r = (v: number | null, d = 3) => (v === null ? null : roundMeasure(v, d));

/**
 * @example runVideoQc(analyser.finish(), facts, ctx).verdict // 'flag'
 */
export function runVideoQc(clip: ClipAnalysis, ctx: VideoQcContext): VideoQcResult {
  const findings = [
    ...checkClipTechnical(ctx.facts, clip.frames.length, ctx),
    ...checkClipColor(clip, ctx),
    ...checkFlicker(clip, ctx),
    ...checkStability(clip, ctx),
    ...checkFrozen(clip, ctx),
    ...checkLoopSeam(clip, ctx),
    ...checkClipReview(ctx),
  ];
  const series = videoSeries(clip);
  const metrics: Record<string, number> = { durationSeconds: roundMeasure(ctx.facts.durationSeconds), fps: roundMeasure(ctx.facts.fps, 3), frames: clip.frames.length, width: ctx.facts.width, height: ctx.facts.height };
  for (const f of findings) {
    if (typeof f.measured !== 'number') continue;
    metrics[METRIC_NAMES[`${f.rule}/${f.check}`] ?? `${f.rule}.${f.check}`] = f.measured;
  }
  const deltaEs = series.deltaE.filter((d): d is number => d !== null);
  if (deltaEs.length) metrics.deltaE00Median = roundMeasure(median(deltaEs));
  metrics.colorFramesMeasured = clip.frames.filter((f) => f.colorMeasured).length;
  return { verdict: verdictOf(findings), findings, metrics, series };
}

const METRIC_NAMES: Record<string, string> = {
  'color/delta-e': 'deltaE00Worst',
  'color/drift': 'colorDriftDeltaE00',
  'flicker/exposure': 'flickerEv',
  'flicker/color': 'flickerDeltaE00',
  'stability/outline': 'shapeChange',
  'stability/area': 'areaChangePct',
  'stability/vanish': 'minAreaRatio',
  'frozen/frozen': 'frozenSeconds',
  'frozen/duplicates': 'duplicatePct',
  'loop-seam/seam': 'seamJump',
  'technical/resolution': 'maxUpscale',
};

/** The per-frame series of an analysed clip. */
export function videoSeries(clip: ClipAnalysis): VideoSeries {
  const evMedian = median(clip.frames.map((f) => f.ev));
  const areaMedian = median(clip.frames.map((f) => f.area)) || 1;
  return {
    time: clip.frames.map((f) => roundMeasure(f.time, 3)),
    colorMeasured: clip.frames.map((f) => f.colorMeasured),
    deltaE: clip.frames.map((f) => r(f.deltaE, 2)),
    drift: colorDriftSeries(clip).map((v) => r(v, 2)),
    ev: clip.frames.map((f) => roundMeasure(f.ev - evMedian, 3)),
    exposureFlicker: exposureFlickerSeries(clip).map((v) => r(v, 3)),
    colorFlicker: colorFlickerSeries(clip).map((v) => r(v, 2)),
    area: clip.frames.map((f) => roundMeasure(f.area / areaMedian, 3)),
    areaChange: areaChangeSeries(clip).map((v) => r(v, 2)),
    shapeChange: clip.frames.map((f) => r(f.shapeChange, 3)),
    motion: clip.frames.map((f) => (f.diff ? roundMeasure(f.diff.mean, 3) : null)),
  };
}
