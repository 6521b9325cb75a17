/**
 * Sharpness: the variance of the Laplacian over the subject at full resolution (see
 * measureSubjectDetail) against the category floor. Below the floor flags (a retoucher can
 * sharpen a little); below half of it rejects (blur cannot be retouched away: regenerate).
 */
import type { Finding } from '../finding';
import { gradeValue, roundMeasure } from '../finding';
import type { QcContext } from '../qc-context';
import { fullBox, type QcImage } from '../qc-image';
import { measureSubjectDetail } from '../measure/subject-detail';

/**
 * @example checkSharpness(image, ctx)[0].measured // 640 for a crisp packshot
 */
export function checkSharpness(image: QcImage, ctx: QcContext): Finding[] {
  const detail = measureSubjectDetail(image);
  const floor = ctx.thresholds.sharpnessMin;
  const base = { rule: 'sharpness' as const, check: 'laplacian', unit: 'var' };
  if (detail.tiles === 0) return [{ ...base, severity: 'info', message: 'no subject detail to measure sharpness on', measured: null, limits: null }];
  const limits = { direction: 'min' as const, flag: floor, reject: floor / 2 };
  const severity = gradeValue(detail.sharpness, limits);
  const sampled = detail.sampled < 1 ? `, ${(detail.sampled * 100).toFixed(0)}% of the subject's tiles sampled` : '';
  const box = image.subject.box ? fullBox(image, image.subject.box) : undefined;
  return [
    {
      ...base,
      severity,
      message: `Laplacian variance ${detail.sharpness.toFixed(1)} in the most detailed 5% of the subject at 100% (overall ${detail.laplacianVariance.toFixed(1)}${sampled}); the floor is ${floor}${severity === 'pass' ? '' : ': soft at 100% zoom'}`,
      measured: roundMeasure(detail.sharpness, 1),
      limits,
      ...(box && severity !== 'pass' ? { box } : {}),
    },
  ];
}
