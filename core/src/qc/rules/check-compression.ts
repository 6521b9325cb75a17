/**
 * Compression artefacts: the quality a JPEG was saved at, from its quantisation table (when the file
 * is a JPEG), and 8x8 blocking in the subject's pixels (any format: a PNG re-saved from a bad JPEG
 * is as blocky). Quality flags below the category's `minJpegQuality` and rejects below half of it;
 * blockiness flags above `maxBlockiness` and rejects above 1 + twice its excess over 1.
 */
import type { Finding } from '../finding';
import { gradeValue, roundMeasure } from '../finding';
import type { QcContext } from '../qc-context';
import type { QcImage } from '../qc-image';
import { measureSubjectDetail } from '../measure/subject-detail';

/**
 * @example checkCompression(image, ctx).map((f) => f.check) // ['jpeg-quality', 'blockiness']
 */
export function checkCompression(image: QcImage, ctx: QcContext): Finding[] {
  const { minJpegQuality, maxBlockiness } = ctx.thresholds.compression;
  const out: Finding[] = [];
  const quality = ctx.file.jpegQuality;
  if (quality !== undefined && quality !== null) {
    const limits = { direction: 'min' as const, flag: minJpegQuality, reject: minJpegQuality / 2 };
    const severity = gradeValue(quality, limits);
    out.push({
      rule: 'compression',
      check: 'jpeg-quality',
      severity,
      message: `saved at JPEG quality ${quality} (estimated from its quantisation table, IJG scale)${severity === 'pass' ? '' : ': blocking and smeared detail at 100%; re-export from the master at a higher quality'}`,
      measured: quality,
      unit: 'q',
      limits,
    });
  }
  const detail = measureSubjectDetail(image);
  if (detail.tiles === 0) return out;
  const limits = { direction: 'max' as const, flag: maxBlockiness, reject: 1 + 2 * (maxBlockiness - 1) };
  const severity = gradeValue(detail.blockiness, limits);
  out.push({
    rule: 'compression',
    check: 'blockiness',
    severity,
    message: `steps across the 8x8 block grid are ${detail.blockiness.toFixed(2)}x the steps inside blocks (1 = no blocking)${severity === 'pass' ? '' : ': visible compression blocks'}`,
    measured: roundMeasure(detail.blockiness, 3),
    unit: 'x',
    limits,
  });
  return out;
}
