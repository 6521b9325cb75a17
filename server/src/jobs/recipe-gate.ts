/**
 * The recipe-approval gate on the server: generate jobs are made only for categories whose current
 * recipe hash an art director approved, as `produce` does offline. Two ways past it: a pilot (at most
 * N SKUs per category on that lock version, counting what was already made, so chunks and retries cannot
 * add up to a full run) and an admin's override with a reason, recorded as `recipe.gate.override`.
 * Anything else is refused with 409 `recipe_not_approved`, naming each category and why.
 * A pilot is counted twice: here, to refuse early, and again by `holdPilot` inside the transaction that
 * writes the jobs, under a lock per category and lock version, so requests for the same pilot that
 * arrive together (several plugin users, several server processes) are counted one after another.
 */
import { approvalStatus, type BrandLock } from '@brandlock/core';
import type { ApiIssue } from '@brandlock/core/api';
import type { Database, Queryable } from '../store/database';
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

/** What let the jobs through: the categories that passed only as a pilot must be held by `holdPilot` as they are written. */
export interface GatePassed {
  pilot: { pilot: number; lockHash: string; categories: { category: string; recipeHash: string; message: string }[] } | null;
}

const PASSED: GatePassed = { pilot: null };

export async function enforceRecipeGate(db: Database, input: GateInput): Promise<GatePassed> {
  const categories = [...new Set(input.jobs.map((j) => j.category))].filter((c) => input.lock.categories.some((x) => x.id === c));
  if (!categories.length) return PASSED;
  const status = approvalStatus(input.lock, await recipeApprovalsForGate(db, input.lock.brand.id), categories);
  const unapproved = status.filter((s) => !s.approval);
  if (!unapproved.length) return PASSED;
  if (input.override) {
    if (input.token.role !== 'admin') {
      throw new ApiError(403, 'forbidden', `only an admin may override the recipe approval gate; token "${input.token.name}" is ${input.token.role}. Ask an art director to approve ${unapproved.map((s) => s.category).join(', ')}, or send "pilot"`);
    }
    const skus = (category: string) => new Set(input.jobs.filter((j) => j.category === category).map((j) => j.sku)).size;
    await recordEvent(db, { name: input.token.name, tokenId: input.token.id }, 'recipe.gate.override', input.subject, {
      reason: input.override.reason,
      categories: unapproved.map((s) => ({ category: s.category, recipeHash: s.recipeHash, skus: skus(s.category), why: s.message })),
    });
    return PASSED;
  }
  const issues: ApiIssue[] = [];
  for (const s of unapproved) {
    if (input.pilot) {
      const over = await pilotIssue(db, input.pilot, input.lockHash, input.jobs, s);
      if (over) issues.push(over);
      continue;
    }
    issues.push({ code: 'recipe_not_approved', path: `category ${s.category}`, message: `${s.category} (${s.name}): ${s.message}`, found: s.recipeHash, expected: 'an approved recipe hash' });
  }
  if (issues.length) throw refusal(issues);
  return { pilot: input.pilot ? { pilot: input.pilot, lockHash: input.lockHash, categories: unapproved.map(({ category, recipeHash, message }) => ({ category, recipeHash, message })) } : null };
}

/**
 * Counts the pilot again inside the transaction that writes `jobs`, each category under its own
 * transaction-scoped advisory lock (taken in a fixed order), so a pilot another request is writing at
 * the same moment is counted once it has committed. Throws the same 409 as the gate when over.
 */
export async function holdPilot(tx: Queryable, passed: GatePassed, jobs: readonly GatedJob[]): Promise<void> {
  if (!passed.pilot) return;
  const { pilot, lockHash, categories } = passed.pilot;
  const issues: ApiIssue[] = [];
  for (const s of [...categories].sort((a, b) => a.category.localeCompare(b.category))) {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`brandlock pilot ${lockHash} ${s.category}`]);
    const over = await pilotIssue(tx, pilot, lockHash, jobs, s);
    if (over) issues.push(over);
  }
  if (issues.length) throw refusal(issues);
}

async function pilotIssue(db: Queryable, pilot: number, lockHash: string, jobs: readonly GatedJob[], s: { category: string; recipeHash: string; message: string }): Promise<ApiIssue | null> {
  const made = await pilotSkus(db, s.category, lockHash);
  const asked = new Set(jobs.filter((j) => j.category === s.category).map((j) => j.sku ?? '').filter((sku) => !made.has(sku)));
  if (made.size + asked.size <= pilot) return null;
  return {
    code: 'pilot_exhausted',
    path: `category ${s.category}`,
    message: `a pilot of ${pilot} SKUs per category: ${made.size} SKU${made.size === 1 ? '' : 's'} of recipe ${s.recipeHash.slice(7, 19)} already made on this lock version, ${asked.size} more asked; ${s.message}`,
    found: String(made.size + asked.size),
    expected: `at most ${pilot}`,
  };
}

function refusal(issues: ApiIssue[]): ApiError {
  const names = issues.map((i) => i.path!.slice('category '.length)).join(', ');
  return new ApiError(
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
async function pilotSkus(db: Queryable, category: string, lockHash: string): Promise<Set<string>> {
  const rows = await db.query<{ sku: string | null }>(
    "SELECT DISTINCT sku FROM jobs WHERE kind = 'generate' AND category = $1 AND lock_hash = $2 AND state NOT IN ('failed', 'canceled')",
    [category, lockHash],
  );
  return new Set(rows.map((r) => r.sku ?? ''));
}
