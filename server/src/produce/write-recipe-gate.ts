/**
 * `recipe-approvals.json` in the delivery folder: whether the run was a pilot, and for each category
 * the recipe hash it was made with and the approval that allowed it (who, when) or why it was refused,
 * so the delivery itself says on whose sign-off it was produced.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecipeGate } from './gate-recipes';

export async function writeRecipeGate(outDir: string, gate: RecipeGate): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, 'recipe-approvals.json');
  const body = {
    run: gate.mode,
    categories: gate.status.map((s) => ({ category: s.category, name: s.name, recipeHash: s.recipeHash, approved: Boolean(s.approval), by: s.approval?.by ?? null, at: s.approval?.at ?? null, note: s.approval?.note ?? null, message: s.message })),
  };
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(body, null, 2)}\n`);
  await rename(tmp, path);
  return path;
}
