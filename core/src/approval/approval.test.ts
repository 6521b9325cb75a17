// The recipe hash an approval is tied to moves with the look (recipe, light, LUT, cast, poses) and
// not with how images are judged or delivered; the pilot picks each category's colour extremes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBrandLock, type BrandLock } from '../brand';
import { parseBrief, planBrief } from '../brief';
import { approvalStatus, categoryRecipeHash, selectPilot } from './index';

const doc = JSON.parse(readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8'));
const load = (d: unknown): BrandLock => {
  const res = loadBrandLock(d);
  if (!res.success) throw new Error(JSON.stringify(res.issues));
  return res.lock;
};
const base = load(doc);

describe('categoryRecipeHash', () => {
  it('ignores QC thresholds, channels and the palette; follows recipe, lighting and LoRA changes', () => {
    const same = structuredClone(doc);
    same.categories.find((c: { id: string }) => c.id === 'denim').qc = { maxDeltaE00: 1.5 };
    same.palette.swatches.push({ id: 'new', name: 'New', color: '#123456' });
    expect(categoryRecipeHash(load(same), 'denim')).toBe(categoryRecipeHash(base, 'denim'));
    const light = structuredClone(doc);
    light.lighting.find((l: { id: string }) => l.id === 'editorial-cool').colorTemperatureK = 6000;
    expect(categoryRecipeHash(load(light), 'outerwear')).not.toBe(categoryRecipeHash(base, 'outerwear'));
    expect(categoryRecipeHash(load(light), 'denim')).toBe(categoryRecipeHash(base, 'denim'));
    const lora = structuredClone(doc);
    lora.models.find((m: { id: string }) => m.id === 'kofi').lora.ref = 'northfold/models/kofi-v3';
    expect(categoryRecipeHash(load(lora), 'denim')).not.toBe(categoryRecipeHash(base, 'denim'));
  });
});

describe('approvalStatus', () => {
  it('a revocation after an approval leaves the category unapproved', () => {
    const hash = categoryRecipeHash(base, 'jersey');
    const a = { brand: 'northfold', category: 'jersey', recipeHash: hash, by: 'Ines', note: '' };
    const st = approvalStatus(base, [{ ...a, decision: 'approved', at: '2026-12-01T10:00:00Z' }, { ...a, decision: 'revoked', at: '2026-12-02T10:00:00Z' }], ['jersey']);
    expect(st[0].approval).toBeNull();
    expect(st[0].message).toMatch(/approval revoked by Ines on 2026-12-02/);
  });
});

describe('selectPilot', () => {
  it('picks the darkest and lightest colourways of a category first, deterministically', () => {
    const brief = parseBrief(readFileSync(new URL('../../../samples/brief.csv', import.meta.url), 'utf8')).brief;
    const plan = planBrief(brief, base);
    const picks = selectPilot(plan.jobs, 2);
    for (const [category, keys] of picks) {
      const skus = [...new Map(plan.jobs.filter((j) => j.category === category).map((j) => [j.sku, j])).values()];
      expect(keys.length).toBe(Math.min(2, skus.length));
      const ls = skus.map((j) => j.swatch.lab.l);
      const picked = keys.map((k) => skus.find((j) => `${j.sku}\u001f${j.colorway}` === k)!.swatch.lab.l);
      expect(picked[0]).toBe(Math.min(...ls));
      if (skus.length > 1) expect(picked[1]).toBe(Math.max(...ls));
    }
    expect(selectPilot(plan.jobs, 2)).toEqual(picks);
  });
});
