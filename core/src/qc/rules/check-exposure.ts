/**
 * Exposure: highlight and shadow clipping inside the subject (full resolution), and the fabric's
 * lightness against its target in EV (see measureSubjectExposure: the measured swatch against the
 * SKU's swatch when it is known, else the fabric's mean against the lighting preset's target).
 * Clipping flags above the category limit and rejects above twice it; EV deviation flags above the
 * preset's tolerance and rejects above the category's maxEvDeviation (a preset tolerance at or above
 * that leaves only the reject limit).
 */
import type { Finding } from '../finding';
import { gradeValue, roundMeasure } from '../finding';
import type { QcContext } from '../qc-context';
import type { QcImage } from '../qc-image';
import { fullBox } from '../qc-image';
import { measureSubjectDetail } from '../measure/subject-detail';
import { measureSubjectExposure } from '../measure/subject-exposure';
import { isCleanSweep } from '../../raster/segment-subject';
import { backdropWords } from './check-color-accuracy';

/**
 * @example checkExposure(image, ctx).map((f) => f.check) // ['highlight-clip', 'shadow-clip', 'level']
 */
export function checkExposure(image: QcImage, ctx: QcContext): Finding[] {
  const thresholds = ctx.thresholds.exposure;
  const detail = measureSubjectDetail(image);
  const out: Finding[] = [];
  for (const [check, pct, max, box, what] of [
    ['highlight-clip', detail.highlightClipPct, thresholds.maxHighlightClipPct, detail.highlightBox, 'two or more channels at 254 or above in a highlight (white prints and backdrop gaps left out)'],
    ['shadow-clip', detail.shadowClipPct, thresholds.maxShadowClipPct, detail.shadowBox, 'every channel at 1 or below (crushed shadows)'],
  ] as const) {
    const limits = { direction: 'max' as const, flag: max, reject: max * 2 };
    const severity = gradeValue(pct, limits);
    out.push({
      rule: 'exposure',
      check,
      severity,
      message: `${pct.toFixed(2)}% of subject pixels have ${what}`,
      measured: roundMeasure(pct, 3),
      unit: '%',
      limits,
      ...(box && severity !== 'pass' ? { box } : {}),
    });
  }
  if (!isCleanSweep(image.subject, 0.5)) {
    out.push({ rule: 'exposure', check: 'level', severity: 'info', message: `not measured: the backdrop is not a clean studio sweep (${backdropWords(image)}), so the garment's outline is a guess`, measured: null, unit: 'EV', limits: null });
    return out;
  }
  const exposure = measureSubjectExposure(image, ctx);
  if (!exposure) return out;
  const { ev, measuredL, targetL } = exposure;
  const flagAt = ctx.lighting.toleranceEv;
  const limits = flagAt < thresholds.maxEvDeviation ? { direction: 'max' as const, flag: flagAt, reject: thresholds.maxEvDeviation } : { direction: 'max' as const, reject: thresholds.maxEvDeviation };
  const severity = gradeValue(Math.abs(ev), limits);
  const box = image.subject.box ? fullBox(image, image.subject.box) : undefined;
  out.push({
    rule: 'exposure',
    check: 'level',
    severity,
    message: `${exposure.basis === 'swatch' ? 'fabric swatch' : 'fabric mean'} L* ${measuredL.toFixed(1)} vs ${ctx.swatch ? `swatch ${ctx.swatch.name}` : `lighting "${ctx.lighting.id}" target`} L* ${targetL.toFixed(1)}: ${ev >= 0 ? '+' : ''}${ev.toFixed(2)} EV${severity === 'pass' ? '' : ev > 0 ? ' (over-exposed)' : ' (under-exposed)'}`,
    measured: roundMeasure(ev),
    unit: 'EV',
    limits,
    ...(box && severity !== 'pass' ? { box } : {}),
  });
  return out;
}
