/**
 * A QC run as the audit trail keeps it: the verdict, the thresholds, named measurements (the
 * production metrics read deltaE00 from here) and every finding with its number and limit.
 */
import type { QcContext, QcImageResult, QcOutcome } from '@brandlock/core';

/** Finding checks whose number is worth a named measurement, and the name it gets. */
const MEASUREMENTS: Record<string, string> = {
  'delta-e': 'deltaE00',
  'background-cast': 'castDeltaE00',
  blur: 'blurPx',
  'jpeg-quality': 'jpegQuality',
  blockiness: 'blockiness',
  'highlight-clip': 'highlightClipPct',
  'shadow-clip': 'shadowClipPct',
  level: 'exposureEv',
  uniformity: 'backgroundNonUniformity',
  'edge-ring': 'haloDeltaE00',
  fill: 'fillRatio',
};

/**
 * @example qcOutcomeOf(runQcRules(image, ctx), ctx).measurements.deltaE00 // 1.42
 */
export function qcOutcomeOf(result: QcImageResult, ctx: QcContext): QcOutcome {
  const measurements: Record<string, number> = {};
  for (const f of result.findings) {
    const name = MEASUREMENTS[f.check];
    if (name && typeof f.measured === 'number' && Number.isFinite(f.measured) && measurements[name] === undefined) measurements[name] = f.measured;
  }
  if (result.metrics.exposureEv !== null && measurements.exposureEv === undefined) measurements.exposureEv = result.metrics.exposureEv;
  measurements.subjectCoverage = result.metrics.coverage;
  return {
    verdict: result.verdict,
    thresholds: ctx.thresholds as unknown as Record<string, unknown>,
    measurements,
    findings: result.findings
      .filter((f) => f.severity !== 'pass')
      .map((f) => ({
        rule: f.rule,
        check: f.check,
        severity: f.severity,
        message: f.message,
        measured: typeof f.measured === 'number' ? f.measured : null,
        threshold: f.limits ? (f.limits.reject ?? f.limits.flag ?? null) : null,
        unit: f.unit,
        ...(f.box ? { box: f.box } : {}),
      })),
  };
}
