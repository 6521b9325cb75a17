/**
 * The server's limits on what one token, and everyone together, may take: event streams open at once
 * (per token and per process), jobs queued per token (a rate with a burst: people's tokens a few a
 * second, admin and service tokens, which run seasons, far more), and jobs open on the whole server
 * (queued or running, counted in the database). Over a limit a request gets 429 (this token) or 503
 * (the server), both with Retry-After, and a message naming the limit and the variable that sets it.
 */
import type { Role } from '@brandlock/core/api';
import type { LimitsConfig } from '../config/server-config';
import type { Queryable } from '../store/database';
import { ApiError } from '../middleware/api-error';
import { createTokenBuckets } from './token-buckets';

export interface LimitedToken {
  id: string;
  role: Role;
}

export interface RequestLimits {
  /** Reserves an event stream for the token; call the returned function when it closes. */
  openStream(token: LimitedToken): () => void;
  /** Admits `jobs` new jobs for the token, or throws a 429/503 ApiError. */
  admitJobs(token: LimitedToken, jobs: number): Promise<void>;
}

const AUTOMATION: readonly Role[] = ['admin', 'service'];
/** How long a count of open jobs is trusted before it is read again. */
const OPEN_JOBS_TTL_MS = 1000;

export function createRequestLimits(limits: LimitsConfig, db: Queryable): RequestLimits {
  const people = createTokenBuckets(limits.submit);
  const automation = createTokenBuckets(limits.submitAutomation);
  const streamsOf = new Map<string, number>();
  let streams = 0;
  let open: { count: number; at: number } | null = null;

  async function openJobs(): Promise<number> {
    if (!open || Date.now() - open.at > OPEN_JOBS_TTL_MS) {
      const [{ n }] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE state IN ('queued', 'running')");
      open = { count: n, at: Date.now() };
    }
    return open.count;
  }

  return {
    openStream(token) {
      const mine = streamsOf.get(token.id) ?? 0;
      if (mine >= limits.streamsPerToken) {
        throw new ApiError(429, 'rate_limited', `this token has ${mine} event streams open, its limit (BRANDLOCK_MAX_STREAMS_PER_TOKEN); close one, or poll GET /v1/jobs/{id}`, undefined, 5);
      }
      if (streams >= limits.streams) {
        throw new ApiError(503, 'rate_limited', `the server has ${streams} event streams open, its limit (BRANDLOCK_MAX_STREAMS); poll GET /v1/jobs/{id} or try again later`, undefined, 5);
      }
      streamsOf.set(token.id, mine + 1);
      streams++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        streams--;
        const left = (streamsOf.get(token.id) ?? 1) - 1;
        if (left > 0) streamsOf.set(token.id, left);
        else streamsOf.delete(token.id);
      };
    },

    async admitJobs(token, jobs) {
      if (jobs <= 0) return;
      const auto = AUTOMATION.includes(token.role);
      const rate = auto ? limits.submitAutomation : limits.submit;
      const variable = auto ? 'BRANDLOCK_SUBMIT_BURST_AUTOMATION' : 'BRANDLOCK_SUBMIT_BURST';
      // What can never succeed first (no Retry-After), then the server's room, then the token's rate.
      if (jobs > rate.burst) {
        throw new ApiError(429, 'batch_too_large', `this request would queue ${jobs} jobs, more than a ${token.role} token may queue at once (${rate.burst}, ${variable}); queue fewer SKUs per request`);
      }
      if (jobs > limits.openJobs) {
        throw new ApiError(429, 'batch_too_large', `this request would queue ${jobs} jobs, more than the server holds at once (${limits.openJobs}, BRANDLOCK_MAX_OPEN_JOBS); queue fewer SKUs per request`);
      }
      const queued = await openJobs();
      if (queued + jobs > limits.openJobs) {
        throw new ApiError(503, 'queue_full', `the server has ${queued} jobs queued or running; ${jobs} more would pass its limit of ${limits.openJobs} (BRANDLOCK_MAX_OPEN_JOBS); try again when some have finished`, undefined, 10);
      }
      const took = (auto ? automation : people).take(token.id, jobs);
      if (!took.ok) {
        throw new ApiError(429, 'rate_limited', `this token may queue ${rate.perSecond} jobs a second (bursts of ${rate.burst}); ${jobs} more must wait`, undefined, 'retryAfterSeconds' in took ? took.retryAfterSeconds : undefined);
      }
      open!.count += jobs;
    },
  };
}
