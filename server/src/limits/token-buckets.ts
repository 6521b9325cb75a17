/**
 * Token buckets keyed by API token: each holds up to `burst` units and refills at `perSecond`. Taking
 * n units either succeeds or says how long until n will be there. In memory, per process: every
 * server process on a shared database keeps its own buckets.
 */

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number } | { ok: false; tooLarge: true };

export interface TokenBuckets {
  take(key: string, units: number, nowMs?: number): Take;
}

/**
 * @example
 * const buckets = createTokenBuckets({ perSecond: 5, burst: 200 });
 * buckets.take('tok_1', 1) // { ok: true }
 */
export function createTokenBuckets(rate: { perSecond: number; burst: number }, maxKeys = 100_000): TokenBuckets {
  const buckets = new Map<string, { units: number; at: number }>();
  return {
    take(key, units, nowMs = Date.now()) {
      if (units > rate.burst) return { ok: false, tooLarge: true };
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string);
        b = { units: rate.burst, at: nowMs };
        buckets.set(key, b);
      }
      b.units = Math.min(rate.burst, b.units + ((nowMs - b.at) / 1000) * rate.perSecond);
      b.at = nowMs;
      if (b.units >= units) {
        b.units -= units;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: (units - b.units) / rate.perSecond };
    },
  };
}
