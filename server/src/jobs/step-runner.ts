/**
 * Moves a job forward one step: submit to the provider (persisting its job id before anything else),
 * poll its status, copy outputs into our storage, and finish exactly once. Steps run under a lease on
 * the job row, so a step retried by the queue while the first is still running waits instead of
 * submitting twice. A job whose provider id is stored is never submitted again unless the provider
 * itself reports that job failed.
 */
import { randomUUID } from 'node:crypto';
import type { Provider, ProviderError, ProviderSource, ProviderStatus } from '../providers/provider';
import type { ProviderRegistry } from '../providers/registry';
import type { ServerConfig } from '../config/server-config';
import type { Database, Queryable } from '../store/database';
import type { BlobStore } from '../assets/blob-store';
import type { Logger } from '../log/logger';
import { getJobRow, moveJob, type JobRow, type SubmitDetails } from '../store/jobs';
import { findBlob, recordBlob, type BlobMeta } from '../store/blobs';
import { insertAssets } from '../store/assets';
import { recordEvent, SYSTEM_ACTOR } from '../store/audit-events';
import { findLock } from '../store/locks';
import type { StepQueue } from './step-queue';
import { pollDelayMs, retryDelayMs } from './retry-delay';
import { storeOutput } from './store-output';
import type { QcOutcome } from '@brandlock/core';
import { isServerFault } from '../render/wire-error';
import type { InspectInput, PostInput, PostResult } from '../render/render-tasks';
import { acquireJobLease, releaseJobLease } from './job-lease';
import { buildAssets, type StoredOutput } from './build-assets';
import { configSecrets } from '../config/server-config';
import { createSecretRedactor } from '../secrets/secret-redactor';
import { storableCopy } from '../middleware/input-guard/unstorable-text';
import type { JobNotifier } from './job-notifier';

export interface StepRunnerDeps {
  db: Database;
  blobs: BlobStore;
  registry: ProviderRegistry;
  queue: StepQueue;
  config: ServerConfig;
  log: Logger;
  notifier: JobNotifier;
  /** Automated QC of a stored output (the image is read from the blob store by its hash). */
  inspect: (input: InspectInput) => Promise<QcOutcome>;
  /** Post-production of a stored master into a new stored master, or null to keep it as made. */
  postProcess: (input: PostInput) => Promise<PostResult>;
}

const TERMINAL = ['succeeded', 'failed', 'canceled'];

/** A provider call's failure as the runner sees it. */
function asProviderError(e: unknown): ProviderError {
  const err = e as { name?: string; error?: ProviderError; message?: string };
  if (err?.name === 'ProviderCallError' && err.error) return err.error;
  if (err?.name === 'AbortError' || err?.name === 'TimeoutError') return { code: 'timeout', message: 'the provider did not answer in time', retryable: true };
  return { code: 'provider_call_failed', message: err?.message ?? String(e), retryable: true };
}

