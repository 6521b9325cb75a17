/**
 * A QC finding: one rule's measurement on one image, with the limits it was judged against, how
 * severe the outcome is and, when the problem has a place, where it is (a box in image pixels).
 * Findings are data, so the CLI, the HTML report and the plugins all show the same numbers.
 */
import { z } from 'zod';

export const QcRuleId = z.enum([
  'technical',
  'color',
  'exposure',
  'white-balance',
  'background',
  'sharpness',
  'compression',
  'halo',
  'consistency',
  'human-review',
]);
export type QcRuleId = z.infer<typeof QcRuleId>;

/** pass: measured and within limits; info: not measurable here (said why); flag: retoucher pass; reject: regenerate. */
export const Severity = z.enum(['pass', 'info', 'flag', 'reject']);
export type Severity = z.infer<typeof Severity>;

export const ImageBox = z.strictObject({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  width: z.number().int().min(0),
  height: z.number().int().min(0),
});

export const Limits = z.strictObject({
  /** 'max': a value above a limit is a problem; 'min': below. */
  direction: z.enum(['max', 'min']),
  flag: z.number().optional(),
  reject: z.number().optional(),
});
export type Limits = z.infer<typeof Limits>;

export const Finding = z.strictObject({
  rule: QcRuleId,
  /** What exactly was checked within the rule, e.g. "delta-e", "highlight-clip", "resolution". */
  check: z.string().min(1).max(60),
  severity: Severity,
  /** One sentence a production lead understands: what was measured, against what, and why it matters. */
  message: z.string().max(500),
  /** The measured value: a number in `unit`, or text (a profile name, a format). Null when not measurable. */
  measured: z.union([z.number(), z.string(), z.null()]),
  unit: z.string().max(20),
  /** The limits the value was judged against (numbers), or the expected value as text. */
  limits: Limits.nullable(),
  expected: z.string().max(200).optional(),
  /** Where in the image, in full-resolution pixels, when the problem has a place. */
  box: ImageBox.optional(),
});
export type Finding = z.infer<typeof Finding>;

/** How bad a severity is, for sorting and for the verdict. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { pass: 0, info: 1, flag: 2, reject: 3 };

/**
 * Judges a value against flag and reject limits.
 * @example gradeValue(3.4, { direction: 'max', flag: 2, reject: 3 }) // 'reject'
 */
export function gradeValue(value: number, limits: Limits): Severity {
  const beyond = (limit: number | undefined) => limit !== undefined && (limits.direction === 'max' ? value > limit : value < limit);
  if (beyond(limits.reject)) return 'reject';
  if (beyond(limits.flag)) return 'flag';
  return 'pass';
}

/**
 * Rounds a measured value for display and storage (two decimals unless told: far finer than any QC limit).
 * @example roundMeasure(3.14159) // 3.14
 */
export function roundMeasure(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
