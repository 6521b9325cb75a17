/**
 * What a planned moodboard cell becomes as a job: its recipe (the category's recipe with the cell's
 * prompt, model LoRA, light, pose, grade and a fixed seed) and, for the local provider, the study
 * spec with the blobs it reads (the model's reference image and the LUT file, when the server holds
 * them). GPU providers get no sources: they generate from the prompt and LoRA alone.
 */
import type { Category, ResolvedRecipe } from '@brandlock/core';
import type { Queryable } from '../store/database';
import type { StoredLock } from '../store/locks';
import { findBlob } from '../store/blobs';
import { lockFiles } from '../store/lock-files';
import type { CellStudySpec } from '../providers/local';
import type { PlannedCell } from './plan-moodboard-cells';

export function cellRecipe(category: Category, cell: PlannedCell): ResolvedRecipe {
  const r = category.recipe;
  return {
    prompt: cell.prompt,
    negativePrompt: r.negativePrompt,
    baseModel: r.baseModel,
    loras: [cell.model.lora, ...r.loras],
    width: r.width,
    height: r.height,
    steps: r.steps,
    guidance: r.guidance,
    seedPolicy: 'fixed',
    seed: cell.seed,
    modelProfile: cell.model.id,
    lightingPreset: cell.lighting.id,
    lut: cell.lut?.id ?? null,
    poseSet: category.poseSet,
    view: cell.view.id,
    textureNotes: r.textureNotes,
    drapeNotes: r.drapeNotes,
  };
}

/** Study specs for the local provider and the job sources they index (each blob listed once). */
export async function cellStudies(db: Queryable, stored: StoredLock, cells: readonly PlannedCell[]): Promise<{ sources: string[]; specs: CellStudySpec[]; missing: string[] }> {
  const paths = [...new Set(cells.map((c) => c.model.referenceImages[0]).filter((p): p is string => !!p))];
  const refs = await lockFiles(db, stored.summary.hash, paths);
  const sources: string[] = [];
  const missing = new Set<string>();
  const indexOf = (sha: string) => {
    const at = sources.indexOf(sha);
    if (at >= 0) return at;
    sources.push(sha);
    return sources.length - 1;
  };
  const lutOnServer = new Map<string, boolean>();
  for (const c of cells) {
    if (c.lut?.sha256 && !lutOnServer.has(c.lut.sha256)) lutOnServer.set(c.lut.sha256, !!(await findBlob(db, c.lut.sha256)));
  }
  const specs = cells.map((c): CellStudySpec => {
    const path = c.model.referenceImages[0];
    const ref = path ? refs.get(path) : undefined;
    if (path && !ref) missing.add(`${c.model.name}'s reference image ${path}`);
    const lutSha = c.lut?.sha256 && lutOnServer.get(c.lut.sha256) ? c.lut.sha256 : null;
    if (c.lut && !lutSha) missing.add(`LUT ${c.lut.file}`);
    return {
      index: c.index,
      caption: c.caption,
      lighting: c.lighting,
      model: { id: c.model.id, name: c.model.name },
      view: c.view,
      swatches: c.swatches,
      seed: c.seed,
      referenceSource: ref ? indexOf(ref) : null,
      lut: c.lut && lutSha ? { id: c.lut.id, name: c.lut.name, source: indexOf(lutSha) } : null,
    };
  });
  return { sources, specs, missing: [...missing] };
}

/** One cell's study with only the blobs it reads, re-indexed for a job of its own. */
export function cellJobStudy(spec: CellStudySpec, all: readonly string[]): { sources: string[]; spec: CellStudySpec } {
  const sources: string[] = [];
  const take = (i: number) => {
    sources.push(all[i]);
    return sources.length - 1;
  };
  const referenceSource = spec.referenceSource === null ? null : take(spec.referenceSource);
  const lut = spec.lut ? { ...spec.lut, source: take(spec.lut.source) } : null;
  return { sources, spec: { ...spec, referenceSource, lut } };
}
