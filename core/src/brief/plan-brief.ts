/**
 * plan(brief, lock): one job per SKU x view with the recipe fully resolved from the lock, the lock
 * hash, a recipe hash and the channels to render. Deterministic: same inputs, same plan, same hashes.
 * Rows that do not fit the lock (unknown category, swatch, channel, view or model) are reported
 * with their row and column, and the rest is planned.
 */
import type { BrandLock } from '../brand/brand-lock';
import { lockHash as hashOfLock } from '../brand/load-brand-lock';
import type { Category } from '../brand/category';
import { PROMPT_PLACEHOLDERS, fillTemplate } from '../brand/placeholders';
import { suggest } from '../brand/suggest';
import { contentHash, sha256Hex } from '../hash/sha256';
import type { BriefIssue } from './brief-issue';
import type { Brief, BriefRow } from './brief-row';
import type { PlannedJob, ResolvedRecipe } from './planned-job';
import { resolveSwatch } from './resolve-swatch';
import { deriveSeed } from './derive-seed';
import { planVideo } from './plan-video';

export interface Plan {
  lockHash: string;
  /** Hash of the planned jobs: changes when anything that decides an image changes. */
  planHash: string;
  jobs: PlannedJob[];
  /** SKU rows planned (each gives one job per view). */
  skuCount: number;
  issues: BriefIssue[];
}

/**
 * @example
 * const plan = planBrief(parseBrief(csv).brief, lock, lockHash);
 * plan.jobs.length // SKUs x views
 */
export function planBrief(brief: Brief, lock: BrandLock, lockHash: string = hashOfLock(lock)): Plan {
  const issues: BriefIssue[] = [];
  const jobs: PlannedJob[] = [];
  let skuCount = 0;
  for (const row of brief.rows) {
    const res = planRow(row, lock, lockHash);
    issues.push(...res.issues);
    if (res.jobs) {
      jobs.push(...res.jobs);
      skuCount++;
    }
  }
  return { lockHash, planHash: contentHash(jobs.map((j) => [j.id, j.recipeHash, j.channels, j.swatch.lab])), jobs, skuCount, issues };
}

function planRow(row: BriefRow, lock: BrandLock, lockHash: string): { jobs: PlannedJob[] | null; issues: BriefIssue[] } {
  const issues: BriefIssue[] = [];
  const bad = (column: string, message: string, found: string, expected: string) =>
    issues.push({ row: row.row, column, code: 'not_in_lock', severity: 'error', message, found: JSON.stringify(found), expected, sku: row.sku });
  const ids = <T extends { id: string }>(xs: readonly T[]) => xs.map((x) => x.id);
  const didYouMean = (id: string, known: string[]) => {
    const g = suggest(id, known);
    return g ? `; did you mean "${g}"?` : '';
  };

  const category = lock.categories.find((c) => c.id === row.category);
  if (!category) {
    bad('category', `no category "${row.category}" in the lock${didYouMean(row.category, ids(lock.categories))}`, row.category, `one of ${ids(lock.categories).join(', ')}`);
    return { jobs: null, issues };
  }
  const swatch = resolveSwatch(row.swatch, lock.palette, category.qc.maxDeltaE00, row.colorway);
  if (!swatch.success) bad('swatch', swatch.message, row.swatch, swatch.expected);

  const poseSet = lock.poseSets.find((p) => p.id === category.poseSet)!;
  const viewIds = ids(poseSet.views);
  for (const v of row.views ?? []) if (!viewIds.includes(v)) bad('views', `view "${v}" is not in pose set ${poseSet.id}${didYouMean(v, viewIds)}`, v, `some of ${viewIds.join(', ')}`);
  const views = row.views ? poseSet.views.filter((v) => row.views!.includes(v.id)) : poseSet.views.filter((v) => v.required);

  const channelIds = ids(lock.channels);
  for (const c of row.channels ?? []) if (!channelIds.includes(c)) bad('channels', `no channel "${c}" in the lock${didYouMean(c, channelIds)}`, c, `some of ${channelIds.join(', ')}`);
  const wanted = row.channels ?? category.channels ?? channelIds;
  const channels = wanted.filter((id) => {
    const spec = lock.channels.find((c) => c.id === id);
    return spec && (spec.markets.length === 0 || row.markets.length === 0 || spec.markets.some((m) => row.markets.includes(m)));
  });

  if (row.model && !category.models.includes(row.model)) {
    bad('model', `model "${row.model}" is not cast for category ${category.id}`, row.model, `one of ${category.models.join(', ')}`);
  }
  for (const v of row.videoViews ?? []) if (!views.some((w) => w.id === v)) bad('video_views', `view "${v}" is not planned for this SKU, so it has no still to make a video from`, v, `some of ${views.map((w) => w.id).join(', ')}`);
  if (issues.length || !swatch.success) return { jobs: null, issues };

  const modelId = row.model ?? category.models[parseInt(sha256Hex(row.sku).slice(0, 8), 16) % category.models.length];
  const jobs = views.map((view) => {
    const recipe = resolveRecipe(row, lock, category, modelId, view.id, swatch.swatch.name);
    const job: PlannedJob = {
      id: `job_${sha256Hex([lockHash, row.sku, row.colorway, view.id].join('\u001f')).slice(0, 20)}`,
      row: row.row,
      sku: row.sku,
      colorway: row.colorway,
      category: category.id,
      view: view.id,
      viewName: view.name,
      detail: view.detail,
      swatch: swatch.swatch,
      sources: row.sourceImages,
      recipe,
      recipeHash: contentHash(recipe),
      lockHash,
      qc: category.qc,
      channels,
      markets: row.markets,
      notes: row.notes,
    };
    if (row.videoViews?.includes(view.id)) {
      const video = planVideo(row, lock, category, view.id, lockHash, recipeValues(row, lock, category, modelId, view.id, swatch.swatch.name));
      if (video.success) job.video = video.video;
      else bad('video_views', video.message, view.id, video.expected);
    }
    return job;
  });
  if (issues.length) return { jobs: null, issues };
  return { jobs, issues };
}

