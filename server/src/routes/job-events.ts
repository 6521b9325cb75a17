/**
 * A job's progress as server-sent events: `job` with the whole job each time it changes (the event id
 * is the job's last event number), `end` once it is terminal, and a comment every 15 s to keep proxies
 * from closing the stream. Streams share one watch per job (the hub), woken by the database's change
 * feed, so an open stream costs no polling. Each token may hold a limited number open (429).
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { TERMINAL_JOB_STATES } from '@brandlock/core/api';
import type { AuthenticatedToken } from '../store/tokens';
import type { JobSnapshot } from '../jobs/job-stream-hub';
import type { RouteDeps } from './route-deps';

export function streamJobEvents(c: Context, deps: RouteDeps, jobId: string, token: AuthenticatedToken): Response {
  const release = deps.limits.openStream(token);
  return streamSSE(c, async (stream) => {
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let sent = -1;
    let writing = Promise.resolve();
    const send = async (snapshot: JobSnapshot | null) => {
      if (stream.aborted || stream.closed) return finish();
      if (!snapshot) return finish();
      if (snapshot.eventId <= sent) return;
      sent = snapshot.eventId;
      await stream.writeSSE({ event: 'job', id: String(snapshot.eventId), data: JSON.stringify(snapshot.job) });
      if (TERMINAL_JOB_STATES.includes(snapshot.job.state)) {
        await stream.writeSSE({ event: 'end', data: JSON.stringify({ id: snapshot.job.id, state: snapshot.job.state }) });
        finish();
      }
    };
    const watch = deps.streams.watch(jobId, (snapshot) => {
      writing = writing.then(() => send(snapshot)).catch(() => finish());
    });
    const stopBeating = deps.streams.keepAlive(() => {
      writing = writing.then(() => stream.write(': keep-alive\n\n')).then(() => undefined, () => finish());
    });
    stream.onAbort(finish);
    try {
      await finished;
    } finally {
      stopBeating();
      watch.stop();
      release();
    }
  });
}
