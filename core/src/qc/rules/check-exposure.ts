/**
 * Exposure: highlight and shadow clipping inside the subject (full resolution), and the subject's
 * median lightness against its target in EV. The target is the swatch's own L* when the SKU is
 * known (a black tee is not under-exposed), else the lighting preset's target L*.
 * Clipping flags above the category limit and rejects above twice it; EV deviation flags above the
 * preset's tolerance and rejects above the category's maxEvDeviation (a preset tolerance at or above
 * that leaves only the reject limit).
 */
import type { Finding } from '../finding';
import { gradeValue, roundMeasure } from '../finding';
import type { QcContext } from '../qc-context';
import type { QcImage } from '../qc-image';
import { fullBox } from '../qc-image';
import { measureGarmentColor } from '../measure/garment-color';
import { measureSubjectDetail } from '../measure/subject-detail';

/** Relative luminance Y (0..1) of an L* value. */
export function lightnessToY(l: number): number {
  return l > 8 ? ((l + 16) / 116) ** 3 : l / 903.2963;
}

/**
 * @example checkExposure(image, ctx).map((f) => f.check) // ['highlight-clip', 'shadow-clip', 'level']
 */
export function checkExposure(image: QcImage, ctx: QcContext): Finding[] {
  const { exposure } = ctx.thresholds;
  const detail = measureSubjectDetail(image);
  const out: Finding[] = [];
  for (const [check, pct, max, box, what] of [
    ['highlight-clip', detail.highlightClipPct, exposure.maxHighlightClipPct, detail.highlightBox, 'at 254 or above (blown highlights)'],
    ['shadow-clip', detail.shadowClipPct, exposure.maxShadowClipPct, detail.shadowBox, 'at 1 or below (crushed shadows)'],
  ] as const) {
    const limits = { direction: 'max' as const, flag: max, reject: max * 2 };
    const severity = gradeValue(pct, limits);
    out.push({
      rule: 'exposure',
      check,
      severity,
      message: `${pct.toFixed(2)}% of subject pixels have a channel ${what}`,
      measured: roundMeasure(pct, 3),
      unit: '%',
      limits,
      ...(box && severity !== 'pass' ? { box } : {}),
    });
  }
  const garment = measureGarmentColor(image);
  if (!garment) return out;
  const targetL = ctx.swatch ? ctx.swatch.lab.l : ctx.lighting.targetL;
  const ev = Math.log2(lightnessToY(garment.lab.l) / lightnessToY(targetL));
  const flagAt = ctx.lighting.toleranceEv;
  const limits = flagAt < exposure.maxEvDeviation ? { direction: 'max' as const, flag: flagAt, reject: exposure.maxEvDeviation } : { direction: 'max' as const, reject: exposure.maxEvDeviation };
  const severity = gradeValue(Math.abs(ev), limits);
  const box = image.subject.box ? fullBox(image, image.subject.box) : undefined;
  out.push({
    rule: 'exposure',
    check: 'level',
    severity,
    message: `subject L* ${garment.lab.l.toFixed(1)} vs ${ctx.swatch ? `swatch ${ctx.swatch.name}` : `lighting "${ctx.lighting.id}" target`} L* ${targetL.toFixed(1)}: ${ev >= 0 ? '+' : ''}${ev.toFixed(2)} EV${severity === 'pass' ? '' : ev > 0 ? ' (over-exposed)' : ' (under-exposed)'}`,
    measured: roundMeasure(ev),
    unit: 'EV',
    limits,
    ...(box && severity !== 'pass' ? { box } : {}),
  });
  return out;
}
