/**
 * Builds a production record from what the job knew (lock, recipe, request) and what the provider and
 * storage returned (output bytes, seed, model version, note). One place assembles it, so every asset's
 * record has the same fields whichever provider made it.
 */
import type { ResolvedRecipe } from '../brief/planned-job';
import type { PostRecord, ProductionRecord, RecordedLoraWeights, RecordedVideo } from './production-record';
import type { QcOutcome } from './qc-outcome';

export interface ProductionRecordInput {
  assetId: string;
  output: { sha256: string; contentType: string; width: number; height: number; bytes: number; index: number; seed?: number | null; note?: string | null; channel?: string | null };
  job: {
    id: string;
    kind: ProductionRecord['kind'];
    briefId?: string | null;
    row?: number | null;
    sku?: string | null;
    colorway?: string | null;
    category?: string | null;
    requestedBy: string;
    requestedAt: string;
    sources: string[];
  };
  lock: { hash: string; brand: string; version: string };
  recipe: ResolvedRecipe;
  recipeHash: string;
  provider: { name: string; jobId: string | null; model?: string | null; modelVersion?: string | null; costUsd?: number | null; loras?: readonly RecordedLoraWeights[] };
  qc: QcOutcome;
  post?: PostRecord | null;
  video?: RecordedVideo | null;
  timings?: { queuedMs: number; generateMs: number } | null;
  createdAt: string;
}

/**
 * The seed recorded is the one the provider reports; failing that, the recipe's resolved seed (null
 * when the policy was "random" and the provider did not say).
 * @example
 * const record = buildProductionRecord({ assetId: 'a1', output, job, lock, recipe, recipeHash, provider: { name: 'local', jobId: 'local:1' }, qc, createdAt });
 * record.lightingPreset === recipe.lightingPreset // true
 */
export function buildProductionRecord(input: ProductionRecordInput): ProductionRecord {
  const { output, job, recipe } = input;
  const seed = output.seed ?? recipe.seed ?? null;
  return {
    assetId: input.assetId,
    sha256: output.sha256,
    contentType: output.contentType,
    width: output.width,
    height: output.height,
    bytes: output.bytes,
    index: output.index,
    jobId: job.id,
    kind: job.kind,
    briefId: job.briefId ?? null,
    row: job.row ?? null,
    sku: job.sku ?? null,
    colorway: job.colorway ?? null,
    category: job.category ?? null,
    view: recipe.view || null,
    channel: output.channel ?? null,
    lock: { ...input.lock },
    recipe: { ...recipe, loras: recipe.loras.map((l) => ({ ...l })) },
    recipeHash: input.recipeHash,
    modelProfile: recipe.modelProfile,
    lightingPreset: recipe.lightingPreset,
    poseSet: recipe.poseSet,
    provider: input.provider.name,
    providerJobId: input.provider.jobId,
    model: input.provider.model ?? recipe.baseModel ?? null,
    modelVersion: input.provider.modelVersion ?? null,
    seed,
    loraWeights: (input.provider.loras ?? []).map((l) => ({ ...l })),
    note: output.note ?? null,
    sources: [...job.sources],
    post: input.post ?? null,
    video: input.video ?? null,
    timings: input.timings ?? null,
    qc: input.qc,
    reviews: [],
    costUsd: input.provider.costUsd ?? null,
    requestedBy: job.requestedBy,
    requestedAt: job.requestedAt,
    createdAt: input.createdAt,
  };
}