export function createStepRunner(deps: StepRunnerDeps) {
  const { db, config, log } = deps;
  const instance = randomUUID().slice(0, 8);
  const delays = { minMs: config.pollMinMs, maxMs: config.pollMaxMs };
  const redactor = createSecretRedactor(configSecrets(config));
  /** Provider text is stored and shown to every role: secrets out before it is cut, and storable by Postgres. */
  const cleanText = (text: string, max: number) => storableCopy(redactor.clip(text, max));
  const clean = (error: ProviderError): ProviderError => ({ ...error, message: cleanText(error.message, 2000) });

  const acquire = (jobId: string, owner: string) => acquireJobLease(db, jobId, owner, config.stepTimeoutSeconds + 5);
  const release = (jobId: string, owner: string) => releaseJobLease(db, jobId, owner);

  async function move(tx: Queryable, job: JobRow, change: Parameters<typeof moveJob>[2]): Promise<boolean> {
    const moved = await moveJob(tx, job.id, change);
    if (moved) deps.notifier.notify(job.id);
    return moved;
  }

  async function fail(job: JobRow, failure: ProviderError): Promise<void> {
    const error = clean(failure);
    if (await move(db, job, { from: ['queued', 'running'], state: 'failed', stage: `failed: ${error.code}`, set: { error }, message: error.message })) {
      await recordEvent(db, SYSTEM_ACTOR, 'job.failed', job.id, { code: error.code, message: error.message, attempts: job.attempts });
      log.warn('job failed', { jobId: job.id, provider: job.provider, code: error.code, error: error.message });
    }
  }

  /** A provider call failed: retry later while attempts remain, else the job fails. */
  async function callFailed(job: JobRow, error: ProviderError): Promise<void> {
    const attempts = job.attempts + 1;
    if (!error.retryable || attempts >= config.maxAttempts) return fail({ ...job, attempts }, error.retryable ? { ...error, message: `${error.message} (gave up after ${attempts} attempts)` } : error);
    await db.query('UPDATE jobs SET attempts = $2, updated_at = now() WHERE id = $1', [job.id, attempts]);
    log.info('provider call failed; retrying', { jobId: job.id, provider: job.provider, code: error.code, attempts });
    await deps.queue.schedule(job.id, job.provider, retryDelayMs(attempts, delays, error.retryAfterSeconds));
  }

  async function sources(job: JobRow): Promise<ProviderSource[]> {
    return Promise.all(
      job.sources.map(async (sha256) => {
        const meta = await findBlob(db, sha256);
        return {
          sha256,
          contentType: meta?.contentType ?? 'application/octet-stream',
          read: async () => {
            const bytes = await deps.blobs.get(sha256);
            if (!bytes) throw new Error(`source sha256:${sha256} is missing from the blob store`);
            return bytes;
          },
        };
      }),
    );
  }

  /** Takes a provider slot (remote providers only: their concurrency is global, in the database). */
  async function claimSlot(job: JobRow): Promise<boolean> {
    if (job.state === 'running') return true;
    const limit = config.concurrency[job.provider];
    return db.transaction(async (tx) => {
      if (job.provider !== 'local') {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`brandlock-slots-${job.provider}`]);
        const [{ n }] = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE provider = $1 AND state = 'running'", [job.provider]);
        if (n >= limit) return false;
      }
      return move(tx, job, { from: ['queued'], state: 'running', stage: `submitting to ${job.provider}` });
    });
  }

  async function submit(job: JobRow, provider: Provider, signal: AbortSignal): Promise<void> {
    if (!(await claimSlot(job))) {
      await db.query("UPDATE jobs SET stage = $2, updated_at = now() WHERE id = $1 AND state = 'queued'", [job.id, `waiting for a ${job.provider} slot`]);
      return deps.queue.schedule(job.id, job.provider, retryDelayMs(1, delays));
    }
    const submittedAt = new Date();
    await db.query('UPDATE jobs SET submissions = submissions + 1, submitted_at = $2 WHERE id = $1', [job.id, submittedAt]);
    const webhookUrl = provider.supportsWebhooks && config.publicUrl ? `${config.publicUrl}/v1/webhooks/${job.provider}` : undefined;
    let result;
    try {
      result = await provider.submit({ jobId: job.id, kind: job.kind, recipe: job.recipe, sources: await sources(job), count: job.count, webhookUrl, params: job.params }, signal);
    } catch (e) {
      // The server's own failure (blob store, render process) is not the provider's: the queue retries the step.
      if (isServerFault(e)) throw e;
      return callFailed(job, asProviderError(e));
    }
    const details: SubmitDetails = { seed: typeof result.seed === 'number' ? result.seed : null, notes: (result.notes ?? []).map((n) => cleanText(n, 500)), model: result.status.model ?? null, ...(result.loras?.length ? { loras: result.loras } : {}) };
    await db.query('UPDATE jobs SET provider_job_id = $2, submit_details = $3::jsonb, updated_at = now() WHERE id = $1 AND provider_job_id IS NULL', [job.id, result.providerJobId, JSON.stringify(details)]);
    log.info('submitted', { jobId: job.id, provider: job.provider, providerJobId: result.providerJobId });
    await handleStatus({ ...job, state: 'running', provider_job_id: result.providerJobId, submitted_at: submittedAt, submit_details: details }, provider, result.status, signal);
  }

  /** Acts on a provider status, from a submit, a poll or a webhook. */
  async function handleStatus(job: JobRow, provider: Provider, status: ProviderStatus, signal: AbortSignal): Promise<void> {
    switch (status.state) {
      case 'succeeded':
        return complete(job, provider, status, signal);
      case 'canceled':
        if (await move(db, job, { from: ['queued', 'running'], state: 'canceled', stage: 'canceled at the provider' })) await recordEvent(db, SYSTEM_ACTOR, 'job.canceled', job.id, {});
        return;
      case 'failed': {
        const error = status.error ?? { code: 'provider_failed', message: `${job.provider} reported the job failed`, retryable: false };
        if (!error.retryable || job.attempts + 1 >= config.maxAttempts) return fail({ ...job, attempts: job.attempts + 1 }, error);
        // The provider's job is over and failed: a new submission is a new job there, not a duplicate.
        await db.query(
          `UPDATE jobs SET provider_history = provider_history || $2::jsonb, provider_job_id = NULL, attempts = attempts + 1, polls = 0,
             state = 'queued', stage = 'queued again after a provider failure', updated_at = now() WHERE id = $1 AND provider_job_id = $3`,
          [job.id, JSON.stringify([{ providerJobId: job.provider_job_id, error: clean(error) }]), job.provider_job_id],
        );
        deps.notifier.notify(job.id);
        return deps.queue.schedule(job.id, job.provider, retryDelayMs(job.attempts + 1, delays, error.retryAfterSeconds));
      }
      default: {
        const stage = `at ${job.provider}: ${status.state}${status.progress !== undefined ? ` ${Math.round(status.progress * 100)}%` : ''}`;
        if (stage !== job.stage) await move(db, job, { from: ['running'], state: 'running', stage, set: { progress: status.progress ?? null } });
        await db.query('UPDATE jobs SET polls = polls + 1 WHERE id = $1', [job.id]);
        const usesWebhooks = provider.supportsWebhooks && config.publicUrl !== null;
        return deps.queue.schedule(job.id, job.provider, usesWebhooks ? config.pollMaxMs : pollDelayMs(job.polls, delays, provider.minPollIntervalMs));
      }
    }
  }

  /** The post-processed master, or null when the output is kept as made; a post failure is the job's failure. */
  async function postProcessed(job: JobRow, raw: BlobMeta, lock: Awaited<ReturnType<typeof findLock>>) {
    try {
      return await deps.postProcess({ job, raw, lock });
    } catch (e) {
      if (isServerFault(e)) throw e;
      log.warn('post-production failed', { jobId: job.id, error: e });
      return { error: { code: 'post_failed', message: `post-production failed: ${(e as Error).message}`, retryable: false } };
    }
  }

  async function complete(job: JobRow, provider: Provider, status: ProviderStatus, signal: AbortSignal): Promise<void> {
    const lock = await findLock(db, job.lock_hash);
    const stored: StoredOutput[] = [];
    for (const [index, output] of (status.outputs ?? []).entries()) {
      let bytes: Uint8Array | null = null;
      try {
        if (!output.stored) bytes = output.bytes ?? (await provider.fetchOutput(output, signal)).bytes;
      } catch (e) {
        return callFailed(job, asProviderError(e));
      }
      try {
        const raw = output.stored ?? (await storeOutput(db, deps.blobs, bytes!, config.maxUploadPixels));
        if (output.stored) await recordBlob(db, output.stored);
        const posted = await postProcessed(job, raw, lock);
        if (posted && 'error' in posted) return fail(job, posted.error);
        if (posted) {
          await recordBlob(db, posted.stored);
          stored.push({ index, output, meta: posted.stored, post: { rawSha256: raw.sha256, ...posted.post } });
        } else stored.push({ index, output, meta: raw });
      } catch (e) {
        if ((e as Error).name === 'OutputRejected') return fail(job, { code: 'invalid_output', message: (e as Error).message, retryable: false });
        throw e;
      }
    }
    if (!stored.length) return fail(job, { code: 'no_output', message: `${job.provider} reported success but returned no output`, retryable: false });
    const generatedAt = Date.now();
    const assets = await buildAssets({ job, stored, status, lock, inspect: deps.inspect, clean: (text) => cleanText(text, 4000), createdAt: new Date().toISOString(), generatedAt });
    const notes = [...new Set([...stored.map((s) => s.output.note), ...(job.submit_details?.notes ?? [])].filter(Boolean))];
    const finished = await db.transaction(async (tx) => {
      const moved = await move(tx, job, {
        from: ['running'],
        state: 'succeeded',
        stage: 'done',
        set: { progress: 1, note: notes.length ? cleanText(notes.join('; '), 2000) : null, model: (status.model ?? job.submit_details?.model) ? cleanText((status.model ?? job.submit_details?.model)!, 200) : null, model_version: status.modelVersion ? cleanText(status.modelVersion, 200) : null, cost_usd: status.costUsd ?? null },
      });
      if (!moved) return false;
      await insertAssets(tx, assets);
      await recordEvent(tx, SYSTEM_ACTOR, 'job.succeeded', job.id, { outputs: assets.length, provider: job.provider, providerJobId: job.provider_job_id });
      return true;
    });
    if (finished) log.info('job succeeded', { jobId: job.id, provider: job.provider, outputs: assets.length });
  }

  async function cancel(job: JobRow, provider: Provider | null): Promise<void> {
    if (job.provider_job_id && provider) {
      try {
        await provider.cancel(job.provider_job_id);
      } catch (e) {
        log.warn('provider cancel failed; the job is canceled here anyway', { jobId: job.id, error: asProviderError(e).message });
      }
    }
    if (await move(db, job, { from: ['queued', 'running'], state: 'canceled', stage: 'canceled' })) await recordEvent(db, SYSTEM_ACTOR, 'job.canceled', job.id, { providerJobId: job.provider_job_id });
  }

  /** One step of a job (the queue's handler). */
  async function runStep(jobId: string, stepId: string): Promise<void> {
    const owner = `${instance}:${stepId}`;
    const job = await acquire(jobId, owner);
    if (!job) {
      const current = await getJobRow(db, jobId);
      // Another step holds the job: look again when its lease runs out.
      if (current && !TERMINAL.includes(current.state)) await deps.queue.schedule(jobId, current.provider, Math.max(1000, (current.lease_until?.getTime() ?? Date.now()) - Date.now() + 500));
      return;
    }
    const signal = AbortSignal.timeout(config.stepTimeoutSeconds * 1000);
    try {
      const provider = deps.registry.get(job.provider);
      if (job.cancel_requested) return await cancel(job, provider);
      if (!provider) return await fail(job, { code: 'provider_unavailable', message: `provider ${job.provider} is not configured on this server`, retryable: false });
      if (!job.provider_job_id) return await submit(job, provider, signal);
      let status: ProviderStatus;
      try {
        status = await provider.status(job.provider_job_id, signal);
      } catch (e) {
        return await callFailed(job, asProviderError(e));
      }
      await handleStatus(job, provider, status, signal);
    } finally {
      await release(jobId, owner);
    }
  }

  /** A verified webhook: act on it now if no step holds the job; otherwise the next poll sees the same state. */
  async function onWebhook(jobId: string, status: ProviderStatus): Promise<void> {
    const owner = `${instance}:webhook:${randomUUID()}`;
    const job = await acquire(jobId, owner);
    if (!job) return;
    try {
      const provider = deps.registry.get(job.provider);
      if (provider && job.provider_job_id && !job.cancel_requested) await handleStatus(job, provider, status, AbortSignal.timeout(config.stepTimeoutSeconds * 1000));
    } finally {
      await release(jobId, owner);
    }
  }

  /** A step that kept throwing until the queue gave up on it. */
  async function onDeadStep(jobId: string): Promise<void> {
    const job = await getJobRow(db, jobId);
    if (job && !TERMINAL.includes(job.state)) await fail(job, { code: 'internal_error', message: 'the job step failed repeatedly inside the server; see the server log', retryable: false });
  }

  // inspect: the same automated QC for a retoucher's revision sent back to the review queue.
  return { runStep, onWebhook, onDeadStep, inspect: deps.inspect };
}

export type StepRunner = ReturnType<typeof createStepRunner>;
