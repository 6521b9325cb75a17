/**
 * Every route of the HTTP API with its request and response schemas and the action it needs. The
 * server's handlers validate with these schemas, the client builds requests from them, and the
 * OpenAPI document is generated from this table.
 */
import { z } from 'zod';
import type { ApiAction } from './roles';
import { ApiErrorBody } from './common';
import { Health, Me, ProviderList } from './health-schemas';
import { TokenCreated, TokenCreateRequest, TokenInfo, TokenList } from './token-schemas';
import { LockDetail, LockList, LockPublished } from './lock-schemas';
import { BriefJobsQueued, BriefJobsRequest, BriefList, BriefSummary, BriefUploaded, BriefUploadRequest, SkuList } from './brief-schemas';
import { LutUploadResult, UploadResult } from './upload-schemas';
import { Job, JobCreateRequest, JobList, JobListQuery } from './job-schemas';
import { LockFileUploaded, Moodboard, MoodboardCreateRequest } from './moodboard-schemas';
import { ReviewDecisionRequest, ReviewItem, ReviewList, ReviewQuery, ReviewRevisionRequest } from './review-schemas';
import { AuditEventList, AuditEventQuery, AuditPage, AuditQuery, MetricsQuery, MetricsReport } from './audit-schemas';
import { Training, TrainingCreateRequest, TrainingPinned, TrainingPinRequest } from './training-schemas';
import { LightingCalibrateRequest, LightingCalibrateResult, PaletteImportResult, SwatchMeasureRequest, SwatchMeasureResult } from './lock-setup-schemas';
import { LibraryAdded, LibraryAsset, LibraryCoverage, LibraryList, LibraryPatch, LibraryQuery } from './library-schemas';
import { RecipeAdjusted, RecipeAdjustRequest, RecipeDecisionRequest, RecipeStatus, RecipeStatusList, RecipeStatusQuery } from './recipe-schemas';

export interface ApiResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
}

export interface ApiRoute {
  /** The OpenAPI operationId. */
  id: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path: `/v1/jobs/{id}`. */
  path: string;
  summary: string;
  /** The action the token's role must allow; null for the one public route. */
  action: ApiAction | null;
  query?: z.ZodObject;
  body?: { schema: z.ZodType; contentType?: string } | { binary: true; contentType: string; description: string };
  headers?: Record<string, string>;
  responses: Record<number, ApiResponseSpec>;
}

const err = (description: string): ApiResponseSpec => ({ description, schema: ApiErrorBody });
const denied = { 401: err('Missing, unknown or revoked token'), 403: err("The token's role may not do this") };
const invalid = { 400: err('The request does not match the schema; `issues` names each field') };
const missing = (what: string) => ({ 404: err(`No such ${what}`) });

