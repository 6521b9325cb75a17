// A season goes onto a busy server whole: chunks of SKUs, halved when the server says a chunk is too
// large, waited for as Retry-After says when it is busy (429 for the token, 503 for a full queue).
import { describe, expect, it } from 'vitest';
import type { BriefJobsRequest } from '@brandlock/core/api';
import { SeasonQueue } from './queue-season';

function busy(status: number, code: string, retryAfterSeconds: number | null) {
  return Object.assign(new Error(code), { name: 'BrandlockHttpError', status, code, retryAfterSeconds, serverMessage: `${code} message` });
}

describe('SeasonQueue', () => {
  it('halves a chunk the server finds too large, waits out 429 and 503, and queues every SKU once', async () => {
    let now = 0;
    const calls: string[][] = [];
    const answers: (Error | null)[] = [busy(429, 'batch_too_large', null), null, busy(503, 'queue_full', 10), null, busy(429, 'rate_limited', 2), null];
    const api = {
      briefs: {
        queueJobs: async (_id: string, req: BriefJobsRequest) => {
          calls.push(req.skus!);
          const answer = answers.shift();
          if (answer) throw answer;
          return { briefId: 'b', queued: req.skus!.map((sku) => ({ plannedJobId: `p-${sku}`, jobId: `j-${sku}`, sku, view: 'front', created: true })), skipped: [] };
        },
      },
    };
    const skus = Array.from({ length: 300 }, (_, i) => `S-${i}`);
    const season = new SeasonQueue(api as never, 'b', [...skus, 'S-0'], { provider: 'local' }, () => now);
    const got: string[] = [];
    const step = async () => got.push(...(await season.next()).queued.map((q) => q.sku));
    await step();
    expect(calls.map((c) => c.length)).toEqual([200, 100, 100]);
    expect(season.waiting).toMatch(/server busy, next SKUs in 10s: queue_full message/);
    now += 5000;
    await step();
    expect(calls).toHaveLength(3);
    now += 5000;
    await step();
    expect(season.waiting).toMatch(/in 2s/);
    now += 2000;
    await step();
    expect(season.done).toBe(true);
    expect(season.waiting).toBeNull();
    expect(got).toEqual(skus);
  });

  it('gives up on other errors', async () => {
    const api = { briefs: { queueJobs: async () => Promise.reject(busy(404, 'not_found', null)) } };
    await expect(new SeasonQueue(api as never, 'b', ['A'], {}).next()).rejects.toMatchObject({ code: 'not_found' });
  });
});
