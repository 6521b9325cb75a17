/**
 * The step queue on pg-boss: one queue per provider (so each has its own worker count), retries with
 * backoff for steps that throw, and a dead-letter queue for steps that kept failing. A step carries
 * only a job id; the job row says what to do next. Each scheduled step's pg-boss id is written on the
 * job, so the reconciler can tell a lost step from a pending one.
 */
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Database, Queryable } from '../store/database';
import type { ProviderName } from '../providers/provider';

export const PROVIDER_QUEUES: ProviderName[] = ['local', 'fal', 'replicate', 'runway', 'comfyui'];
export const DEAD_LETTER_QUEUE = 'brandlock-step-dead';
export const queueOf = (provider: ProviderName) => `brandlock-step-${provider}`;
const QUEUE_SCHEMA = 'pgboss';

/**
 * SQL that is true while the step a job row names (`<alias>.step_id`, on its provider's queue) waits
 * or runs in the queue: for checking many jobs in one statement instead of one `isPending` each.
 */
export const stepPendingSql = (alias: string) =>
  `EXISTS (SELECT 1 FROM ${QUEUE_SCHEMA}.job step WHERE step.name = 'brandlock-step-' || ${alias}.provider AND step.id = ${alias}.step_id::uuid AND step.state IN ('created', 'retry', 'active'))`;

export interface StepData {
  jobId: string;
}

export interface StepQueueOptions {
  stepTimeoutSeconds: number;
  /** Retries of a step that throws (not provider errors, which the runner handles). */
  retryLimit?: number;
}

export interface StepQueue {
  readonly boss: PgBoss;
  start(): Promise<void>;
  /** Schedules the job's next step after `delayMs` and records it on the job row. */
  schedule(jobId: string, provider: ProviderName, delayMs?: number): Promise<void>;
  /**
   * Queues a new job's first step (`stepId`, which the job row already names) inside the caller's
   * transaction, so the job and its step are written in one commit; call the returned function after
   * the commit to wake this process's workers.
   */
  scheduleWithin(tx: Queryable, jobId: string, provider: ProviderName, stepId: string): Promise<() => void>;
  /** Queues the first steps of many new jobs (ids the job rows already name) in one statement inside the caller's transaction; call the returned function after the commit. */
  scheduleManyWithin(tx: Queryable, jobs: readonly { jobId: string; provider: ProviderName; stepId: string }[]): Promise<() => void>;
  /** Schedules the first step of many jobs at once (a brief's batch). */
  scheduleMany(jobs: { jobId: string; provider: ProviderName }[]): Promise<void>;
  /** Takes a waiting step out of the queue (its job was canceled before it started), so no worker fetches it for nothing. */
  cancel(provider: ProviderName, stepId: string): Promise<void>;
  /** Whether a step with this id is still waiting or running. */
  isPending(provider: ProviderName, stepId: string): Promise<boolean>;
  work(provider: ProviderName, workers: number, handler: (data: StepData, stepId: string) => Promise<void>): Promise<void>;
  onDeadLetter(handler: (data: StepData & { provider?: ProviderName }, stepId: string) => Promise<void>): Promise<void>;
  /** Sends steps that a dead process left active back to be retried (embedded database only). */
  retryOrphans(stepIds: { provider: ProviderName; stepId: string }[]): Promise<void>;
  stop(): Promise<void>;
}

