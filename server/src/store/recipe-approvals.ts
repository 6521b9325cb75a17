/** Recipe approvals in the database (migration 009), written with their audit event in one transaction. */
import type { RecipeApproval } from '@brandlock/core';
import type { Database, Queryable } from './database';
import { recordEvent, type Actor } from './audit-events';

interface Row {
  brand: string;
  category: string;
  recipe_hash: string;
  decision: 'approved' | 'revoked';
  actor: string;
  note: string;
  lock_version: string | null;
  lock_hash: string | null;
  pilot: string | null;
  at: Date | string;
}

/** Every approval and revocation of a brand, oldest first. */
export async function listRecipeApprovals(db: Queryable, brand: string): Promise<RecipeApproval[]> {
  const rows = await db.query<Row>('SELECT * FROM recipe_approvals WHERE brand = $1 ORDER BY at, id', [brand]);
  return rows.map((r) => ({
    brand: r.brand,
    category: r.category,
    recipeHash: r.recipe_hash,
    decision: r.decision,
    by: r.actor,
    at: new Date(r.at).toISOString(),
    note: r.note,
    ...(r.lock_version ? { lockVersion: r.lock_version } : {}),
    ...(r.lock_hash ? { lockHash: r.lock_hash } : {}),
    ...(r.pilot ? { pilot: r.pilot } : {}),
  }));
}

/** Records a decision and its `recipe.approve` / `recipe.revoke` audit event together. */
export async function recordRecipeApproval(db: Database, actor: Actor, a: Omit<RecipeApproval, 'by' | 'at'>): Promise<RecipeApproval> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ at: Date | string }>(
      'INSERT INTO recipe_approvals (brand, category, recipe_hash, decision, actor, token_id, note, lock_version, lock_hash, pilot) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING at',
      [a.brand, a.category, a.recipeHash, a.decision, actor.name, actor.tokenId, a.note, a.lockVersion ?? null, a.lockHash ?? null, a.pilot ?? null],
    );
    await recordEvent(tx, actor, a.decision === 'approved' ? 'recipe.approve' : 'recipe.revoke', `${a.brand}/${a.category}`, { recipeHash: a.recipeHash, lockVersion: a.lockVersion, lockHash: a.lockHash, note: a.note, pilot: a.pilot });
    return { ...a, by: actor.name, at: new Date(rows[0].at).toISOString() };
  });
}
