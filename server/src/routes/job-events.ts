/**
 * A job's progress as server-sent events: `job` with the whole job each time it changes (the event id
 * is the job's last event number), `end` once it is terminal, and a comment every 15 s to keep proxies
 * from closing the stream. Changes made in this process arrive at once; changes made by other
 * processes are picked up by polling every second.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { TERMINAL_JOB_STATES } from '@brandlock/core/api';
import { getJob, lastEventId } from '../store/jobs';
import type { RouteDeps } from './route-deps';

export function streamJobEvents(c: Context, deps: RouteDeps, jobId: string): Response {
  return streamSSE(c, async (stream) => {
    let wake: (() => void) | null = null;
    const unsubscribe = deps.notifier.subscribe(jobId, () => wake?.());
    let aborted = false;
    stream.onAbort(() => {
      aborted = true;
      wake?.();
    });
    try {
      let sent = -1;
      let lastWrite = Date.now();
      while (!aborted) {
        const eventId = await lastEventId(deps.db, jobId);
        if (eventId !== sent) {
          const job = await getJob(deps.db, jobId);
          if (!job) break;
          await stream.writeSSE({ event: 'job', id: String(eventId), data: JSON.stringify(job) });
          sent = eventId;
          lastWrite = Date.now();
          if (TERMINAL_JOB_STATES.includes(job.state)) {
            await stream.writeSSE({ event: 'end', data: JSON.stringify({ id: job.id, state: job.state }) });
            break;
          }
        } else if (Date.now() - lastWrite > 15_000) {
          await stream.write(': keep-alive\n\n');
          lastWrite = Date.now();
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1000);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    } finally {
      unsubscribe();
    }
  });
}
