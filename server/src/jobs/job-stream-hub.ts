/**
 * What job event streams show, shared by all of them: one watch per job however many streams follow
 * it. A change to the job (announced by the notifier: this process, or any process through the
 * database's change feed) is read once and handed to every stream of that job, so a thousand open
 * streams cost a thousand listeners, not a thousand database polls. A sweep every 30 s reads the
 * newest event of every watched job in one query, in case an announcement was lost, and one timer
 * sends every stream its keep-alive.
 */
import type { Job } from '@brandlock/core/api';
import type { Queryable } from '../store/database';
import { getJob, lastEventId } from '../store/jobs';
import type { JobNotifier } from './job-notifier';

export interface JobSnapshot {
  /** The job's newest event number: a stream sends the job again only when it grows. */
  eventId: number;
  job: Job;
}

/** Receives the job as it is now, or null when it does not exist. */
export type SnapshotListener = (snapshot: JobSnapshot | null) => void;

export interface JobStreamHub {
  /** Follows a job: `listener` gets its current state, then every change. */
  watch(jobId: string, listener: SnapshotListener): { stop(): void };
  /** Calls `write` at every keep-alive tick until the returned function is called. */
  keepAlive(write: () => void): () => void;
  /** Ends every watch and stream (server shutdown). */
  close(): void;
}

interface Watched {
  listeners: Set<SnapshotListener>;
  /** undefined until first read; null when the job does not exist. */
  last: JobSnapshot | null | undefined;
  reading: boolean;
  again: boolean;
  unsubscribe: () => void;
}

export function createJobStreamHub(db: Queryable, notifier: JobNotifier, options: { sweepMs?: number; keepAliveMs?: number } = {}): JobStreamHub {
  const watched = new Map<string, Watched>();
  const keepAlives = new Set<() => void>();
  const closers = new Set<() => void>();

  async function read(jobId: string, w: Watched): Promise<void> {
    const eventId = await lastEventId(db, jobId);
    if (w.last && w.last.eventId === eventId) return;
    const job = await getJob(db, jobId);
    w.last = job ? { eventId, job } : null;
    for (const listener of w.listeners) listener(w.last);
  }

  function refresh(jobId: string): void {
    const w = watched.get(jobId);
    if (!w) return;
    if (w.reading) {
      w.again = true;
      return;
    }
    w.reading = true;
    read(jobId, w)
      .catch(() => undefined) // the next change or the sweep reads it again
      .finally(() => {
        w.reading = false;
        if (w.again) {
          w.again = false;
          refresh(jobId);
        }
      });
  }

  async function sweep(): Promise<void> {
    if (!watched.size) return;
    const rows = await db.query<{ job_id: string; id: number }>('SELECT job_id, max(id) AS id FROM job_events WHERE job_id = ANY($1::text[]) GROUP BY job_id', [[...watched.keys()]]);
    for (const r of rows) if (watched.get(r.job_id)?.last?.eventId !== Number(r.id)) refresh(r.job_id);
  }

  const unresync = notifier.onResync(() => [...watched.keys()].forEach(refresh));
  const sweeper = setInterval(() => void sweep().catch(() => undefined), options.sweepMs ?? 30_000);
  const beater = setInterval(() => keepAlives.forEach((write) => write()), options.keepAliveMs ?? 15_000);
  sweeper.unref();
  beater.unref();

  return {
    watch(jobId, listener) {
      let w = watched.get(jobId);
      if (!w) {
        const fresh: Watched = { listeners: new Set(), last: undefined, reading: false, again: false, unsubscribe: () => undefined };
        watched.set(jobId, fresh);
        fresh.unsubscribe = notifier.subscribe(jobId, () => refresh(jobId));
        w = fresh;
        refresh(jobId);
      } else if (w.last !== undefined) {
        const known = w.last;
        queueMicrotask(() => listener(known));
      }
      const entry = w;
      entry.listeners.add(listener);
      const stop = () => {
        closers.delete(close);
        entry.listeners.delete(listener);
        if (!entry.listeners.size && watched.get(jobId) === entry) {
          entry.unsubscribe();
          watched.delete(jobId);
        }
      };
      const close = () => {
        stop();
        listener(null);
      };
      closers.add(close);
      return { stop };
    },
    keepAlive(write) {
      keepAlives.add(write);
      return () => void keepAlives.delete(write);
    },
    close() {
      clearInterval(sweeper);
      clearInterval(beater);
      unresync();
      for (const close of [...closers]) close();
    },
  };
}
