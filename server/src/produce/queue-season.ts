/**
 * Queues a season's planned jobs on the server a chunk of SKUs at a time, so a season larger than
 * what the server takes at once still goes in whole, and a busy server (429 for this token, 503 for
 * a full queue) is waited for as its Retry-After says while the run keeps delivering what is done.
 * A chunk the server says is too large is halved. Queueing is idempotent per planned job on the
 * server, so a chunk sent again after an error is never queued twice.
 */
import type { BriefJobsQueued, BriefJobsRequest, BrandlockClient } from '@brandlock/core/api';

const FIRST_CHUNK_SKUS = 200;
const DEFAULT_WAIT_S = 5;

export class SeasonQueue {
  private pending: string[];
  private chunk = FIRST_CHUNK_SKUS;
  private waitUntil = 0;
  /** Why the last chunk is waiting, for the progress display; null when it is not. */
  waiting: string | null = null;

  constructor(
    private readonly api: Pick<BrandlockClient, 'briefs'>,
    private readonly briefId: string,
    skus: readonly string[],
    private readonly request: Omit<BriefJobsRequest, 'skus'>,
    private readonly now: () => number = Date.now,
  ) {
    this.pending = [...new Set(skus)];
  }

  get done(): boolean {
    return this.pending.length === 0;
  }

  /**
   * Queues chunks until all are in or the server asks to wait; returns what was queued and skipped.
   * Errors other than "too many" (429, 503) are thrown.
   */
  async next(): Promise<Pick<BriefJobsQueued, 'queued' | 'skipped'>> {
    const queued: BriefJobsQueued['queued'] = [];
    const skipped: BriefJobsQueued['skipped'] = [];
    while (this.pending.length && this.now() >= this.waitUntil) {
      const skus = this.pending.slice(0, this.chunk);
      try {
        const res = await this.api.briefs.queueJobs(this.briefId, { ...this.request, skus });
        queued.push(...res.queued);
        skipped.push(...res.skipped);
        this.pending = this.pending.slice(skus.length);
        this.waiting = null;
      } catch (e) {
        const err = e as { status?: number; code?: string; retryAfterSeconds?: number | null; serverMessage?: string };
        if (err.status === 429 && err.code === 'batch_too_large' && this.chunk > 1) {
          this.chunk = Math.max(1, Math.floor(this.chunk / 2));
          continue;
        }
        if (err.status !== 429 && err.status !== 503) throw e;
        const seconds = err.retryAfterSeconds ?? DEFAULT_WAIT_S;
        this.waitUntil = this.now() + seconds * 1000;
        this.waiting = `server busy, next SKUs in ${Math.ceil(seconds)}s: ${err.serverMessage ?? err.code}`;
        break;
      }
    }
    return { queued, skipped };
  }
}
