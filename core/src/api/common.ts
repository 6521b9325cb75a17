/** Field schemas every part of the HTTP contract shares: blob references, times, errors, pages. */
import { z } from 'zod';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits');

/** A reference to stored bytes: `sha256:` and the hex digest, as uploads return it. */
export const BlobRef = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected a reference like "sha256:" followed by 64 hex digits, as PUT /v1/uploads returns');
export type BlobRef = z.infer<typeof BlobRef>;

/** An ISO 8601 time, as the server writes them (UTC, `Z`). */
export const IsoTime = z.string().describe('ISO 8601 date-time, UTC');

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A time the database stores exactly: years 1000 to 9999 (PGlite fails on year 99999, shifts year 1). */
function isStorableTime(s: string): boolean {
  if (!ISO_DATE_TIME.test(s)) return false;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return false;
  const year = new Date(t).getUTCFullYear();
  return year >= 1000 && year <= 9999;
}

/** Query-string form of an ISO date or date-time, within the years the database stores. */
export const IsoTimeQuery = z
  .string()
  .refine(isStorableTime, { message: 'expected an ISO 8601 date or date-time from 1000-01-01 to 9999-12-31, e.g. 2027-03-01 or 2027-03-01T09:00:00Z' });

/** One problem with a request or a document: where, what was found, what was expected. */
export const ApiIssue = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string().optional().describe('JSON path into the request or document, e.g. categories[2].recipe.steps'),
  row: z.number().int().nullable().optional().describe('Brief row (spreadsheet numbering, header = 1)'),
  column: z.string().nullable().optional(),
  severity: z.enum(['error', 'warning']).optional(),
  found: z.string().optional(),
  expected: z.string().optional(),
  sku: z.string().optional().describe('The SKU on that brief row, when it could be read'),
});
export type ApiIssue = z.infer<typeof ApiIssue>;

/** Most SKUs per category a pilot may make before its recipe is approved. */
export const MAX_PILOT_SKUS = 50;

/**
 * The recipe-approval gate's two ways past: a pilot (at most N SKUs per category, on any recipe) and
 * an admin's override with a reason, which the audit trail keeps.
 */
export const PilotRequest = z
  .number()
  .int()
  .min(1)
  .max(MAX_PILOT_SKUS)
  .describe('A pilot pass of at most N SKUs per category: allowed before the category\'s recipe is approved; refused once N SKUs of that recipe were made');
export const ApprovalOverride = z
  .strictObject({ reason: z.string().trim().min(3).max(500) })
  .describe('Admins only: make categories whose recipe is not approved; the reason is audited (recipe.gate.override)');

export const ApiErrorCode = z.enum([
  'invalid_request',
  'locked_parameter',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'recipe_not_approved',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_image',
  'invalid_lock',
  'invalid_lut',
  'invalid_brief',
  'webhook_rejected',
  'provider_unavailable',
  'rate_limited',
  'batch_too_large',
  'queue_full',
  'database_unavailable',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string().describe(`One of ${ApiErrorCode.options.join(', ')}`),
    message: z.string(),
    issues: z.array(ApiIssue).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Page size and an opaque cursor from the previous page. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});
