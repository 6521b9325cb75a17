/**
 * What automated QC said about an asset, as the audit trail keeps it. `unchecked` means no automated QC
 * ran on it (for example a pipeline without the QC stage): such assets always go to human review.
 */
import { z } from 'zod';

export const QcVerdict = z.enum(['pass', 'flag', 'reject', 'unchecked']);
export type QcVerdict = z.infer<typeof QcVerdict>;

export const QcFindingRecord = z
  .object({
    rule: z.string(),
    severity: z.string().describe('e.g. info, flag, reject'),
    message: z.string(),
    measured: z.number().nullable().optional(),
    threshold: z.number().nullable().optional(),
  })
  .passthrough();
export type QcFindingRecord = z.infer<typeof QcFindingRecord>;

export const QcOutcome = z.object({
  verdict: QcVerdict,
  /** The category's thresholds the verdict was measured against (null when QC did not run). */
  thresholds: z.record(z.string(), z.unknown()).nullable(),
  /** Named measurements, e.g. { deltaE00: 1.8, evDeviation: 0.12 }. */
  measurements: z.record(z.string(), z.number()),
  findings: z.array(QcFindingRecord),
  /** Why the verdict is what it is, in words, when there is no finding to say so. */
  note: z.string().optional(),
});
export type QcOutcome = z.infer<typeof QcOutcome>;

/** The outcome recorded when no automated QC ran: the asset goes to a person. */
export function uncheckedQc(note: string): QcOutcome {
  return { verdict: 'unchecked', thresholds: null, measurements: {}, findings: [], note };
}
