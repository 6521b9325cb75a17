import { describe, expect, it } from 'vitest';
import { pollDelayMs, retryDelayMs } from './retry-delay';

const policy = { minMs: 2000, maxMs: 30_000 };
const mid = () => 0.5;

describe('retry and poll delays', () => {
  it('backs off exponentially up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, policy, undefined, mid))).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('never retries sooner than Retry-After', () => {
    expect(retryDelayMs(1, policy, 45, mid)).toBe(45_000);
  });

  it('jitters within ±25% so retries from many jobs spread out', () => {
    expect(retryDelayMs(2, policy, undefined, () => 0)).toBe(3000);
    expect(retryDelayMs(2, policy, undefined, () => 1)).toBe(5000);
  });

  it('polls no faster than the provider allows', () => {
    expect(pollDelayMs(0, policy, 0, mid)).toBe(2000);
    expect(pollDelayMs(0, policy, 5000, mid)).toBe(5000);
    expect(pollDelayMs(20, policy, 0, mid)).toBe(30_000);
  });
});
