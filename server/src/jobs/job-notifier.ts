/**
 * Wake-ups for job event streams. A change made in this process is announced at once; with a
 * database attached, every job event any process writes arrives too (Postgres LISTEN/NOTIFY on the
 * feed migration 003 installs, PGlite included), so streams need no polling of their own. After a
 * lost database connection, `onResync` listeners are called: changes may have been missed.
 */
import { EventEmitter } from 'node:events';
import type { Database } from '../store/database';

export const JOB_EVENTS_CHANNEL = 'brandlock_job_events';
const RESYNC = Symbol('resync');

export interface JobNotifier {
  notify(jobId: string): void;
  /** Calls `listener` on each change to the job; returns the unsubscribe function. */
  subscribe(jobId: string, listener: () => void): () => void;
  /** Calls `listener` when changes may have been missed; returns the unsubscribe function. */
  onResync(listener: () => void): () => void;
  /** Receives every job event written to this database, by any process. */
  listenTo(db: Database): Promise<void>;
  close(): Promise<void>;
}

export function createJobNotifier(): JobNotifier {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const stops: (() => Promise<void>)[] = [];
  return {
    notify: (jobId) => void emitter.emit(jobId),
    subscribe(jobId, listener) {
      emitter.on(jobId, listener);
      return () => void emitter.off(jobId, listener);
    },
    onResync(listener) {
      emitter.on(RESYNC, listener);
      return () => void emitter.off(RESYNC, listener);
    },
    async listenTo(db) {
      stops.push(await db.listen(JOB_EVENTS_CHANNEL, (jobId) => void emitter.emit(jobId), () => void emitter.emit(RESYNC)));
    },
    async close() {
      await Promise.all(stops.splice(0).map((stop) => stop().catch(() => undefined)));
    },
  };
}
