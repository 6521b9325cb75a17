/**
 * What a `produce` run may make, by recipe approval. A pilot (`--pilot N`) makes N SKUs per category
 * (chosen by core's selectPilot to span each category's colours) whatever their approval: it is what
 * an art director approves from. A full run makes only categories whose current recipe hash is
 * approved; the others are refused by name with the reason, unless approval is skipped on purpose.
 */
import { approvalStatus, selectPilot, type BrandLock, type CategoryApproval, type PlannedJob, type RecipeApproval } from '@brandlock/core';
import type { InputProblem } from './upload-inputs';

export interface RecipeGate {
  mode: 'pilot' | 'full' | 'full-unchecked';
  jobs: PlannedJob[];
  /** SKUs to queue, or undefined for all of the brief. */
  skus: string[] | undefined;
  status: CategoryApproval[];
  problems: InputProblem[];
}

export function gateRecipes(input: { lock: BrandLock; jobs: PlannedJob[]; approvals: readonly RecipeApproval[]; pilot?: number; skipApproval?: boolean }): RecipeGate {
  const categories = [...new Set(input.jobs.map((j) => j.category))];
  const status = approvalStatus(input.lock, input.approvals, categories);
  if (input.pilot) {
    const picked = new Set([...selectPilot(input.jobs, input.pilot).values()].flat().map((k) => k.split('\u001f')[0]));
    const jobs = input.jobs.filter((j) => picked.has(j.sku));
    return { mode: 'pilot', jobs, skus: [...picked], status, problems: [] };
  }
  if (input.skipApproval) return { mode: 'full-unchecked', jobs: input.jobs, skus: undefined, status, problems: [] };
  const refused = new Set(status.filter((s) => !s.approval).map((s) => s.category));
  if (!refused.size) return { mode: 'full', jobs: input.jobs, skus: undefined, status, problems: [] };
  const jobs = input.jobs.filter((j) => !refused.has(j.category));
  const problems = status
    .filter((s) => !s.approval)
    .map((s) => ({ where: `category ${s.category}`, message: `refused, ${new Set(input.jobs.filter((j) => j.category === s.category).map((j) => j.sku)).size} SKUs not produced: ${s.message} (or pass --skip-approval)` }));
  return { mode: 'full', jobs, skus: [...new Set(jobs.map((j) => j.sku))], status, problems };
}
