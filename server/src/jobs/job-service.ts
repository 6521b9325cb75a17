/**
 * Creating and cancelling jobs for the API: idempotent creation (an Idempotency-Key and the same body
 * give back the first job), a brief's whole plan queued in one go, and cancellation that reaches the
 * provider. A job is written with its first event, audit event and queue step in one transaction,
 * shared by the submissions that arrive together (group commit: one commit for many, each request
 * still checked and answered on its own).
 */
import { randomUUID } from 'node:crypto';
import { contentHash, type PlannedJob } from '@brandlock/core';
import type { Job, JobCreateRequest, BriefJobsRequest, BriefJobsQueued } from '@brandlock/core/api';
import type { z } from 'zod';
import type { Database, Queryable } from '../store/database';
import type { AuthenticatedToken } from '../store/tokens';
import { getJob, getJobRow, insertJob, insertJobs, moveJob, toApiJob, type JobRow, type NewJob } from '../store/jobs';
import { plannedJobs } from '../store/briefs';
import { findBlob } from '../store/blobs';
import { findLock } from '../store/locks';
import { recordEvent, recordEvents } from '../store/audit-events';
import type { ProviderRegistry } from '../providers/registry';
import type { ProviderName } from '../providers/provider';
import type { StepQueue } from './step-queue';
import type { JobNotifier } from './job-notifier';
import { colorHex, planJobRequest, type PlanJobResult } from './plan-job-request';
import { enforceRecipeGate, holdPilot, type GatePassed } from './recipe-gate';
import { createGroupCommit } from './group-commit';
import { assertMayCancel } from './may-cancel';

export interface JobServiceDeps {
  db: Database;
  registry: ProviderRegistry;
  queue: StepQueue;
  notifier: JobNotifier;
  /** Lets `jobs` new jobs in for the token, or throws (429/503): the request limits. */
  admit?: (token: AuthenticatedToken, jobs: number) => Promise<void>;
}

export type CreateJobResult = { status: 200 | 202; job: Job } | Extract<PlanJobResult, { success: false }> | { success: false; status: 409; code: 'conflict'; message: string };

const actor = (t: AuthenticatedToken) => ({ name: t.name, tokenId: t.id });

/** A new job to write, and whose request it answers. */
interface JobWrite {
  job: NewJob;
  stepId: string;
  token: AuthenticatedToken;
  idempotencyKey?: string;
  requestHash: string;
}

/** Concurrent submissions written in one transaction at most (a brief's batch has its own path). */
const MAX_JOBS_PER_COMMIT = 64;
/** How long a group waits at most for submissions already being planned (each commit is a turn of PGlite on the API thread). */
const GATHER_MS = 3;

