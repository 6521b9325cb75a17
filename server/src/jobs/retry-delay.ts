/**
 * How long to wait before the next provider call: exponential backoff with jitter for errors (never
 * sooner than the provider's Retry-After), and a growing interval for status polls (never faster than
 * the provider allows, e.g. Runway's 5 s).
 */

export interface DelayPolicy {
  minMs: number;
  maxMs: number;
}

const jitter = (ms: number, random: () => number) => Math.round(ms * (0.75 + 0.5 * random()));

/** Delay before retrying after the n-th failed call (n from 1). */
export function retryDelayMs(failures: number, policy: DelayPolicy, retryAfterSeconds?: number, random: () => number = Math.random): number {
  const backoff = jitter(Math.min(policy.maxMs, policy.minMs * 2 ** Math.max(0, failures - 1)), random);
  return Math.max(backoff, (retryAfterSeconds ?? 0) * 1000);
}

/** Delay before the n-th status poll (n from 0): from minMs growing by half each time to maxMs. */
export function pollDelayMs(polls: number, policy: DelayPolicy, providerMinMs: number, random: () => number = Math.random): number {
  return Math.max(providerMinMs, jitter(Math.min(policy.maxMs, policy.minMs * 1.5 ** polls), random));
}
