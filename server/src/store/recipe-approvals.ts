/** Recipe approvals in the database (migration 009), written with their audit event in one transaction. */
import type { RecipeApproval } from '@brandlock/core';
import type { Database, Queryable } from './database';
import { recordEvent, type Actor } from './audit-events';
import { createReadMemory } from './read-memory';

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

/** How long the recipe gate trusts the approvals it read when no write went through this process. */
export const APPROVALS_MEMORY_MS = 1000;
const remembered = createReadMemory<RecipeApproval[]>(APPROVALS_MEMORY_MS);

/**
 * The brand's approvals as the recipe gate reads them on every submission: remembered for a second;
 * a decision recorded through this process is seen by the next read, one by another process within the second.
 */
export function recipeApprovalsForGate(db: Queryable, brand: string): Promise<RecipeApproval[]> {
  return remembered.read(db, brand, () => listRecipeApprovals(db, brand));
}

/** Records a decision and its `recipe.approve` / `recipe.revoke` audit event together. */
export async function recordRecipeApproval(db: Database, actor: Actor, a: Omit<RecipeApproval, 'by' | 'at'>): Promise<RecipeApproval> {
  const recorded = await db.transaction(async (tx) => {
    const rows = await tx.query<{ at: Date | string }>(
      'INSERT INTO recipe_approvals (brand, category, recipe_hash, decision, actor, token_id, note, lock_version, lock_hash, pilot) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING at',
      [a.brand, a.category, a.recipeHash, a.decision, actor.name, actor.tokenId, a.note, a.lockVersion ?? null, a.lockHash ?? null, a.pilot ?? null],
    );
    await recordEvent(tx, actor, a.decision === 'approved' ? 'recipe.approve' : 'recipe.revoke', `${a.brand}/${a.category}`, { recipeHash: a.recipeHash, lockVersion: a.lockVersion, lockHash: a.lockHash, note: a.note, pilot: a.pilot });
    return { ...a, by: actor.name, at: new Date(rows[0].at).toISOString() };
  });
  remembered.forget(db);
  return recorded;
}

/**
 * Copies decisions from an offline ledger into the database, keeping who and when, skipping ones
 * already there (the same brand, category, hash, decision, person and time); one `recipe.import`
 * event names the ledger. `produce` runs its in-process server this way, so the server's gate reads
 * the same approvals as the run's.
 */
export async function importRecipeApprovals(db: Database, actor: Actor, approvals: readonly RecipeApproval[], source: string): Promise<number> {
  const added = await db.transaction(async (tx) => {
    let added = 0;
    for (const a of approvals) {
      const rows = await tx.query(
        `INSERT INTO recipe_approvals (brand, category, recipe_hash, decision, actor, token_id, note, lock_version, lock_hash, pilot, at)
         SELECT $1,$2,$3,$4,$5,NULL,$6,$7,$8,$9,$10
         WHERE NOT EXISTS (SELECT 1 FROM recipe_approvals WHERE brand = $1 AND category = $2 AND recipe_hash = $3 AND decision = $4 AND actor = $5 AND at = $10)
         RETURNING id`,
        [a.brand, a.category, a.recipeHash, a.decision, a.by, a.note, a.lockVersion ?? null, a.lockHash ?? null, a.pilot ?? null, a.at],
      );
      added += rows.length;
    }
    if (added) await recordEvent(tx, actor, 'recipe.import', source, { added, of: approvals.length });
    return added;
  });
  remembered.forget(db);
  return added;
}
