/**
 * Season briefs on the server: uploaded as CSV or JSON text, validated by core against a lock version,
 * stored with their plan. Bad rows come back with their row, column and reason; good rows are planned.
 */
import { z } from 'zod';
import { ApiIssue, ApprovalOverride, BlobRef, IsoTime, PilotRequest } from './common';
import { LockRef } from './lock-schemas';

export const BriefUploadRequest = z.strictObject({
  name: z.string().trim().min(1).max(200).describe('A name people recognise, e.g. "SS27 drop 2"'),
  text: z.string().min(1).max(20_000_000).describe('The brief file as text (CSV or JSON)'),
  format: z.enum(['csv', 'json']).optional().describe('Guessed from the text when absent'),
  lock: LockRef.optional().describe('Lock version to plan against; the current one when absent'),
});
export type BriefUploadRequest = z.infer<typeof BriefUploadRequest>;

export const BriefSummary = z.object({
  id: z.string(),
  name: z.string(),
  lockHash: z.string(),
  uploadedBy: z.string(),
  uploadedAt: IsoTime,
  rowsRead: z.number().int(),
  skus: z.number().int().describe('Rows that planned'),
  plannedJobs: z.number().int().describe('SKU x view jobs in the plan'),
  errors: z.number().int(),
  warnings: z.number().int(),
});
export type BriefSummary = z.infer<typeof BriefSummary>;

export const BriefUploaded = BriefSummary.extend({ issues: z.array(ApiIssue) });
export type BriefUploaded = z.infer<typeof BriefUploaded>;

export const BriefList = z.object({ briefs: z.array(BriefSummary) });
export type BriefList = z.infer<typeof BriefList>;

export const ProductionStatus = z.enum(['planned', 'queued', 'running', 'failed', 'canceled', 'flagged', 'rejected', 'ready', 'approved']);
export type ProductionStatus = z.infer<typeof ProductionStatus>;

export const SkuView = z.object({
  view: z.string(),
  viewName: z.string(),
  plannedJobId: z.string(),
  status: ProductionStatus,
  jobId: z.string().nullable().describe('The latest job for this view, if any'),
  assetIds: z.array(z.string()),
});

export const SkuStatus = z.object({
  row: z.number().int(),
  sku: z.string(),
  colorway: z.string(),
  category: z.string(),
  swatch: z.object({ input: z.string(), hex: z.string().nullable(), name: z.string() }),
  channels: z.array(z.string()),
  status: ProductionStatus.describe('The least advanced status among its views'),
  views: z.array(SkuView),
});
export type SkuStatus = z.infer<typeof SkuStatus>;

export const SkuList = z.object({ briefId: z.string(), skus: z.array(SkuStatus) });
export type SkuList = z.infer<typeof SkuList>;

/** Queue every planned job of a brief (or some SKUs of it); already-queued views are not queued again. */
export const BriefJobsRequest = z.strictObject({
  skus: z.array(z.string().max(100)).max(100_000).optional().describe('Only these SKUs; all when absent'),
  provider: z.enum(['fal', 'replicate', 'runway', 'comfyui', 'local']).optional(),
  sources: z
    .record(z.string().max(500), BlobRef)
    .optional()
    .describe("The brief's source_images paths mapped to uploaded references; each SKU's jobs get its images"),
  pilot: PilotRequest.optional(),
  override: ApprovalOverride.optional(),
});
export type BriefJobsRequest = z.infer<typeof BriefJobsRequest>;

export const BriefJobsQueued = z.object({
  briefId: z.string(),
  queued: z.array(z.object({ plannedJobId: z.string(), jobId: z.string(), sku: z.string(), view: z.string(), created: z.boolean() })),
  skipped: z.array(z.object({ plannedJobId: z.string(), sku: z.string(), view: z.string(), reason: z.string() })),
});
export type BriefJobsQueued = z.infer<typeof BriefJobsQueued>;