/** What fills a prompt template's placeholders for one SKU view. */
function recipeValues(row: BriefRow, lock: BrandLock, category: Category, modelId: string, viewId: string, colorName: string): Record<keyof typeof PROMPT_PLACEHOLDERS, string> {
  const model = lock.models.find((m) => m.id === modelId)!;
  const lighting = lock.lighting.find((l) => l.id === category.lighting)!;
  const view = lock.poseSets.find((p) => p.id === category.poseSet)!.views.find((v) => v.id === viewId)!;
  const r = category.recipe;
  return {
    sku: row.sku,
    colorway: row.colorway,
    category: category.name,
    fabric: row.fabric,
    fabricWeight: row.fabricWeight,
    silhouette: row.silhouette,
    color: colorName,
    view: view.name,
    pose: view.promptFragment,
    lighting: lighting.promptFragment,
    model: model.name,
    trigger: model.lora.triggerWord ?? '',
    texture: r.textureNotes,
    drape: r.drapeNotes,
    notes: row.notes,
  };
}

function resolveRecipe(row: BriefRow, lock: BrandLock, category: Category, modelId: string, viewId: string, colorName: string): ResolvedRecipe {
  const model = lock.models.find((m) => m.id === modelId)!;
  const lighting = lock.lighting.find((l) => l.id === category.lighting)!;
  const poseSet = lock.poseSets.find((p) => p.id === category.poseSet)!;
  const r = category.recipe;
  const values = recipeValues(row, lock, category, modelId, viewId, colorName);
  const seed = r.seed.policy === 'fixed' ? r.seed.value : r.seed.policy === 'per-sku' ? deriveSeed(lock.brand.id, row.sku, row.colorway, viewId) : null;
  return {
    prompt: fillTemplate(r.promptTemplate, values),
    negativePrompt: r.negativePrompt,
    baseModel: r.baseModel,
    loras: [model.lora, ...r.loras],
    width: r.width,
    height: r.height,
    steps: r.steps,
    guidance: r.guidance,
    seedPolicy: r.seed.policy,
    seed,
    modelProfile: model.id,
    lightingPreset: lighting.id,
    lut: category.lut,
    poseSet: poseSet.id,
    view: viewId,
    textureNotes: r.textureNotes,
    drapeNotes: r.drapeNotes,
  };
}
