/**
 * The reconciler: every so often, finds open jobs whose next step is overdue and no longer waiting in
 * the queue (a crash between writing a job and queueing its step, a step lost with a dead process)
 * and queues a step for them. Lost webhooks need nothing extra: every job at a provider keeps a poll
 * scheduled as the fallback.
 */
import type { Database } from '../store/database';
import type { Logger } from '../log/logger';
import { periodicTask } from '../runtime/periodic-task';
import type { ProviderName } from '../providers/provider';
import { stepPendingSql, type StepQueue } from './step-queue';

export interface Reconciler {
  /** One pass; returns the ids of the jobs it queued a step for. */
  reconcile(): Promise<string[]>;
  start(intervalMs: number): void;
  stop(): void;
}

export function createReconciler(db: Database, queue: StepQueue, log: Logger, graceMs = 5000): Reconciler {
  async function reconcile(): Promise<string[]> {
    // Whether each job's step is still queued is asked in the same statement, so the limit counts only
    // jobs that need a step: a backlog of waiting jobs neither hides a lost one nor costs a query each.
    const rows = await db.query<{ id: string; provider: ProviderName }>(
      `SELECT id, provider FROM jobs j
       WHERE state IN ('queued', 'running') AND (next_step_at IS NULL OR next_step_at < now() - make_interval(secs => $1))
         AND (lease_until IS NULL OR lease_until < now())
         AND (step_id IS NULL OR NOT ${stepPendingSql('j')})
       ORDER BY created_at LIMIT 500`,
      [graceMs / 1000],
    );
    for (const r of rows) await queue.schedule(r.id, r.provider);
    if (rows.length) log.warn('reconciler queued steps for jobs that had none', { jobs: rows.length });
    return rows.map((r) => r.id);
  }
  return { reconcile, ...periodicTask(reconcile, (e) => log.error('reconciler pass failed', { error: e })) };
}
