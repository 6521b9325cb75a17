/**
 * The production record of one asset: everything needed to answer "how was this image made, and who
 * let it through?" months later. Which lock (hash), recipe, model profile, lighting preset, pose set,
 * provider, model version and seed produced it; what QC measured; what reviewers decided.
 */
import { z } from 'zod';
import { QcOutcome } from './qc-outcome';
import { ReviewDecision } from './review-decision';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits');

export const RecordedLora = z.object({ ref: z.string(), triggerWord: z.string().optional(), strength: z.number() });

/**
 * A LoRA as the provider was told to load it: the weights sent (a URL, a version, a file name) and,
 * for weights brandlock trained and the lock pins, their sha256; `via` says whether the provider map
 * or the lock's training record chose them.
 */
export const RecordedLoraWeights = z.object({
  ref: z.string(),
  weights: z.string(),
  sha256: Sha256Hex.nullable(),
  via: z.enum(['provider-map', 'trained']),
});
export type RecordedLoraWeights = z.infer<typeof RecordedLoraWeights>;

/** The resolved recipe as recorded (the same fields as core's ResolvedRecipe). */
export const RecordedRecipe = z.object({
  prompt: z.string(),
  negativePrompt: z.string(),
  baseModel: z.string(),
  loras: z.array(RecordedLora),
  width: z.number().int(),
  height: z.number().int(),
  steps: z.number().int(),
  guidance: z.number(),
  seedPolicy: z.enum(['fixed', 'per-sku', 'random']),
  seed: z.number().int().nullable(),
  modelProfile: z.string(),
  lightingPreset: z.string(),
  lut: z.string().nullable(),
  poseSet: z.string(),
  view: z.string(),
  textureNotes: z.string(),
  drapeNotes: z.string(),
});

/** What post-production did to a master: the provider's raw output, each step with its numbers, the subject box. */
export const PostRecord = z.object({
  rawSha256: Sha256Hex,
  steps: z.array(
    z.object({
      step: z.enum(['lut', 'white-balance', 'exposure', 'background', 'loop']),
      applied: z.boolean(),
      detail: z.string(),
      measured: z.number().optional(),
      unit: z.enum(['ΔE00', 'EV', '%']).optional(),
    }),
  ),
  subject: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).nullable(),
  /** Milliseconds post-production took. */
  ms: z.number().optional(),
});
export type PostRecord = z.infer<typeof PostRecord>;

/**
 * A video master's making: the motion brief as sent (camera, fabric movement, gesture, prompt, seed,
 * duration, loop), the approved still it started from, and the clip as stored. Null for stills.
 */
export const RecordedVideo = z.object({
  motion: z.object({
    fabric: z.object({ movement: z.string(), direction: z.string(), notes: z.string() }),
    camera: z.object({ path: z.string(), amount: z.number() }),
    gesture: z.string(),
    durationSeconds: z.number(),
    loop: z.boolean(),
    aspectRatios: z.array(z.string()),
    prompt: z.string(),
    negativePrompt: z.string(),
    seed: z.number().int().nullable(),
  }),
  still: z.object({ assetId: z.string(), sha256: Sha256Hex, reviewStatus: z.string() }),
  /** The clip as stored: null when it could not be read (no FFmpeg). */
  clip: z.object({ durationSeconds: z.number(), fps: z.number(), frames: z.number().int(), codec: z.string() }).nullable(),
  /** True when no generative model made it (the local provider's camera move over the still). */
  offline: z.boolean(),
});
export type RecordedVideo = z.infer<typeof RecordedVideo>;

export const ProductionRecord = z.object({
  /** The asset id (also the review queue's id). */
  assetId: z.string(),
  sha256: Sha256Hex,
  contentType: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  /** Position of this output within its job (0-based). */
  index: z.number().int(),
  jobId: z.string(),
  kind: z.enum(['generate', 'moodboard', 'video', 'post', 'variants']),
  briefId: z.string().nullable(),
  row: z.number().int().nullable(),
  sku: z.string().nullable(),
  colorway: z.string().nullable(),
  category: z.string().nullable(),
  view: z.string().nullable(),
  /** Channel id, for variant outputs. */
  channel: z.string().nullable(),
  lock: z.object({ hash: z.string(), brand: z.string(), version: z.string() }),
  recipe: RecordedRecipe,
  recipeHash: z.string(),
  modelProfile: z.string(),
  lightingPreset: z.string(),
  poseSet: z.string(),
  provider: z.string(),
  providerJobId: z.string().nullable(),
  model: z.string().nullable(),
  modelVersion: z.string().nullable(),
  seed: z.number().int().nullable(),
  /** The LoRA weights the provider loaded (empty for providers that take none, and for older records). */
  loraWeights: z.array(RecordedLoraWeights).default([]),
  /** What the provider said about how it made this (the local provider says it is not generative). */
  note: z.string().nullable(),
  /** sha256 of each source image the job received. */
  sources: z.array(Sha256Hex),
  /** Where the time went: waiting in the queue, then at the provider until the output was stored. */
  timings: z.object({ queuedMs: z.number(), generateMs: z.number() }).nullable().default(null),
  /** Post-production of a master (null for outputs that were not post-processed). */
  post: PostRecord.nullable().default(null),
  /** Video masters: the motion brief, the still and the clip. */
  video: RecordedVideo.nullable().optional(),
  qc: QcOutcome,
  reviews: z.array(ReviewDecision),
  /** A retoucher's fixed pixels of another asset of this job (sent back from the review queue), or null. */
  revisionOf: z.object({ assetId: z.string(), by: z.string(), note: z.string() }).nullable().optional(),
  costUsd: z.number().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  createdAt: z.string(),
});
export type ProductionRecord = z.infer<typeof ProductionRecord>;
