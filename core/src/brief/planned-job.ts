/**
 * A planned job: one SKU in one view, with the recipe fully resolved from the lock. Providers,
 * the server queue, QC and delivery all work from this; nothing downstream re-reads the lock to
 * decide how an image is made.
 */
import type { Lab } from '../color/lab';
import type { LoraRef } from '../brand/model-profile';
import type { QcThresholds } from '../brand/qc-thresholds';
import type { SeedPolicy } from '../brand/recipe';
import type { PlannedVideo } from './planned-video';

export interface ResolvedRecipe {
  /** The prompt with every `{placeholder}` filled. */
  prompt: string;
  negativePrompt: string;
  baseModel: string;
  /** The model profile's LoRA first, then the recipe's own. */
  loras: LoraRef[];
  width: number;
  height: number;
  steps: number;
  guidance: number;
  seedPolicy: SeedPolicy['policy'];
  /** Null when the policy is "random": the provider picks and the audit records it. */
  seed: number | null;
  modelProfile: string;
  lightingPreset: string;
  lut: string | null;
  poseSet: string;
  view: string;
  textureNotes: string;
  drapeNotes: string;
}

/** The colour a SKU must match, resolved from the brief's swatch column. */
export interface TargetSwatch {
  /** What the brief said: a hex, a lab(), or a palette swatch id. */
  input: string;
  lab: Lab;
  hex: string | null;
  /** The palette swatch when the brief named one (or null). */
  swatchId: string | null;
  name: string;
  /** Max ΔE00 for this colour: the swatch's own tolerance, else the category threshold. */
  tolerance: number;
}

export interface PlannedJob {
  /** Deterministic: the same lock, SKU and view always give the same id. */
  id: string;
  /** 1-based data row in the brief (the header is row 1 in a CSV, so the first SKU is row 2). */
  row: number;
  sku: string;
  colorway: string;
  category: string;
  view: string;
  viewName: string;
  /** A detail view: crops may cut the garment. */
  detail: boolean;
  swatch: TargetSwatch;
  /** Source images (flat-lays, packshots) as written in the brief, relative to the brief file. */
  sources: string[];
  recipe: ResolvedRecipe;
  recipeHash: string;
  lockHash: string;
  qc: QcThresholds;
  /** Channel ids to render for this job's master. */
  channels: string[];
  markets: string[];
  notes: string;
  /** The product video loop made from this view's approved still, when the brief asks for one. */
  video?: PlannedVideo | null;
}
