/**
 * In-process wake-ups for job event streams: a change made by this process reaches its open streams
 * at once; changes made by other processes (a shared Postgres) are seen by the streams' own polling.
 */
import { EventEmitter } from 'node:events';

export interface JobNotifier {
  notify(jobId: string): void;
  /** Calls `listener` on each change to the job; returns the unsubscribe function. */
  subscribe(jobId: string, listener: () => void): () => void;
}

export function createJobNotifier(): JobNotifier {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    notify: (jobId) => void emitter.emit(jobId),
    subscribe(jobId, listener) {
      emitter.on(jobId, listener);
      return () => void emitter.off(jobId, listener);
    },
  };
}
