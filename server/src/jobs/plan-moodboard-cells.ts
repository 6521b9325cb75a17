/**
 * A moodboard as cells: every combination of the chosen lighting presets, model profiles and poses
 * (the category's cast and full-figure views when the brief leaves them open), spread evenly when the
 * board has fewer images than combinations and repeated as further takes when it has more. Each cell
 * gets its own prompt (the brief's environment and garment focus, the pose, the light, the model's
 * trigger word), its own seed, the LUT the lock grades that light with, and the swatches it shows in
 * that light; its caption names what it varies, in the lock's words.
 */
import { deltaE2000, deriveSeed, parseColor, type BrandLock, type Category, type LightingPreset, type LutRef, type ModelProfile, type PoseView, type Swatch } from '@brandlock/core';

export type MoodboardAxis = 'lighting' | 'model' | 'pose' | 'take';

export interface MoodboardBrief {
  count: number;
  environment: string;
  garmentFocus: string;
  lightingPresets?: string[];
  modelProfiles?: string[];
  views?: string[];
  swatches?: string[];
}

export interface PlannedCell {
  index: number;
  lighting: LightingPreset;
  model: ModelProfile;
  view: PoseView;
  take: number;
  varies: MoodboardAxis[];
  caption: string;
  prompt: string;
  seed: number;
  /** Swatches shown in this cell's light (offline studies), up to three. */
  swatches: Swatch[];
  lut: LutRef | null;
}

export interface MoodboardPlan {
  cells: PlannedCell[];
  /** The axes that do not vary, as "Label: value" lines for the board's header. */
  constants: string[];
}

export function planMoodboardCells(lock: BrandLock, category: Category, brief: MoodboardBrief, seedBase: string): MoodboardPlan {
  const lights = brief.lightingPresets?.length ? lock.lighting.filter((l) => brief.lightingPresets!.includes(l.id)) : lock.lighting;
  const modelIds = brief.modelProfiles?.length ? brief.modelProfiles : category.models;
  const models = modelIds.map((id) => lock.models.find((m) => m.id === id)!).filter(Boolean);
  const poseSet = lock.poseSets.find((p) => p.id === category.poseSet)!;
  const views = brief.views?.length ? poseSet.views.filter((v) => brief.views!.includes(v.id)) : poseSet.views.filter((v) => !v.detail);
  const combos: { lighting: LightingPreset; model: ModelProfile; view: PoseView }[] = [];
  for (const lighting of lights) for (const model of models) for (const view of views) combos.push({ lighting, model, view });
  const total = combos.length;
  const picks = brief.count <= total
    ? Array.from({ length: brief.count }, (_, j) => ({ combo: Math.floor((j * total) / brief.count), take: 1 }))
    : Array.from({ length: brief.count }, (_, j) => ({ combo: j % total, take: Math.floor(j / total) + 1 }));
  const varies: MoodboardAxis[] = [];
  if (lights.length > 1) varies.push('lighting');
  if (models.length > 1) varies.push('model');
  if (views.length > 1) varies.push('pose');
  if (brief.count > total) varies.push('take');
  const pool = brief.swatches?.length ? lock.palette.swatches.filter((s) => brief.swatches!.includes(s.id)) : lock.palette.swatches;
  const cells = picks.map(({ combo, take }, index): PlannedCell => {
    const { lighting, model, view } = combos[combo];
    const parts = [
      varies.includes('lighting') ? lighting.name : '',
      varies.includes('model') ? model.name : '',
      varies.includes('pose') ? view.name : '',
      take > 1 ? `take ${take}` : '',
    ].filter(Boolean);
    return {
      index,
      lighting,
      model,
      view,
      take,
      varies,
      caption: parts.join(' · ') || `${lighting.name} · ${model.name} · ${view.name}`,
      prompt: [
        'editorial moodboard image',
        brief.environment.trim(),
        brief.garmentFocus.trim(),
        `${model.lora.triggerWord ?? ''} ${model.name}`.trim(),
        view.promptFragment,
        lighting.promptFragment,
      ].filter(Boolean).join(', '),
      seed: deriveSeed(seedBase, String(index)),
      swatches: inThisLight(pool, lighting, index),
      lut: gradeFor(lock, category, lighting),
    };
  });
  const constants = [
    lights.length === 1 ? `Lighting: ${lights[0].name}` : '',
    models.length === 1 ? `Model: ${models[0].name}` : '',
    views.length === 1 ? `Pose: ${views[0].name}` : '',
  ].filter(Boolean);
  return { cells, constants };
}

/**
 * Three swatches that read against the light's backdrop, a different three (or order) for each cell.
 * Each cell starts three swatches on, and one more each time that wraps round the pool, so a small
 * pool (a story's three or six swatches) still gives neighbouring cells (the views of one light and
 * model) different lead colours: starting three on alone gave every cell of a three-swatch story the
 * same study.
 */
function inThisLight(pool: readonly Swatch[], lighting: LightingPreset, index: number): Swatch[] {
  const bg = parseColor(lighting.background);
  const readable = bg.success
    ? pool.filter((s) => {
        const c = parseColor(s.color);
        return c.success && deltaE2000(c.lab, bg.lab) > 15;
      })
    : [...pool];
  const from = readable.length >= 3 ? readable : pool;
  const out: Swatch[] = [];
  const start = index * 3 + Math.floor((index * 3) / from.length);
  for (let k = 0; k < Math.min(3, from.length); k++) out.push(from[(start + k) % from.length]);
  return out;
}

/** The LUT the lock grades this light with: the category's, else another category's that uses the light. */
function gradeFor(lock: BrandLock, category: Category, lighting: LightingPreset): LutRef | null {
  const owner = category.lighting === lighting.id && category.lut ? category : lock.categories.find((c) => c.lighting === lighting.id && c.lut);
  return owner?.lut ? (lock.luts.find((l) => l.id === owner.lut) ?? null) : null;
}
