/**
 * Garment colour over time: the worst frame's ΔE00 to the SKU's swatch (judged against the same
 * limits as a still of the SKU), and drift: how far any frame's garment colour wanders from the
 * colour of the first quarter second, which catches a model that slowly re-tints a garment even
 * when every frame alone would pass. Both read the frames whose colour was measured (six a second,
 * and every frame around a change: see garment-color-sampler.ts).
 */
import { deltaE2000 } from '../../color/delta-e-2000';
import type { Lab } from '../../color/lab';
import { roundMeasure } from '../../qc/finding';
import { colorLimits, labText } from '../../qc/rules/check-color-accuracy';
import type { ClipAnalysis } from '../analyse-clip';
import { START_SECONDS } from '../garment-color-sampler';
import type { VideoQcContext } from '../video-qc-context';
import { frameSpan, spanText, type VideoFinding } from '../video-finding';
import { argMax, flagLimits, grade, median } from './grade';

/** The garment colour the clip starts with: component-wise median over its first quarter second. */
export function startColor(clip: ClipAnalysis): Lab | null {
  const early = clip.frames.filter((f) => f.garment && f.time < START_SECONDS).map((f) => f.garment!);
  const pool = early.length ? early : clip.frames.filter((f) => f.garment).slice(0, 1).map((f) => f.garment!);
  if (!pool.length) return null;
  return { l: median(pool.map((c) => c.l)), a: median(pool.map((c) => c.a)), b: median(pool.map((c) => c.b)) };
}

/**
 * ΔE00 of each measured frame's garment from the start colour (null where it was not measured or no
 * garment was found), on a running median of five measurements (the frame's and the two measured
 * before and after it): drift is a trend, and a single odd frame is flicker's business. Where the
 * sampler measured every frame (around a change) these are the five neighbouring frames.
 */
export function colorDriftSeries(clip: ClipAnalysis): (number | null)[] {
  const start = startColor(clip);
  const measured = clip.frames.filter((f) => f.garment);
  const out: (number | null)[] = clip.frames.map(() => null);
  if (!start) return out;
  measured.forEach((f, i) => {
    const near = measured.slice(Math.max(0, i - 2), i + 3).map((g) => g.garment!);
    out[f.index] = deltaE2000(start, { l: median(near.map((c) => c.l)), a: median(near.map((c) => c.a)), b: median(near.map((c) => c.b)) });
  });
  return out;
}

export function checkClipColor(clip: ClipAnalysis, ctx: VideoQcContext): VideoFinding[] {
  const measured = clip.frames.filter((f) => f.garment);
  if (!measured.length) return [{ rule: 'color', check: 'delta-e', severity: 'info', message: 'no garment was found in any frame, so its colour could not be measured', measured: null, unit: 'ΔE00', limits: null }];
  const out: VideoFinding[] = [];
  const swatch = ctx.still.swatch;
  if (!swatch) {
    out.push({ rule: 'color', check: 'delta-e', severity: 'info', message: 'no target swatch for this clip (the SKU has none in the brief)', measured: null, unit: 'ΔE00', limits: null });
  } else {
    const { flag, reject } = colorLimits(ctx.still);
    const limits = { direction: 'max' as const, flag: roundMeasure(flag), reject: roundMeasure(reject) };
    const series = clip.frames.map((f) => f.deltaE);
    const worst = clip.frames[argMax(series)];
    const over = series.filter((d) => d !== null && d > reject).length;
    const sampled = clip.frames.filter((f) => f.colorMeasured).length;
    const severity = grade(worst.deltaE!, limits);
    const span = frameSpan(worst.index, worst.index, clip.fps);
    out.push({
      rule: 'color',
      check: 'delta-e',
      severity,
      message: `worst ${spanText(span)}: garment ${labText(worst.garment!)} vs swatch ${swatch.name} ${labText(swatch.lab)}, ΔE00 ${worst.deltaE!.toFixed(2)}; median ${median(series.filter((d): d is number => d !== null)).toFixed(2)}${over ? `; ${over} of the measured frames above the reject limit` : ''} (colour measured on ${sampled} of ${clip.frames.length} frames)`,
      measured: roundMeasure(worst.deltaE!),
      unit: 'ΔE00',
      limits,
      expected: swatch.hex ?? labText(swatch.lab),
      frames: span,
    });
  }
  const drift = colorDriftSeries(clip);
  const at = argMax(drift);
  const start = startColor(clip)!;
  const limits = flagLimits(ctx.thresholds.maxColorDriftDeltaE00);
  const severity = grade(drift[at]!, limits);
  const span = frameSpan(at, at, clip.fps);
  out.push({
    rule: 'color',
    check: 'drift',
    severity,
    message: `garment colour ${severity === 'pass' ? 'holds' : 'drifts'} over the clip: around ${spanText(span)} it is ${labText(clip.frames[at].garment!)}, ΔE00 ${drift[at]!.toFixed(2)} from the first quarter second (${labText(start)})`,
    measured: roundMeasure(drift[at]!),
    unit: 'ΔE00',
    limits,
    frames: span,
  });
  return out;
}
