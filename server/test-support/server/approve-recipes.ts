/**
 * Approves the current lock's recipes through the API, as an art director does after a pilot, for
 * tests whose subject is what happens after approval (generation, QC, delivery), not the gate. Takes
 * a typed client or a TestServer's `request`.
 */
import type { BrandlockClient } from '@brandlock/core/api';
import type { TestResponse } from './test-server';

type Request = (path: string, init?: RequestInit & { token?: string | null }) => Promise<TestResponse | Response>;

export async function approveCurrentRecipes(via: BrandlockClient | Request): Promise<void> {
  if (typeof via !== 'function') {
    for (const r of (await via.recipes.list()).recipes) if (!r.approval) await via.recipes.decide(r.category, { recipeHash: r.recipeHash, note: 'approved by the test set-up' });
    return;
  }
  const list = (await (await via('/v1/recipes')).json()) as { recipes: { category: string; recipeHash: string; approval: unknown }[] };
  for (const r of list.recipes) {
    if (r.approval) continue;
    const res = await via(`/v1/recipes/${r.category}/approval`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ recipeHash: r.recipeHash, note: 'approved by the test set-up' }) });
    if (res.status !== 201) throw new Error(`approving ${r.category}: HTTP ${res.status} ${await res.text()}`);
  }
}