export function createStepQueue(db: Database, options: StepQueueOptions): StepQueue {
  const boss = new PgBoss({
    db: db.bossDb(),
    schema: QUEUE_SCHEMA,
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, options.stepTimeoutSeconds)),
    monitorStateIntervalSeconds: 60,
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 7,
  } as PgBoss.ConstructorOptions);
  const wakers = new Map<ProviderName, string[]>();
  return {
    boss,
    async start() {
      await boss.start();
      await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, policy: 'standard', retryLimit: 0 });
      for (const provider of PROVIDER_QUEUES) {
        const name = queueOf(provider);
        const settings = { name, policy: 'standard' as const, retryLimit: options.retryLimit ?? 5, retryDelay: 2, retryBackoff: true, expireInSeconds: options.stepTimeoutSeconds, deadLetter: DEAD_LETTER_QUEUE };
        await boss.createQueue(name, settings);
        // An existing queue keeps its old settings on create: apply the configured ones.
        await boss.updateQueue(name, settings);
      }
    },
    async schedule(jobId, provider, delayMs = 0) {
      const startAfter = delayMs > 0 ? new Date(Date.now() + delayMs) : undefined;
      const stepId = await boss.send(queueOf(provider), { jobId, provider }, startAfter ? { startAfter } : {});
      await db.query('UPDATE jobs SET step_id = $2, next_step_at = $3 WHERE id = $1', [jobId, stepId, startAfter ?? new Date()]);
      if (!startAfter) for (const id of wakers.get(provider) ?? []) boss.notifyWorker(id);
    },
    async scheduleWithin(tx, jobId, provider, stepId) {
      const db = { executeSql: async (text: string, values?: unknown[]) => ({ rows: await tx.query(text, values ?? []) }) };
      await boss.send(queueOf(provider), { jobId, provider }, { id: stepId, db } as PgBoss.SendOptions);
      return () => {
        for (const id of wakers.get(provider) ?? []) boss.notifyWorker(id);
      };
    },
    async scheduleManyWithin(tx, jobs) {
      const db = { executeSql: async (text: string, values?: unknown[]) => ({ rows: await tx.query(text, values ?? []) }) };
      if (jobs.length) await boss.insert(jobs.map((j) => ({ id: j.stepId, name: queueOf(j.provider), data: { jobId: j.jobId, provider: j.provider } })), { db } as PgBoss.InsertOptions);
      return () => {
        for (const provider of new Set(jobs.map((j) => j.provider))) for (const id of wakers.get(provider) ?? []) boss.notifyWorker(id);
      };
    },
    async scheduleMany(jobs) {
      for (let i = 0; i < jobs.length; i += 1000) {
        const batch = jobs.slice(i, i + 1000).map((j) => ({ ...j, stepId: randomUUID() }));
        await boss.insert(batch.map((j) => ({ id: j.stepId, name: queueOf(j.provider), data: { jobId: j.jobId, provider: j.provider } })));
        await db.query(
          'UPDATE jobs SET step_id = x.step_id, next_step_at = now() FROM jsonb_to_recordset($1::jsonb) AS x(job_id text, step_id text) WHERE jobs.id = x.job_id',
          [JSON.stringify(batch.map((j) => ({ job_id: j.jobId, step_id: j.stepId })))],
        );
      }
      for (const provider of new Set(jobs.map((j) => j.provider))) for (const id of wakers.get(provider) ?? []) boss.notifyWorker(id);
    },
    async cancel(provider, stepId) {
      await boss.cancel(queueOf(provider), stepId);
    },
    async isPending(provider, stepId) {
      const job = await boss.getJobById(queueOf(provider), stepId);
      return Boolean(job && (job.state === 'created' || job.state === 'retry' || job.state === 'active'));
    },
    async work(provider, workers, handler) {
      const ids: string[] = [];
      for (let i = 0; i < workers; i++) {
        let id = '';
        id = await boss.work<StepData>(queueOf(provider), { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
          try {
            await handler(job.data, job.id);
          } finally {
            // pg-boss waits out the polling interval after every job; a busy queue should not.
            if (id) boss.notifyWorker(id);
          }
        });
        ids.push(id);
      }
      wakers.set(provider, ids);
    },
    async onDeadLetter(handler) {
      await boss.work<StepData & { provider?: ProviderName }>(DEAD_LETTER_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
        await handler(job.data, job.id);
      });
    },
    async retryOrphans(steps) {
      for (const { provider, stepId } of steps) {
        const job = await boss.getJobById(queueOf(provider), stepId);
        if (job?.state === 'active') await boss.fail(queueOf(provider), stepId, { reason: 'the server stopped while this step ran' });
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
