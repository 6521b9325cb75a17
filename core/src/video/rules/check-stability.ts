/**
 * Subject stability: the garment's outline between consecutive frames (1 - IoU of the masks) and
 * its area change, which catch a sleeve that pops into another shape or a garment that swells; and
 * frames where the garment has all but vanished (its area far below the clip's median).
 */
import { roundMeasure } from '../../qc/finding';
import type { ClipAnalysis } from '../analyse-clip';
import type { VideoQcContext } from '../video-qc-context';
import { frameSpan, spanText, type VideoFinding } from '../video-finding';
import { argMax, flagLimits, grade, median } from './grade';

/** Below this median coverage no usable outline was found (a busy backdrop, a garment the colour of it). */
const NO_OUTLINE = 0.002;

/** Area change from the previous frame, percent (null where there is no previous garment). */
export function areaChangeSeries(clip: ClipAnalysis): (number | null)[] {
  return clip.frames.map((f, i) => (i === 0 || clip.frames[i - 1].area <= 0 ? null : (Math.abs(f.area - clip.frames[i - 1].area) / clip.frames[i - 1].area) * 100));
}

export function checkStability(clip: ClipAnalysis, ctx: VideoQcContext): VideoFinding[] {
  const t = ctx.thresholds.stability;
  const typical = median(clip.frames.map((f) => f.area));
  if (typical < NO_OUTLINE) {
    return [{ rule: 'stability', check: 'outline', severity: 'info', message: `no garment outline was found in most frames (median coverage ${(typical * 100).toFixed(2)}%), so shape stability was not measured`, measured: null, unit: '', limits: null }];
  }
  const out: VideoFinding[] = [];
  const lost = clip.frames.filter((f) => f.area < typical * t.minAreaRatio);
  const smallest = clip.frames.reduce((a, b) => (b.area < a.area ? b : a));
  const ratio = smallest.area / typical;
  const lostSpan = lost.length ? frameSpan(lost[0].index, lost[lost.length - 1].index, clip.fps) : frameSpan(smallest.index, smallest.index, clip.fps);
  out.push({
    rule: 'stability',
    check: 'vanish',
    severity: lost.length ? 'reject' : 'pass',
    message: lost.length
      ? `the garment all but vanishes in ${lost.length} frame${lost.length === 1 ? '' : 's'} (${spanText(lostSpan)}): its area falls to ${(ratio * 100).toFixed(0)}% of the clip's median`
      : `the garment is present in every frame (smallest area ${(ratio * 100).toFixed(0)}% of the median)`,
    measured: roundMeasure(ratio, 3),
    unit: 'ratio',
    limits: { direction: 'min', reject: t.minAreaRatio },
    frames: lostSpan,
  });
  const shape = clip.frames.map((f) => (f.shapeChange !== null && f.area > 0 && clip.frames[f.index - 1].area > 0 ? f.shapeChange : null));
  const area = areaChangeSeries(clip);
  for (const c of [
    { check: 'outline', series: shape, limits: flagLimits(t.maxShapeChange), unit: '1-IoU', text: (v: number) => `outline changes by ${(v * 100).toFixed(1)}% (1 - IoU ${v.toFixed(3)})`, digits: 3 },
    { check: 'area', series: area, limits: flagLimits(t.maxAreaChangePct), unit: '%', text: (v: number) => `area changes by ${v.toFixed(1)}%`, digits: 2 },
  ]) {
    const at = argMax(c.series);
    if (at < 0) continue;
    const value = c.series[at]!;
    const severity = grade(value, c.limits);
    const span = frameSpan(at - 1, at, clip.fps);
    out.push({
      rule: 'stability',
      check: c.check,
      severity,
      message: `${severity === 'pass' ? 'the garment keeps its shape: largest jump' : 'the garment jumps shape:'} ${spanText(span)}, ${c.text(value)} in one frame`,
      measured: roundMeasure(value, c.digits),
      unit: c.unit,
      limits: c.limits,
      frames: span,
    });
  }
  return out;
}
