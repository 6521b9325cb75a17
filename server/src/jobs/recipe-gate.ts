/**
 * The recipe-approval gate on the server: generate jobs are made only for categories whose current
 * recipe hash an art director approved, as `produce` does offline. Two ways past it: a pilot (at most
 * N SKUs per category on that lock version, counting what was already made, so chunks and retries cannot
 * add up to a full run) and an admin's override with a reason, recorded as `recipe.gate.override`.
 * Anything else is refused with 409 `recipe_not_approved`, naming each category and why.
 */
import { approvalStatus, type BrandLock } from '@brandlock/core';
import type { ApiIssue } from '@brandlock/core/api';
import type { Database } from '../store/database';
import type { AuthenticatedToken } from '../store/tokens';
import { recipeApprovalsForGate } from '../store/recipe-approvals';
import { recordEvent } from '../store/audit-events';
import { ApiError } from '../middleware/api-error';

export interface GatedJob {
  sku: string | null;
  category: string;
}

export interface GateInput {
  lock: BrandLock;
  lockHash: string;
  jobs: readonly GatedJob[];
  pilot?: number;
  override?: { reason: string };
  token: AuthenticatedToken;
  /** What the request was, for the override's audit event: a brief id or "job". */
  subject: string;
}

export async function enforceRecipeGate(db: Database, input: GateInput): Promise<void> {
  const categories = [...new Set(input.jobs.map((j) => j.category))].filter((c) => input.lock.categories.some((x) => x.id === c));
  if (!categories.length) return;
  const status = approvalStatus(input.lock, await recipeApprovalsForGate(db, input.lock.brand.id), categories);
  const unapproved = status.filter((s) => !s.approval);
  if (!unapproved.length) return;
  if (input.override) {
    if (input.token.role !== 'admin') {
      throw new ApiError(403, 'forbidden', `only an admin may override the recipe approval gate; token "${input.token.name}" is ${input.token.role}. Ask an art director to approve ${unapproved.map((s) => s.category).join(', ')}, or send "pilot"`);
    }
    const skus = (category: string) => new Set(input.jobs.filter((j) => j.category === category).map((j) => j.sku)).size;
    await recordEvent(db, { name: input.token.name, tokenId: input.token.id }, 'recipe.gate.override', input.subject, {
      reason: input.override.reason,
      categories: unapproved.map((s) => ({ category: s.category, recipeHash: s.recipeHash, skus: skus(s.category), why: s.message })),
    });
    return;
  }
  const issues: ApiIssue[] = [];
  for (const s of unapproved) {
    const mine = input.jobs.filter((j) => j.category === s.category);
    if (input.pilot) {
      const made = await pilotSkus(db, s.category, input.lockHash);
      const asked = new Set(mine.map((j) => j.sku ?? '').filter((sku) => !made.has(sku)));
      if (made.size + asked.size <= input.pilot) continue;
      issues.push({
        code: 'pilot_exhausted',
        path: `category ${s.category}`,
        message: `a pilot of ${input.pilot} SKUs per category: ${made.size} SKU${made.size === 1 ? '' : 's'} of recipe ${s.recipeHash.slice(7, 19)} already made on this lock version, ${asked.size} more asked; ${s.message}`,
        found: String(made.size + asked.size),
        expected: `at most ${input.pilot}`,
      });
      continue;
    }
    issues.push({ code: 'recipe_not_approved', path: `category ${s.category}`, message: `${s.category} (${s.name}): ${s.message}`, found: s.recipeHash, expected: 'an approved recipe hash' });
  }
  if (!issues.length) return;
  const names = issues.map((i) => i.path!.slice('category '.length)).join(', ');
  throw new ApiError(
    409,
    'recipe_not_approved',
    `refused: the recipe of ${names} is not approved (${issues.map((i) => i.message).join('; ')}). Send "pilot": N to make a pilot of N SKUs per category, ask an art director to approve it (POST /v1/recipes/{category}/approval), or, as an admin, send "override": {"reason"}`,
    issues,
  );
}

/**
 * SKUs of the category that already have a live or finished generate job on this lock version (a job's
 * own recipe hash is per SKU; the category's approval hash is the lock's).
 */
async function pilotSkus(db: Database, category: string, lockHash: string): Promise<Set<string>> {
  const rows = await db.query<{ sku: string | null }>(
    "SELECT DISTINCT sku FROM jobs WHERE kind = 'generate' AND category = $1 AND lock_hash = $2 AND state NOT IN ('failed', 'canceled')",
    [category, lockHash],
  );
  return new Set(rows.map((r) => r.sku ?? ''));
}
