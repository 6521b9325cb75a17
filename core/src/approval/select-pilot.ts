/**
 * The pilot pass: N SKUs per category from a planned brief, chosen to show the range an art director
 * must judge rather than the first rows: the darkest and the lightest colourway first, then each
 * next SKU the one farthest in colour (ΔE00) from those already picked. Deterministic for a brief.
 */
import type { PlannedJob } from '../brief/planned-job';
import { deltaE2000 } from '../color/delta-e-2000';

/**
 * The SKUs (by `sku` + colourway) to pilot, per category.
 * @example selectPilot(plan.jobs, 2) // Map { 'denim' => ['NF-DN-2001\u001fIndigo', ...] }
 */
export function selectPilot(jobs: readonly PlannedJob[], perCategory: number): Map<string, string[]> {
  const byCategory = new Map<string, PlannedJob[]>();
  const seen = new Set<string>();
  for (const j of jobs) {
    const key = skuKey(j);
    if (seen.has(key)) continue;
    seen.add(key);
    byCategory.set(j.category, [...(byCategory.get(j.category) ?? []), j]);
  }
  const out = new Map<string, string[]>();
  for (const [category, skus] of byCategory) {
    const picked: PlannedJob[] = [];
    const rest = [...skus];
    const take = (i: number) => picked.push(rest.splice(i, 1)[0]);
    if (rest.length) take(indexOfExtreme(rest, (a, b) => a.swatch.lab.l < b.swatch.lab.l));
    if (rest.length && picked.length < perCategory) take(indexOfExtreme(rest, (a, b) => a.swatch.lab.l > b.swatch.lab.l));
    while (rest.length && picked.length < perCategory) {
      let best = 0;
      let bestD = -1;
      rest.forEach((j, i) => {
        const d = Math.min(...picked.map((p) => deltaE2000(p.swatch.lab, j.swatch.lab)));
        if (d > bestD + 1e-9) {
          best = i;
          bestD = d;
        }
      });
      take(best);
    }
    out.set(category, picked.slice(0, perCategory).map(skuKey));
  }
  return out;
}

/** SKU and colourway, the unit a pilot picks. */
export function skuKey(j: Pick<PlannedJob, 'sku' | 'colorway'>): string {
  return `${j.sku}\u001f${j.colorway}`;
}

function indexOfExtreme(jobs: PlannedJob[], better: (a: PlannedJob, b: PlannedJob) => boolean): number {
  let best = 0;
  jobs.forEach((j, i) => {
    if (better(j, jobs[best])) best = i;
  });
  return best;
}
