/**
 * The batch QC report as data: one record per input file (analysed, or an error row with the
 * reason), the summary a production lead reads first, and the lock it was judged against. The CLI's
 * --json output and the HTML report are both this document.
 */
import { z } from 'zod';
import { Finding, ImageBox } from './finding';

const LabValue = z.strictObject({ l: z.number(), a: z.number(), b: z.number() });

export const RecordVerdict = z.enum(['pass', 'flag', 'reject', 'error']);
export type RecordVerdict = z.infer<typeof RecordVerdict>;

/** The measured swatch as the report shows it: colour, where it was read, and what was left out. */
export const SwatchRecord = z.strictObject({
  hex: z.string(),
  /** Where to put the eyedropper, full-resolution pixels. */
  point: z.strictObject({ x: z.number().int(), y: z.number().int() }),
  /** Dominant fabric over the garment's measurable pixels. */
  fabricShare: z.number(),
  /** Regions left out of the fabric (prints, logos, trims, another colour), full-resolution boxes. */
  excluded: z.array(z.strictObject({ box: ImageBox, share: z.number(), lab: LabValue })).max(12),
});

export const QcMetricsRecord = z.strictObject({
  garment: LabValue.nullable(),
  swatch: SwatchRecord.nullable().optional(),
  background: LabValue.nullable(),
  exposureEv: z.number().nullable(),
  coverage: z.number(),
  maskSource: z.enum(['alpha', 'background']),
  subjectBox: ImageBox.nullable(),
});

export const QcImageRecord = z.strictObject({
  /** The path as found (relative to where the run started when it was given that way). */
  file: z.string(),
  verdict: RecordVerdict,
  error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
  sku: z.string().nullable(),
  colorway: z.string().nullable(),
  view: z.string().nullable(),
  /** Channel id, "master", or null when the file could not be placed. */
  target: z.string().nullable(),
  category: z.string().nullable(),
  categoryName: z.string().nullable(),
  lighting: z.string().nullable(),
  swatch: z.strictObject({ name: z.string(), hex: z.string().nullable(), lab: LabValue }).nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  format: z.string().nullable(),
  bytes: z.number().int().nullable(),
  findings: z.array(Finding),
  metrics: QcMetricsRecord.nullable(),
  /** Milliseconds spent on this file (decode + analysis). */
  ms: z.number(),
});
export type QcImageRecord = z.infer<typeof QcImageRecord>;

export const CategorySummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  total: z.number().int(),
  pass: z.number().int(),
  flag: z.number().int(),
  reject: z.number().int(),
  error: z.number().int(),
  /** pass / total: the share that needs no retouch and no regeneration. */
  firstPassRate: z.number(),
});

export const FailureReason = z.strictObject({
  rule: z.string(),
  check: z.string(),
  /** Images with this finding at flag or reject. */
  images: z.number().int(),
  rejects: z.number().int(),
  flags: z.number().int(),
});

export const QcSummary = z.strictObject({
  total: z.number().int(),
  pass: z.number().int(),
  flag: z.number().int(),
  reject: z.number().int(),
  error: z.number().int(),
  firstPassRate: z.number(),
  categories: z.array(CategorySummary),
  reasons: z.array(FailureReason),
  /** Garment ΔE00 against the swatch: histogram bins of width 0.5 (the last bin is open-ended). */
  deltaE: z.strictObject({ measured: z.number().int(), bins: z.array(z.strictObject({ from: z.number(), to: z.number().nullable(), count: z.number().int() })) }),
  errors: z.array(z.strictObject({ code: z.string(), count: z.number().int() })),
});
export type QcSummary = z.infer<typeof QcSummary>;

export const QcReport = z.strictObject({
  schemaVersion: z.literal(1),
  generatedAt: z.string(),
  lock: z.strictObject({ brand: z.string(), name: z.string(), version: z.string(), hash: z.string(), file: z.string() }),
  brief: z.string().nullable(),
  images: z.array(QcImageRecord),
  summary: QcSummary,
});
export type QcReport = z.infer<typeof QcReport>;
