/**
 * Flicker: a frame whose exposure or colour jumps against the mean of its two neighbours. A camera
 * move or a turn changes a frame's mean light smoothly, which this second difference ignores; a
 * flash, a pumping exposure or a colour pop on a single frame does not.
 */
import { deltaE2000 } from '../../color/delta-e-2000';
import { roundMeasure } from '../../qc/finding';
import type { ClipAnalysis } from '../analyse-clip';
import type { VideoQcContext } from '../video-qc-context';
import { frameSpan, spanText, type VideoFinding } from '../video-finding';
import { argMax, flagLimits, grade } from './grade';

/** Exposure jitter of each frame in EV (null for the first and last). */
export function exposureFlickerSeries(clip: ClipAnalysis): (number | null)[] {
  const f = clip.frames;
  return f.map((x, i) => (i === 0 || i === f.length - 1 ? null : Math.abs(x.ev - (f[i - 1].ev + f[i + 1].ev) / 2)));
}

/** Colour jitter of each frame in ΔE00 (null for the first and last). */
export function colorFlickerSeries(clip: ClipAnalysis): (number | null)[] {
  const f = clip.frames;
  return f.map((x, i) => {
    if (i === 0 || i === f.length - 1) return null;
    const a = f[i - 1].lab;
    const b = f[i + 1].lab;
    return deltaE2000({ l: (a.l + b.l) / 2, a: (a.a + b.a) / 2, b: (a.b + b.b) / 2 }, x.lab);
  });
}

export function checkFlicker(clip: ClipAnalysis, ctx: VideoQcContext): VideoFinding[] {
  if (clip.frames.length < 3) return [{ rule: 'flicker', check: 'exposure', severity: 'info', message: 'fewer than three frames: flicker cannot be measured', measured: null, unit: 'EV', limits: null }];
  const out: VideoFinding[] = [];
  const checks = [
    { check: 'exposure', unit: 'EV', series: exposureFlickerSeries(clip), flag: ctx.thresholds.flicker.maxExposureEv, what: 'exposure', digits: 3 },
    { check: 'color', unit: 'ΔE00', series: colorFlickerSeries(clip), flag: ctx.thresholds.flicker.maxColorDeltaE00, what: 'colour', digits: 2 },
  ];
  for (const c of checks) {
    const at = argMax(c.series);
    const value = c.series[at]!;
    const limits = flagLimits(c.flag);
    const severity = grade(value, limits);
    const over = c.series.filter((v) => v !== null && v > c.flag).length;
    const span = frameSpan(at, at, clip.fps);
    out.push({
      rule: 'flicker',
      check: c.check,
      severity,
      message: `${c.what} ${severity === 'pass' ? 'is steady' : 'flickers'}: ${spanText(span)} differs from its neighbours by ${value.toFixed(c.digits)} ${c.unit}${over ? `; ${over} frame${over === 1 ? '' : 's'} over ${c.flag} ${c.unit}` : ''}`,
      measured: roundMeasure(value, c.digits),
      unit: c.unit,
      limits,
      frames: span,
    });
  }
  return out;
}
