/**
 * The verdict a variant deserves, from its truths and the lock's thresholds, by the limits each QC
 * rule documents (flag above the limit, reject above the reject limit). Rules with no truth of their
 * own here (halo, strays, blockiness) are taken to pass: the variants do not touch what they measure,
 * except JPEG quality, which the quality rule already grades.
 */
import { colorLimits, gradeValue, SEVERITY_RANK, type Limits, type QcContext, type Verdict } from '@brandlock/core';
import type { Truth } from './truth-variants';

export interface ExpectedVerdict {
  verdict: Verdict;
  /** The truths that fail, e.g. "ΔE00 3.5 > 3 (reject)". */
  reasons: string[];
}

/**
 * @example expectedVerdict({ ...truth, deltaE: 3.5 }, ctx).verdict // 'reject' when the swatch tolerance is 3
 */
export function expectedVerdict(t: Truth, ctx: QcContext): ExpectedVerdict {
  const q = ctx.thresholds;
  const color = colorLimits(ctx);
  const evLimits: Limits = ctx.lighting.toleranceEv < q.exposure.maxEvDeviation ? { direction: 'max', flag: ctx.lighting.toleranceEv, reject: q.exposure.maxEvDeviation } : { direction: 'max', reject: q.exposure.maxEvDeviation };
  const checks: [string, number, Limits][] = [
    ['ΔE00', t.deltaE, { direction: 'max', flag: color.flag, reject: color.reject }],
    ['EV', Math.abs(t.ev), evLimits],
    ['highlight clip %', t.highlightClipPct, { direction: 'max', flag: q.exposure.maxHighlightClipPct, reject: q.exposure.maxHighlightClipPct * 2 }],
    ['shadow clip %', t.shadowClipPct, { direction: 'max', flag: q.exposure.maxShadowClipPct, reject: q.exposure.maxShadowClipPct * 2 }],
    ['backdrop cast ΔE00', t.castDeltaE, { direction: 'max', flag: q.whiteBalance.maxCastDeltaE00, reject: q.whiteBalance.maxCastDeltaE00 * 2 }],
    ['backdrop p95 ΔE00', t.backdropP95, { direction: 'max', flag: q.background.maxNonUniformity, reject: q.background.maxNonUniformity * 2 }],
    ['blur px', t.blurPx, { direction: 'max', flag: q.maxBlurPx, reject: q.maxBlurPx * 2 }],
    ['JPEG quality', t.jpegQuality, { direction: 'min', flag: q.compression.minJpegQuality, reject: q.compression.minJpegQuality / 2 }],
  ];
  if (ctx.delivery.pureWhite) checks.push(['backdrop below pure white %', t.nonWhitePct, { direction: 'max', flag: q.background.maxNonWhitePct, reject: Math.max(q.background.maxNonWhitePct * 10, 5) }]);
  let worst: Verdict = 'pass';
  const reasons: string[] = [];
  for (const [name, value, limits] of checks) {
    const severity = gradeValue(value, limits);
    if (severity === 'pass' || severity === 'info') continue;
    reasons.push(`${name} ${value.toFixed(2)} (${severity})`);
    if (SEVERITY_RANK[severity] > SEVERITY_RANK[worst]) worst = severity;
  }
  return { verdict: worst, reasons };
}
