/**
 * Sharpness: the blur radius of the subject's strongest edges at full resolution (see
 * measureSubjectDetail: a two-scale estimate that does not depend on the edges' contrast, so a plain
 * white tee is as sharp as a navy shirt) against the category's `maxBlurPx`. Above it flags (a
 * retoucher can sharpen a little); above twice it rejects (blur cannot be retouched away).
 */
import type { Finding } from '../finding';
import { gradeValue, roundMeasure } from '../finding';
import type { QcContext } from '../qc-context';
import { fullBox, type QcImage } from '../qc-image';
import { measureSubjectDetail } from '../measure/subject-detail';

/**
 * @example checkSharpness(image, ctx)[0].measured // 0.45 (px) for a crisp packshot
 */
export function checkSharpness(image: QcImage, ctx: QcContext): Finding[] {
  const detail = measureSubjectDetail(image);
  const max = ctx.thresholds.maxBlurPx;
  const base = { rule: 'sharpness' as const, check: 'blur', unit: 'px' };
  if (!Number.isFinite(detail.blurPx)) return [{ ...base, severity: 'info', message: 'no edges on the subject to measure sharpness on', measured: null, limits: null }];
  const limits = { direction: 'max' as const, flag: max, reject: max * 2 };
  const severity = gradeValue(detail.blurPx, limits);
  const sampled = detail.sampled < 1 ? `; ${(detail.sampled * 100).toFixed(0)}% of the subject's tiles sampled` : '';
  const box = image.subject.box ? fullBox(image, image.subject.box) : undefined;
  return [
    {
      ...base,
      severity,
      message: `edges blurred over ${detail.blurPx.toFixed(2)} px at 100% (Gaussian radius, read on the ${detail.edgeTiles} most detailed tiles of the subject${sampled}); the limit is ${max} px${severity === 'pass' ? '' : ': soft at 100% zoom'}`,
      measured: roundMeasure(detail.blurPx, 2),
      limits,
      ...(box && severity !== 'pass' ? { box } : {}),
    },
  ];
}
