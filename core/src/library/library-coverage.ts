/**
 * Coverage of a season by usable source photos: for every planned SKU and colourway, the sources it
 * has (the brief's `source_images`, and library assets whose SKU is that SKU) and which of them are
 * usable. A brief source that names a library asset (`library:<sha256>`) counts as that asset; a plain
 * file path counts as given but unchecked until it is in the library.
 */
import type { PlannedJob } from '../brief/planned-job';

export interface CoverageAsset {
  id: string;
  sku: string | null;
  usable: boolean;
  path: string;
}

export interface SkuCoverage {
  sku: string;
  colorway: string;
  category: string;
  sources: string[];
  usable: string[];
  problem: string | null;
}

/**
 * @example libraryCoverage(plan.jobs, assets).filter((s) => s.problem)
 */
export function libraryCoverage(jobs: readonly PlannedJob[], assets: readonly CoverageAsset[]): SkuCoverage[] {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const bySku = new Map<string, CoverageAsset[]>();
  for (const a of assets) if (a.sku) bySku.set(a.sku.toLowerCase(), [...(bySku.get(a.sku.toLowerCase()) ?? []), a]);
  const seen = new Set<string>();
  const out: SkuCoverage[] = [];
  for (const j of jobs) {
    const key = `${j.sku}\u001f${j.colorway}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const sources: string[] = [];
    const usable: string[] = [];
    const problems: string[] = [];
    for (const s of j.sources) {
      const lib = /^library:([0-9a-f]{64})$/.exec(s);
      if (!lib) {
        sources.push(s);
        usable.push(s);
        continue;
      }
      const a = byId.get(lib[1]);
      sources.push(s);
      if (!a) problems.push(`${s} is not in the library`);
      else if (a.usable) usable.push(s);
      else problems.push(`${a.path} is not usable`);
    }
    for (const a of bySku.get(j.sku.toLowerCase()) ?? []) {
      const ref = `library:${a.id}`;
      if (sources.includes(ref)) continue;
      sources.push(ref);
      if (a.usable) usable.push(ref);
    }
    const problem = usable.length ? null : sources.length ? `no usable source (${problems.join('; ') || 'the library\'s photos of it are not usable'})` : 'no source image: none in the brief, none in the library for this SKU';
    out.push({ sku: j.sku, colorway: j.colorway, category: j.category, sources, usable, problem });
  }
  return out;
}
