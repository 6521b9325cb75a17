/**
 * The reconciler: every so often, finds open jobs whose next step is overdue and no longer waiting in
 * the queue (a crash between writing a job and queueing its step, a step lost with a dead process)
 * and queues a step for them. Lost webhooks need nothing extra: every job at a provider keeps a poll
 * scheduled as the fallback.
 */
import type { Database } from '../store/database';
import type { Logger } from '../log/logger';
import type { ProviderName } from '../providers/provider';
import type { StepQueue } from './step-queue';

export interface Reconciler {
  /** One pass; returns the ids of the jobs it queued a step for. */
  reconcile(): Promise<string[]>;
  start(intervalMs: number): void;
  stop(): void;
}

export function createReconciler(db: Database, queue: StepQueue, log: Logger, graceMs = 5000): Reconciler {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running = false;
  async function reconcile(): Promise<string[]> {
    const rows = await db.query<{ id: string; provider: ProviderName; step_id: string | null }>(
      `SELECT id, provider, step_id FROM jobs
       WHERE state IN ('queued', 'running') AND (next_step_at IS NULL OR next_step_at < now() - make_interval(secs => $1))
         AND (lease_until IS NULL OR lease_until < now())
       ORDER BY created_at LIMIT 500`,
      [graceMs / 1000],
    );
    const requeued: string[] = [];
    for (const r of rows) {
      if (r.step_id && (await queue.isPending(r.provider, r.step_id))) continue;
      await queue.schedule(r.id, r.provider);
      requeued.push(r.id);
    }
    if (requeued.length) log.warn('reconciler queued steps for jobs that had none', { jobs: requeued.length });
    return requeued;
  }
  return {
    reconcile,
    start(intervalMs) {
      timer = setInterval(() => {
        if (running) return;
        running = true;
        reconcile()
          .catch((e) => log.error('reconciler pass failed', { error: e }))
          .finally(() => {
            running = false;
          });
      }, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
