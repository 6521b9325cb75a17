/** Audit queries: production records by SKU, job or date; the event log; production metrics. */
import { z } from 'zod';
import { ProductionRecord } from '../audit/production-record';
import { ProductionMetrics } from '../audit/production-metrics';
import { IsoTime, IsoTimeQuery } from './common';

export const AuditQuery = z.object({
  sku: z.string().max(100).optional(),
  job: z.string().max(100).optional(),
  from: IsoTimeQuery.optional().describe('Records created at or after this time'),
  to: IsoTimeQuery.optional().describe('Records created before this time'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export const AuditPage = z.object({ records: z.array(ProductionRecord), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditEvent = z.object({
  id: z.number().int(),
  at: IsoTime,
  actor: z.string().describe('Token name, or "system"'),
  action: z.string().describe('e.g. token.create, lock.publish, brief.upload, job.create, review.decide'),
  subject: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditEventQuery = z.object({
  action: z.string().max(64).optional(),
  subject: z.string().max(200).optional(),
  from: IsoTimeQuery.optional(),
  to: IsoTimeQuery.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export const AuditEventList = z.object({ events: z.array(AuditEvent), nextCursor: z.string().nullable() });
export type AuditEventList = z.infer<typeof AuditEventList>;

export const MetricsQuery = z.object({
  from: IsoTimeQuery.optional(),
  to: IsoTimeQuery.optional(),
});

export const MetricsReport = ProductionMetrics.extend({
  from: IsoTime.nullable(),
  to: IsoTime.nullable(),
  truncated: z.boolean().describe('True when the period held more records than one report reads; narrow from/to'),
});
export type MetricsReport = z.infer<typeof MetricsReport>;
