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
  /** Milliseconds QC took on this asset. */
  ms: z.number().optional(),
  /** The full per-image QC record (core's QcImageRecord), for reports that show every finding. */
  detail: z.record(z.string(), z.unknown()).optional(),
  /** A small JPEG of the image as QC saw it (blob sha256) and the subject outline QC measured on. */
  thumbnail: z
    .object({
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      width: z.number().int(),
      height: z.number().int(),
      fullWidth: z.number().int(),
      fullHeight: z.number().int(),
      outline: z.object({ path: z.string(), width: z.number(), height: z.number() }),
      /** Regions left out of the fabric (prints, logos), on the outline's grid. */
      excluded: z.object({ path: z.string() }).nullable().optional(),
    })
    .optional(),
});
export type QcOutcome = z.infer<typeof QcOutcome>;

/** The outcome recorded when no automated QC ran: the asset goes to a person. */
export function uncheckedQc(note: string): QcOutcome {
  return { verdict: 'unchecked', thresholds: null, measurements: {}, findings: [], note };
}
