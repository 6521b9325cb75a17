/**
 * Seed garment categories every fashion brand starts from, with recipe and QC defaults.
 * Fine knitwear, sheers, embellished and leather are the hard ones (texture, transparency, sparkle,
 * specular sheen): they get tighter thresholds and a person looks at every image.
 */
import type { Recipe } from './recipe';
import type { QcThresholds } from './qc-thresholds';

export const SEED_CATEGORY_IDS = [
  'wovens',
  'denim',
  'jersey-knits',
  'structured-outerwear',
  'fine-knitwear',
  'sheers',
  'embellished',
  'leather',
] as const;
export type SeedCategoryId = (typeof SEED_CATEGORY_IDS)[number];

export interface SeedCategory {
  name: string;
  recipe: Recipe;
  qc: QcThresholds;
}

const PROMPT =
  'e-commerce fashion photograph of {model} {trigger} wearing a {color} {fabric} {silhouette}, {fabricWeight}, {pose}, {lighting}, {texture}, {drape}';
const NEGATIVE =
  'extra fingers, deformed hands, extra limbs, distorted anatomy, text, watermark, logo distortion, colour shift, blurry fabric, plastic skin';

const baseRecipe: Recipe = {
  promptTemplate: PROMPT,
  negativePrompt: NEGATIVE,
  baseModel: 'flux-1-dev',
  loras: [],
  width: 1024,
  height: 1536,
  steps: 28,
  guidance: 3.5,
  seed: { policy: 'per-sku' },
  textureNotes: '',
  drapeNotes: '',
};

const standardQc: QcThresholds = {
  maxDeltaE00: 3,
  flagDeltaE00: 2,
  maxColorDriftDeltaE00: 1.5,
  exposure: { maxHighlightClipPct: 0.5, maxShadowClipPct: 1, maxEvDeviation: 0.5, maxDriftEv: 0.33 },
  maxBlurPx: 1.1,
  compression: { minJpegQuality: 45, maxBlockiness: 2 },
  whiteBalance: { maxCastDeltaE00: 2.5 },
  background: { maxNonUniformity: 3, maxStrayPct: 0.5, maxHaloDeltaE00: 6, maxNonWhitePct: 0.5, maxDriftDeltaE00: 2 },
  humanReview: 'on-flag',
};

const strictQc: QcThresholds = {
  maxDeltaE00: 2,
  flagDeltaE00: 1.2,
  maxColorDriftDeltaE00: 1,
  exposure: { maxHighlightClipPct: 0.2, maxShadowClipPct: 0.5, maxEvDeviation: 0.33, maxDriftEv: 0.25 },
  maxBlurPx: 1,
  compression: { minJpegQuality: 60, maxBlockiness: 1.8 },
  whiteBalance: { maxCastDeltaE00: 1.5 },
  background: { maxNonUniformity: 2.5, maxStrayPct: 0.3, maxHaloDeltaE00: 4, maxNonWhitePct: 0.3, maxDriftDeltaE00: 1.5 },
  humanReview: 'always',
};

function seed(name: string, recipe: Partial<Recipe>, qc: QcThresholds): SeedCategory {
  return { name, recipe: { ...baseRecipe, ...recipe }, qc };
}

export const SEED_CATEGORIES: Readonly<Record<SeedCategoryId, SeedCategory>> = {
  wovens: seed('Wovens', { textureNotes: 'crisp plain weave, visible yarn structure at zoom', drapeNotes: 'structured fall, soft creases only at joints' }, standardQc),
  denim: seed('Denim', { textureNotes: 'twill diagonal visible, natural indigo fade and whiskering', drapeNotes: 'stiff fall, stacked at the hem' }, { ...standardQc, maxBlurPx: 1 }),
  'jersey-knits': seed('Jersey knits', { textureNotes: 'fine single-jersey loops, matte surface', drapeNotes: 'soft cling following the body, no tension lines' }, standardQc),
  'structured-outerwear': seed('Structured outerwear', { textureNotes: 'dense wool or technical shell, clean seams', drapeNotes: 'holds its shape, sharp shoulders and lapels' }, { ...standardQc, maxBlurPx: 1 }),
  'fine-knitwear': seed('Fine knitwear', { steps: 32, textureNotes: 'individual stitches and rib visible, fine gauge, slight halo on merino or cashmere', drapeNotes: 'relaxed fall, ribbed cuffs and hem hug' }, strictQc),
  sheers: seed('Sheers', { steps: 34, guidance: 3, textureNotes: 'translucent layers, skin visible through the fabric at the right opacity', drapeNotes: 'floating, layered folds with soft edges' }, { ...strictQc, background: { ...strictQc.background, maxHaloDeltaE00: 8 } }),
  embellished: seed('Embellished', { steps: 36, textureNotes: 'each sequin, bead or embroidery thread crisp, controlled sparkle without blown highlights', drapeNotes: 'weighted fall from the embellishment' }, { ...strictQc, exposure: { ...strictQc.exposure, maxHighlightClipPct: 1 }, maxBlurPx: 0.9 }),
  leather: seed('Leather', { steps: 32, textureNotes: 'natural grain, soft specular sheen, no plastic look', drapeNotes: 'heavy, creases at elbows and waist' }, { ...strictQc, exposure: { ...strictQc.exposure, maxHighlightClipPct: 0.5 } }),
};
