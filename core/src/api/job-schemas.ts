/**
 * Jobs: what a client may ask for and what it gets back. The server resolves the recipe from the lock;
 * a client chooses only what the lock leaves open (how many images, a seed variation), never a locked
 * parameter such as the prompt, model, LoRAs, size, steps or seed.
 */
import { z } from 'zod';
import { Id } from '../brand/fields';
import { RecordedRecipe } from '../audit/production-record';
import { ReviewStatusSchema } from './review-schemas';
import { ApprovalOverride, BlobRef, IsoTime, PilotRequest, Sha256Hex } from './common';
import { LockRef } from './lock-schemas';

export const JobKind = z.enum(['generate', 'moodboard', 'video', 'post', 'variants']);
export type JobKind = z.infer<typeof JobKind>;

export const JobState = z.enum(['queued', 'running', 'succeeded', 'failed', 'canceled']);
export type JobState = z.infer<typeof JobState>;

export const TERMINAL_JOB_STATES: readonly JobState[] = ['succeeded', 'failed', 'canceled'];

export const ProviderName = z.enum(['fal', 'replicate', 'runway', 'comfyui', 'local']);
export type ProviderName = z.infer<typeof ProviderName>;

/** A brief row given inline (when the SKU is not in a stored brief): brief columns to cell values. */
export const BriefItem = z.record(z.string().max(64), z.union([z.string().max(2000), z.number(), z.array(z.string().max(500)).max(50)]));

export const MoodboardRequest = z.strictObject({
  count: z.number().int().min(6).max(50).describe('Images on the board'),
  environment: z.string().max(300).default('').describe('Setting, e.g. "sunlit concrete loft"'),
  lightingPresets: z.array(Id).max(20).optional().describe("Lighting moods from the lock's presets; all when absent"),
  modelProfiles: z.array(Id).max(20).optional().describe("Model direction from the lock's profiles"),
  garmentFocus: z.string().max(300).default(''),
  swatches: z.array(Id).max(100).optional().describe('Palette swatches to feature; the whole palette when absent'),
  notes: z.string().max(2000).default(''),
});
export type MoodboardRequest = z.infer<typeof MoodboardRequest>;

export const JobCreateRequest = z.strictObject({
  kind: JobKind,
  provider: ProviderName.optional().describe('A configured provider; the server default when absent'),
  lock: LockRef.optional().describe('Lock version; the current one when absent'),
  brief: z.string().max(100).optional().describe('A stored brief id; with sku (and colorway) or row'),
  sku: z.string().max(100).optional(),
  colorway: z.string().max(100).optional(),
  row: z.number().int().min(1).optional().describe('A row of the stored brief'),
  item: BriefItem.optional().describe('An inline brief row, for a SKU that is in no stored brief'),
  category: Id.optional().describe('For post, variants and moodboard jobs without a SKU'),
  view: Id.optional().describe("A view of the category's pose set; the first planned view when absent"),
  sources: z.array(BlobRef).max(8).default([]).describe('Uploaded source images (flat-lays, packshots, the image to post-process)'),
  count: z.number().int().min(1).max(8).optional().describe('Images to generate (generate jobs); the lock leaves this open'),
  seedVariation: z.number().int().min(0).max(1_000_000).optional().describe('Offset added to the lock-derived seed, for alternatives'),
  channels: z.array(Id).max(50).optional().describe('Variants: channel ids; the category\'s channels when absent'),
  moodboard: MoodboardRequest.optional(),
  pilot: PilotRequest.optional(),
  override: ApprovalOverride.optional(),
});
export type JobCreateRequest = z.input<typeof JobCreateRequest>;

/**
 * Request members that the lock fixes. Sending one is refused with `locked_parameter`, naming it,
 * rather than silently ignored, so a client learns it cannot override the brand standard.
 */
export const LOCKED_JOB_FIELDS = [
  'prompt', 'promptTemplate', 'negativePrompt', 'baseModel', 'model', 'loras', 'lora', 'width', 'height', 'size',
  'steps', 'guidance', 'cfg', 'seed', 'seedPolicy', 'sampler', 'recipe', 'lighting', 'lightingPreset', 'lut',
  'modelProfile', 'poseSet', 'qc', 'thresholds',
] as const;

/**
 * The locked members a request body tries to set.
 * @example lockedFieldsIn({ kind: 'generate', steps: 50 }) // ['steps']
 */
export function lockedFieldsIn(body: unknown): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  return LOCKED_JOB_FIELDS.filter((k) => Object.prototype.hasOwnProperty.call(body, k));
}

export const JobOutput = z.object({
  assetId: z.string(),
  ref: BlobRef,
  sha256: Sha256Hex,
  contentType: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  index: z.number().int(),
  seed: z.number().int().nullable(),
  channel: z.string().nullable(),
  note: z.string().nullable(),
  reviewStatus: ReviewStatusSchema,
});
export type JobOutput = z.infer<typeof JobOutput>;

export const JobError = z.object({
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
});

export const Job = z.object({
  id: z.string(),
  kind: JobKind,
  state: JobState,
  stage: z.string().describe('What is happening now, in words: "waiting for a local slot", "at the provider", ...'),
  progress: z.number().min(0).max(1).nullable(),
  provider: ProviderName,
  providerJobId: z.string().nullable(),
  lockHash: z.string(),
  briefId: z.string().nullable(),
  plannedJobId: z.string().nullable(),
  row: z.number().int().nullable(),
  sku: z.string().nullable(),
  colorway: z.string().nullable(),
  category: z.string().nullable(),
  view: z.string().nullable(),
  recipe: RecordedRecipe.describe('Resolved from the lock; read-only'),
  recipeHash: z.string(),
  count: z.number().int(),
  seedVariation: z.number().int(),
  sources: z.array(BlobRef),
  channels: z.array(z.string()),
  attempts: z.number().int(),
  outputs: z.array(JobOutput),
  error: JobError.nullable(),
  note: z.string().nullable().describe("The provider's own note, e.g. that the local provider is not generative"),
  cancelRequested: z.boolean(),
  requestedBy: z.string(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  finishedAt: IsoTime.nullable(),
});
export type Job = z.infer<typeof Job>;

export const JobList = z.object({ jobs: z.array(Job), nextCursor: z.string().nullable() });
export type JobList = z.infer<typeof JobList>;

export const JobListQuery = z.object({
  state: JobState.optional(),
  sku: z.string().max(100).optional(),
  colorway: z.string().max(100).optional().describe('Jobs of this colourway of the SKU (case-insensitive): a SKU can be briefed in several'),
  brief: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