export const API_ROUTES = [
  { id: 'health', method: 'get', path: '/health', summary: 'Liveness; needs no token', action: null, responses: { 200: { description: 'Up', schema: Health } } },
  { id: 'getOpenApi', method: 'get', path: '/openapi.json', summary: 'This API as OpenAPI 3.1', action: 'locks:read', responses: { 200: { description: 'The OpenAPI document', schema: z.record(z.string(), z.unknown()) }, ...denied } },
  { id: 'getMe', method: 'get', path: '/v1/me', summary: "The calling token's name, role and allowed actions", action: 'jobs:read', responses: { 200: { description: 'Who you are', schema: Me }, ...denied } },
  { id: 'listProviders', method: 'get', path: '/v1/providers', summary: 'Configured providers (never their keys)', action: 'jobs:read', responses: { 200: { description: 'Providers', schema: ProviderList }, ...denied } },

  { id: 'listTokens', method: 'get', path: '/v1/tokens', summary: 'List tokens (secrets are never shown again)', action: 'tokens:manage', responses: { 200: { description: 'Tokens', schema: TokenList }, ...denied } },
  { id: 'createToken', method: 'post', path: '/v1/tokens', summary: 'Create a token; the secret is in this response only', action: 'tokens:manage', body: { schema: TokenCreateRequest }, responses: { 201: { description: 'Created', schema: TokenCreated }, ...invalid, ...denied } },
  { id: 'revokeToken', method: 'delete', path: '/v1/tokens/{id}', summary: 'Revoke a token at once', action: 'tokens:manage', responses: { 200: { description: 'Revoked', schema: TokenInfo }, ...denied, ...missing('token') } },

  { id: 'listLocks', method: 'get', path: '/v1/locks', summary: 'Published lock versions, newest first', action: 'locks:read', responses: { 200: { description: 'Versions', schema: LockList }, ...denied } },
  { id: 'getLock', method: 'get', path: '/v1/locks/{ref}', summary: 'A lock version by "current", number, version label or hash', action: 'locks:read', responses: { 200: { description: 'The resolved lock', schema: LockDetail }, ...denied, ...missing('lock version') } },
  { id: 'getLockLut', method: 'get', path: '/v1/locks/{ref}/luts/{id}', summary: "A lock's LUT file, the one its sha256 pins", action: 'locks:read', responses: { 200: { description: 'The .cube text', contentType: 'text/plain' }, ...denied, ...missing('lock version, LUT, or uploaded LUT file') } },
  {
    id: 'publishLock', method: 'post', path: '/v1/locks', summary: 'Publish a lock document as a new immutable version', action: 'locks:publish',
    body: { schema: z.record(z.string(), z.unknown()).describe('A Brand Lock document (schemaVersion 1)') },
    responses: { 201: { description: 'Published', schema: LockPublished }, 200: { description: 'Already published (same content)', schema: LockPublished }, 409: err('The version label is already published with other content'), 422: err('The lock is invalid; `issues` lists every problem with its path'), ...denied },
  },

  { id: 'listBriefs', method: 'get', path: '/v1/briefs', summary: 'Uploaded briefs, newest first', action: 'briefs:read', responses: { 200: { description: 'Briefs', schema: BriefList }, ...denied } },
  { id: 'uploadBrief', method: 'post', path: '/v1/briefs', summary: 'Upload and plan a season brief; bad rows are reported, good rows planned', action: 'briefs:write', body: { schema: BriefUploadRequest }, responses: { 201: { description: 'Stored and planned', schema: BriefUploaded }, 422: err('No row could be planned; `issues` names each row and column'), ...invalid, ...denied, ...missing('lock version') } },
  { id: 'getBrief', method: 'get', path: '/v1/briefs/{id}', summary: 'A brief summary', action: 'briefs:read', responses: { 200: { description: 'Brief', schema: BriefSummary }, ...denied, ...missing('brief') } },
  { id: 'listSkus', method: 'get', path: '/v1/briefs/{id}/skus', summary: "A brief's SKUs with each view's production status", action: 'briefs:read', responses: { 200: { description: 'SKUs', schema: SkuList }, ...denied, ...missing('brief') } },
  { id: 'queueBriefJobs', method: 'post', path: '/v1/briefs/{id}/jobs', summary: "Queue a brief's planned generate jobs (idempotent per planned job)", action: 'jobs:create', body: { schema: BriefJobsRequest }, responses: { 202: { description: 'Queued', schema: BriefJobsQueued }, 409: err("recipe_not_approved: a category's current recipe has no art director approval (or a pilot is over its N SKUs); `issues` names each category and why"), ...invalid, ...denied, ...missing('brief') } },

  {
    id: 'upload', method: 'put', path: '/v1/uploads', summary: 'Upload an image (raw bytes); returns its sha256 reference', action: 'uploads:write',
    body: { binary: true, contentType: 'image/*', description: 'JPEG, PNG, WebP, TIFF, AVIF or GIF bytes; the type is sniffed from the content' },
    responses: { 201: { description: 'Stored', schema: UploadResult }, 200: { description: 'Already stored', schema: UploadResult }, 413: err('Over the byte or pixel limit (decompression bombs included)'), 415: err('Not an image format brandlock reads'), 422: err('Corrupt or truncated image'), ...denied },
  },
  {
    id: 'uploadLut', method: 'put', path: '/v1/luts', summary: "Upload a .cube LUT a lock pins by sha256, so post-production can grade with it", action: 'locks:publish',
    body: { binary: true, contentType: 'text/plain', description: 'The .cube file as written (Adobe/Resolve cube grammar)' },
    responses: { 201: { description: 'Stored', schema: LutUploadResult }, 200: { description: 'Already stored', schema: LutUploadResult }, 413: err('Larger than a LUT may be'), 422: err('Not a valid .cube file; the message names the line'), ...denied },
  },
  { id: 'getAsset', method: 'get', path: '/v1/assets/{sha256}', summary: 'Stored bytes by sha256', action: 'assets:read', responses: { 200: { description: 'The bytes', contentType: 'application/octet-stream' }, ...denied, ...missing('asset') } },

  { id: 'listJobs', method: 'get', path: '/v1/jobs', summary: 'Jobs, newest first', action: 'jobs:read', query: JobListQuery, responses: { 200: { description: 'Jobs', schema: JobList }, ...invalid, ...denied } },
  {
    id: 'createJob', method: 'post', path: '/v1/jobs', summary: 'Create a job; the recipe comes from the lock', action: 'jobs:create', body: { schema: JobCreateRequest },
    headers: { 'Idempotency-Key': 'Optional. Retrying with the same key and body returns the first job instead of creating another' },
    responses: { 202: { description: 'Queued', schema: Job }, 200: { description: 'Same Idempotency-Key: the job created the first time', schema: Job }, 409: err("The Idempotency-Key was used with a different body, or (recipe_not_approved) the category's current recipe has no art director approval: send `pilot` or an admin's `override`"), 422: err('The request names something the lock does not have, or sets a locked parameter'), ...invalid, ...denied },
  },
  { id: 'getJob', method: 'get', path: '/v1/jobs/{id}', summary: 'A job (poll this when server-sent events are not available)', action: 'jobs:read', responses: { 200: { description: 'Job', schema: Job }, ...denied, ...missing('job') } },
  { id: 'jobEvents', method: 'get', path: '/v1/jobs/{id}/events', summary: 'Progress as server-sent events: `job` with the job, `end` when it is terminal', action: 'jobs:read', responses: { 200: { description: 'text/event-stream', contentType: 'text/event-stream' }, ...denied, ...missing('job') } },
  { id: 'cancelJob', method: 'post', path: '/v1/jobs/{id}/cancel', summary: 'Cancel a job (also at the provider)', action: 'jobs:cancel', responses: { 202: { description: 'Cancel requested (or already terminal)', schema: Job }, ...denied, ...missing('job') } },

  {
    id: 'createMoodboard', method: 'post', path: '/v1/moodboards', summary: 'Plan a moodboard as cells (lighting x model x pose), each its own job with its own prompt and seed', action: 'jobs:create', body: { schema: MoodboardCreateRequest },
    headers: { 'Idempotency-Key': 'Optional. Retrying with the same key and body returns the first board' },
    responses: { 202: { description: 'Planned and queued', schema: Moodboard }, 200: { description: 'Same Idempotency-Key: the board created the first time', schema: Moodboard }, 409: err("The Idempotency-Key was used with a different body, or (recipe_not_approved) the category's current recipe has no art director approval: send `pilot` or an admin's `override`"), 422: err('The request names something the lock does not have'), ...invalid, ...denied },
  },
  { id: 'getMoodboard', method: 'get', path: '/v1/moodboards/{id}', summary: 'A moodboard with every cell\'s state and image (poll this to fill or resume a board)', action: 'jobs:read', responses: { 200: { description: 'Moodboard', schema: Moodboard }, ...denied, ...missing('moodboard') } },
  { id: 'cancelMoodboard', method: 'post', path: '/v1/moodboards/{id}/cancel', summary: 'Cancel every open cell of a moodboard (also at the provider); finished cells stay', action: 'jobs:cancel', responses: { 202: { description: 'Cancel requested', schema: Moodboard }, ...denied, ...missing('moodboard') } },
  {
    id: 'encodeFrame', method: 'post', path: '/v1/encode', summary: "Encode a frame exported from Figma (PNG at the channel's size) as the channel's delivery file: the same encoder as `brandlock variants` (format, quality within maxBytes, LZW TIFF, sRGB ICC)", action: 'jobs:create',
    query: z.object({
      channel: z.string().max(64),
      lock: z.string().max(100).optional(),
      sku: z.string().max(100).optional().describe('The SKU the frame shows, for the XMP/IPTC provenance'),
      job: z.string().max(200).optional().describe("The master's job id: its provider, model, seed and recipe hash go into the XMP"),
      sourceType: z.enum(['trainedAlgorithmicMedia', 'compositeWithTrainedAlgorithmicMedia', 'digitalCapture']).optional().describe('IPTC DigitalSourceType; trainedAlgorithmicMedia when absent, as for variants'),
    }),
    body: { binary: true, contentType: 'image/png', description: "The frame's lossless PNG export" },
    responses: { 200: { description: 'The delivery file with provenance XMP (and IPTC for JPEG); X-Brandlock-Quality says the quality used, X-Brandlock-Digital-Source-Type the source type written', contentType: 'application/octet-stream' }, 415: err('Not a PNG'), 422: err('Unknown channel, wrong size, or it cannot fit maxBytes'), ...denied, ...missing('lock version') },
  },
  {
    id: 'uploadLockFile', method: 'put', path: '/v1/locks/{ref}/files', summary: "Upload a file a lock names by path (a model profile's reference image), so moodboards can show it", action: 'locks:publish',
    query: z.object({ path: z.string().max(500) }),
    body: { binary: true, contentType: 'image/*', description: 'The image the lock names at `path`' },
    responses: { 201: { description: 'Stored', schema: LockFileUploaded }, 200: { description: 'Already stored', schema: LockFileUploaded }, 413: err('Over the byte or pixel limit'), 415: err('Not an image format brandlock reads'), 422: err('The lock names no such file, or the image is corrupt'), ...denied, ...missing('lock version') },
  },

  { id: 'listReview', method: 'get', path: '/v1/review', summary: 'The review queue: flagged and rejected assets by default', action: 'review:read', query: ReviewQuery, responses: { 200: { description: 'Items', schema: ReviewList }, ...invalid, ...denied } },
  { id: 'decideReview', method: 'post', path: '/v1/review/{assetId}', summary: 'Approve or reject an asset, with a reason (audited)', action: 'review:decide', body: { schema: ReviewDecisionRequest }, responses: { 200: { description: 'The item after the decision', schema: ReviewItem }, ...invalid, ...denied, ...missing('asset') } },
  {
    id: 'reviseReview', method: 'post', path: '/v1/review/{assetId}/revisions', summary: "Send a retoucher's fix of a flagged or rejected asset back to the queue: a new asset of the same job, SKU and view, with fresh QC (audited: who, from which asset); the old one leaves the queue", action: 'review:decide',
    body: { schema: ReviewRevisionRequest },
    responses: { 201: { description: 'The new asset, as the queue shows it', schema: ReviewItem }, ...invalid, ...denied, ...missing('asset or upload'), 409: err('The asset is approved, or already replaced by a revision') },
  },

  { id: 'queryAudit', method: 'get', path: '/v1/audit', summary: 'Production records by SKU, job or date', action: 'audit:read', query: AuditQuery, responses: { 200: { description: 'Records', schema: AuditPage }, ...invalid, ...denied } },
  { id: 'listAuditEvents', method: 'get', path: '/v1/audit/events', summary: 'Who did what: tokens, lock publishes, briefs, jobs, review decisions', action: 'audit:read', query: AuditEventQuery, responses: { 200: { description: 'Events', schema: AuditEventList }, ...invalid, ...denied } },
  { id: 'getMetrics', method: 'get', path: '/v1/metrics', summary: 'Production metrics over a period', action: 'metrics:read', query: MetricsQuery, responses: { 200: { description: 'Metrics', schema: MetricsReport }, ...invalid, ...denied } },

  { id: 'listRecipes', method: 'get', path: '/v1/recipes', summary: "Each category's recipe hash in a lock version and whether an art director approved it", action: 'locks:read', query: RecipeStatusQuery, responses: { 200: { description: 'Recipes', schema: RecipeStatusList }, ...invalid, ...denied, ...missing('lock version') } },
  { id: 'decideRecipe', method: 'post', path: '/v1/recipes/{category}/approval', summary: "Approve (or revoke) a category's recipe after a pilot pass (audited)", action: 'recipes:approve', body: { schema: RecipeDecisionRequest }, responses: { 201: { description: 'Recorded', schema: RecipeStatus }, 409: err('The recipe hash is not the lock\'s current one for this category'), ...invalid, ...denied, ...missing('lock version or category') } },
  { id: 'adjustRecipe', method: 'post', path: '/v1/recipes/{category}/adjust', summary: "Adjust a category's recipe after a pilot: publishes a new lock version (audited); its recipe needs a new pilot and approval", action: 'recipes:approve', body: { schema: RecipeAdjustRequest }, responses: { 201: { description: 'Published', schema: RecipeAdjusted }, 409: err('The version label is already published'), 422: err('The changes do not make a valid lock; `issues` names each'), ...invalid, ...denied, ...missing('lock version or category') } },

  {
    id: 'addToLibrary', method: 'post', path: '/v1/library', summary: "Add a brand's existing photo to the asset library: measured and estimated (kind, category, SKU, colour, nearest swatch, backdrop, findings)", action: 'uploads:write',
    body: { binary: true, contentType: 'image/*', description: 'JPEG, PNG, WebP, TIFF, AVIF or GIF bytes; `?path=` the name or path it had, `?tags=` comma-separated tags' },
    responses: { 201: { description: 'Added', schema: LibraryAdded }, 200: { description: 'Already in the library (same bytes)', schema: LibraryAdded }, 413: err('Over the byte or pixel limit'), 415: err('Not an image format brandlock reads'), 422: err('Corrupt or truncated image'), ...denied },
  },
  { id: 'listLibrary', method: 'get', path: '/v1/library', summary: 'Library assets, by tag, SKU, kind, category, usability, path words or colour (ΔE00)', action: 'assets:read', query: LibraryQuery, responses: { 200: { description: 'Assets', schema: LibraryList }, ...invalid, ...denied } },
  { id: 'libraryCoverage', method: 'get', path: '/v1/library/coverage', summary: "A brief's SKUs with their usable sources; the ones without one", action: 'briefs:read', query: z.object({ brief: z.string() }), responses: { 200: { description: 'Coverage', schema: LibraryCoverage }, ...invalid, ...denied, ...missing('brief') } },
  { id: 'getLibraryAsset', method: 'get', path: '/v1/library/{id}', summary: 'A library asset', action: 'assets:read', responses: { 200: { description: 'Asset', schema: LibraryAsset }, ...denied, ...missing('library asset') } },
  { id: 'editLibraryAsset', method: 'patch', path: '/v1/library/{id}', summary: "Correct an asset's kind, category or SKU and edit its tags (audited)", action: 'uploads:write', body: { schema: LibraryPatch }, responses: { 200: { description: 'Asset', schema: LibraryAsset }, 422: err('The category is not in the current lock'), ...invalid, ...denied, ...missing('library asset') } },

  {
    id: 'readSwatchFile', method: 'post', path: '/v1/palette/import', summary: 'Read a swatch file (.ase, .aco, CSV, Pantone-style list) into palette swatches, each bad entry named; publishing the palette is a new lock version', action: 'uploads:write',
    body: { binary: true, contentType: 'application/octet-stream', description: 'The file\'s bytes; `?name=` its file name' },
    responses: { 200: { description: 'Swatches and per-entry problems', schema: PaletteImportResult }, 413: err('Larger than a swatch file may be'), ...denied },
  },
  { id: 'measureSwatch', method: 'post', path: '/v1/palette/measure', summary: "A swatch measured from approved library photos by QC's garment-colour measure, with the spread between them", action: 'assets:read', body: { schema: SwatchMeasureRequest }, responses: { 200: { description: 'Measured', schema: SwatchMeasureResult }, 422: err('No reference could be measured'), ...invalid, ...denied } },
  { id: 'calibrateLighting', method: 'post', path: '/v1/lighting/{preset}/calibrate', summary: 'A lighting preset calibrated from 3-5 approved library photos (backdrop, exposure target, colour temperature, key direction, key/fill ratio, spread)', action: 'assets:read', body: { schema: LightingCalibrateRequest }, responses: { 200: { description: 'The proposed preset', schema: LightingCalibrateResult }, 422: err('Too few references could be measured'), ...invalid, ...denied, ...missing('lock or lighting preset') } },
  { id: 'createTraining', method: 'post', path: '/v1/trainings', summary: "Train a model profile's LoRA at fal or Replicate from library photos an art director picked (runs on the server's queue; the provider job id is stored before waiting)", action: 'recipes:approve', body: { schema: TrainingCreateRequest }, responses: { 202: { description: 'Queued', schema: Training }, 422: err('A photo is not in the library or not usable, the profile is unknown, or the provider has no key'), ...invalid, ...denied } },
  { id: 'getTraining', method: 'get', path: '/v1/trainings/{id}', summary: 'A training: state, provider job, result (weights, version, training set, cost)', action: 'assets:read', responses: { 200: { description: 'Training', schema: Training }, ...denied, ...missing('training') } },
  { id: 'pinTraining', method: 'post', path: '/v1/trainings/{id}/pin', summary: "Pin a finished training's LoRA in a new lock version (audited); categories casting the profile then need a new approval", action: 'recipes:approve', body: { schema: TrainingPinRequest }, responses: { 201: { description: 'Published', schema: TrainingPinned }, 409: err('The training has not succeeded, or the version label is taken'), ...invalid, ...denied, ...missing('training') } },

  { id: 'providerWebhook', method: 'post', path: '/v1/webhooks/{provider}', summary: "A provider's webhook, verified on the raw body (provider signature, not a token)", action: null, body: { binary: true, contentType: 'application/json', description: 'The provider payload' }, responses: { 200: { description: 'Accepted', schema: z.object({ ok: z.boolean() }) }, 401: err('Bad or missing signature, stale timestamp, or a replay'), ...missing('provider') } },
] as const satisfies readonly ApiRoute[];

export type ApiRouteId = (typeof API_ROUTES)[number]['id'];

/** A route by its operation id. */
export function apiRoute(id: ApiRouteId): ApiRoute {
  return API_ROUTES.find((r) => r.id === id) as ApiRoute;
}

/**
 * Fills `{name}` segments of a route path, percent-encoding each value.
 * @example apiPath('/v1/jobs/{id}', { id: 'a/b' }) // '/v1/jobs/a%2Fb'
 */
export function apiPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new TypeError(`apiPath: missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(params[name]);
  });
}