export function createJobService(deps: JobServiceDeps) {
  const { db } = deps;
  /** Submissions being checked and planned that have not reached the group commit yet. */
  let arriving = 0;
  const jobWrites = createGroupCommit(writeJobs, { maxGroup: MAX_JOBS_PER_COMMIT, arriving: () => arriving > 0, gatherMs: GATHER_MS });

  async function replay(token: AuthenticatedToken, key: string, requestHash: string): Promise<CreateJobResult | null> {
    const rows = await db.query<{ request_hash: string; job_id: string }>('SELECT request_hash, job_id FROM idempotency_keys WHERE token_id = $1 AND key = $2', [token.id, key]);
    if (!rows[0]) return null;
    if (rows[0].request_hash !== requestHash) return { success: false, status: 409, code: 'conflict', message: `Idempotency-Key "${key}" was already used with a different request` };
    return { status: 200, job: (await getJob(db, rows[0].job_id))! };
  }

  /**
   * Counts a submission from the moment its request comes in until it reaches the group commit (or
   * fails before): a group being written waits briefly for such submissions. Returns the function
   * that ends the count (idempotent).
   */
  function announce(): () => void {
    arriving++;
    let counted = true;
    return () => {
      if (counted) arriving--;
      counted = false;
    };
  }

  /** `arrived` ends the submission's `announce` count as it joins a group. */
  async function create(body: z.output<typeof JobCreateRequest>, token: AuthenticatedToken, idempotencyKey?: string, arrived: () => void = () => undefined): Promise<CreateJobResult> {
    const requestHash = contentHash(body);
    if (idempotencyKey) {
      const previous = await replay(token, idempotencyKey, requestHash);
      if (previous) return previous;
    }
    const plan = await planJobRequest(db, deps.registry, body);
    if (!plan.success) return plan;
    let gate: GatePassed = { pilot: null };
    const gated = [{ sku: plan.job.sku, category: plan.job.category ?? '' }];
    if (plan.job.kind === 'generate' && plan.job.category) {
      gate = await enforceRecipeGate(db, { lock: plan.lock.lock, lockHash: plan.job.lock_hash, jobs: gated, pilot: body.pilot, override: body.override, token, subject: `job for ${plan.job.sku ?? plan.job.category}` });
    }
    await deps.admit?.(token, 1);
    const job: NewJob = { ...plan.job, id: randomUUID(), requested_by: token.name, token_id: token.id };
    const item: JobWrite = { job, stepId: randomUUID(), token, idempotencyKey, requestHash };
    // A job let in as a pilot is written on its own, the pilot counted again in its transaction.
    const write = gate.pilot ? writeJobs([item], (tx) => holdPilot(tx, gate, gated)).then((rows) => rows[0]) : jobWrites.write(item);
    arrived();
    const written = await write;
    if (written === 'raced') return (await replay(token, idempotencyKey!, requestHash))!;
    // A job just created has no outputs: its answer is the row as inserted.
    return { status: 202, job: toApiJob(written, []) };
  }

  /**
   * Writes new jobs, each with its first event, audit event and queue step (and its Idempotency-Key),
   * in one transaction for the group: jobs without a key in one statement each for rows, events and
   * steps; a job with a key on its own, since a key another request claimed first leaves it unwritten.
   */
  async function writeJobs(writes: JobWrite[], hold?: (tx: Queryable) => Promise<void>): Promise<(JobRow | 'raced')[]> {
    const { written, wake } = await db.transaction(async (tx) => {
      await hold?.(tx);
      const written = new Map<JobWrite, JobRow | 'raced'>();
      const keyed = writes.filter((w) => w.idempotencyKey);
      const plain = writes.filter((w) => !w.idempotencyKey);
      for (const w of keyed) {
        await tx.query('SAVEPOINT job_write');
        const row = await insertJob(tx, w.job, 'queued', { stepId: w.stepId });
        const claimed = await tx.query('INSERT INTO idempotency_keys (token_id, key, request_hash, job_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key', [w.token.id, w.idempotencyKey, w.requestHash, w.job.id]);
        if (claimed.length) await tx.query('RELEASE SAVEPOINT job_write');
        else await tx.query('ROLLBACK TO SAVEPOINT job_write');
        written.set(w, claimed.length ? row : 'raced');
      }
      const rows = await insertJobs(tx, plain, 'queued');
      plain.forEach((w, i) => written.set(w, rows[i]));
      const made = writes.filter((w) => written.get(w) !== 'raced');
      await recordEvents(tx, made.map(({ job, token }) => ({ actor: actor(token), action: 'job.create', subject: job.id, detail: { kind: job.kind, provider: job.provider, sku: job.sku, view: job.view, lockHash: job.lock_hash, recipeHash: job.recipe_hash } })));
      // The first steps in the same commit: no job without its step.
      return { written, wake: await deps.queue.scheduleManyWithin(tx, made.map(({ job, stepId }) => ({ jobId: job.id, provider: job.provider, stepId }))) };
    });
    wake();
    return writes.map((w) => written.get(w)!);
  }

  /** Queues the planned generate jobs of a brief; views with an open or finished job are left alone. */
  async function queueBrief(briefId: string, body: z.output<typeof BriefJobsRequest>, token: AuthenticatedToken): Promise<BriefJobsQueued | null> {
    const brief = (await db.query<{ id: string; lock_hash: string }>('SELECT id, lock_hash FROM briefs WHERE id = $1', [briefId]))[0];
    if (!brief) return null;
    const lock = (await findLock(db, brief.lock_hash))!;
    const provider = (body.provider ?? deps.registry.defaultName) as ProviderName;
    const planned = await plannedJobs(db, briefId, { skus: body.skus });
    const existing = new Map(
      (await db.query<{ planned_job_id: string; id: string }>(
        "SELECT DISTINCT ON (planned_job_id) planned_job_id, id FROM jobs WHERE brief_id = $1 AND state NOT IN ('failed', 'canceled') ORDER BY planned_job_id, created_at DESC",
        [briefId],
      )).map((r) => [r.planned_job_id, r.id]),
    );
    const result: BriefJobsQueued = { briefId, queued: [], skipped: [] };
    const fresh: NewJob[] = [];
    for (const p of planned) {
      const known = existing.get(p.id);
      if (known) {
        result.queued.push({ plannedJobId: p.id, jobId: known, sku: p.sku, view: p.view, created: false });
        continue;
      }
      const refs = p.sources.map((path) => body.sources?.[path]);
      const missing = p.sources.filter((_, i) => !refs[i]);
      if (!deps.registry.get(provider)) {
        result.skipped.push({ plannedJobId: p.id, sku: p.sku, view: p.view, reason: `provider ${provider} is not configured` });
        continue;
      }
      if (missing.length || (provider === 'local' && !refs.length)) {
        const reason = missing.length ? `source image ${missing.join(', ')} was not uploaded (map it in "sources")` : 'the local provider needs a source image and the brief row names none';
        result.skipped.push({ plannedJobId: p.id, sku: p.sku, view: p.view, reason });
        continue;
      }
      const blobsOk = await Promise.all(refs.map(async (r) => Boolean(await findBlob(db, r!.slice(7)))));
      if (blobsOk.includes(false)) {
        result.skipped.push({ plannedJobId: p.id, sku: p.sku, view: p.view, reason: 'a mapped source reference was never uploaded' });
        continue;
      }
      fresh.push(jobFromPlan(p, brief.id, provider, refs.map((r) => r!.slice(7)), colorHex(lock.lock.lighting.find((l) => l.id === p.recipe.lightingPreset)!.background), token));
    }
    const gated = fresh.map((j) => ({ sku: j.sku, category: j.category! }));
    const gate = fresh.length ? await enforceRecipeGate(db, { lock: lock.lock, lockHash: brief.lock_hash, jobs: gated, pilot: body.pilot, override: body.override, token, subject: briefId }) : null;
    await deps.admit?.(token, fresh.length);
    await db.transaction(async (tx) => {
      if (gate) await holdPilot(tx, gate, gated);
      await insertJobs(tx, fresh.map((job) => ({ job })), 'queued');
      await recordEvent(tx, actor(token), 'brief.queue', briefId, { provider, created: fresh.length, alreadyQueued: result.queued.length, skipped: result.skipped.length });
    });
    await deps.queue.scheduleMany(fresh.map((j) => ({ jobId: j.id, provider: j.provider })));
    for (const j of fresh) result.queued.push({ plannedJobId: j.planned_job_id!, jobId: j.id, sku: j.sku!, view: j.view!, created: true });
    return result;
  }

  /**
   * Requests cancellation: a queued job is canceled at once, a running one at its next step. Only by
   * the token that started it, an art director or an admin (403 otherwise).
   */
  async function cancel(jobId: string, token: AuthenticatedToken): Promise<Job | null> {
    const row = await getJobRow(db, jobId);
    if (!row) return null;
    assertMayCancel(token, { tokenId: row.token_id, requestedBy: row.requested_by }, `job ${row.id}`);
    if (!['succeeded', 'failed', 'canceled'].includes(row.state)) {
      await db.query('UPDATE jobs SET cancel_requested = true, updated_at = now() WHERE id = $1', [jobId]);
      await recordEvent(db, actor(token), 'job.cancel', jobId, { state: row.state });
      if (row.state === 'queued' && !row.provider_job_id && !row.lease_owner && (await moveJob(db, jobId, { from: ['queued'], state: 'canceled', stage: 'canceled before it started' }))) {
        deps.notifier.notify(jobId);
        // Its step would otherwise wait in the queue, and a worker would fetch it only to find the job over.
        if (row.step_id) await deps.queue.cancel(row.provider, row.step_id);
      } else {
        await deps.queue.schedule(jobId, row.provider);
      }
    }
    return getJob(db, jobId);
  }

  return { announce, create, queueBrief, cancel };
}

function jobFromPlan(p: PlannedJob, briefId: string, provider: ProviderName, sources: string[], background: string, token: AuthenticatedToken): NewJob {
  return {
    id: randomUUID(),
    kind: 'generate',
    provider,
    lock_hash: p.lockHash,
    brief_id: briefId,
    planned_job_id: p.id,
    row: p.row,
    sku: p.sku,
    colorway: p.colorway,
    category: p.category,
    view: p.view,
    recipe: p.recipe,
    recipe_hash: p.recipeHash,
    human_review: p.qc.humanReview,
    qc_thresholds: p.qc as unknown as Record<string, unknown>,
    count: 1,
    seed_variation: 0,
    sources,
    channels: [],
    params: { background, swatch: p.swatch },
    requested_by: token.name,
    token_id: token.id,
  };
}

export type JobService = ReturnType<typeof createJobService>;
