/**
 * Refuses a webhook delivery seen before. Signatures only prove who sent a request, not that it is
 * the first time we see it, so every verified delivery id is remembered for as long as its timestamp
 * would still be accepted; after that the timestamp check refuses it. In-memory and bounded: the
 * server's own record of delivery ids covers restarts and several processes.
 */

export class WebhookReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly toleranceSeconds: number,
    private readonly maxEntries = 100_000,
  ) {}

  /** True the first time a delivery id is offered (within the tolerance window), false after. */
  firstDelivery(deliveryId: string, nowMs = Date.now()): boolean {
    this.evict(nowMs);
    if (this.seen.has(deliveryId)) return false;
    if (this.seen.size >= this.maxEntries) this.seen.delete(this.seen.keys().next().value as string);
    this.seen.set(deliveryId, nowMs + this.toleranceSeconds * 2000);
    return true;
  }

  private evict(nowMs: number): void {
    for (const [id, expires] of this.seen) {
      if (expires > nowMs) break;
      this.seen.delete(id);
    }
  }
}

/** True when a unix-seconds timestamp is within ±tolerance of now. */
export function timestampFresh(timestamp: string | null, toleranceSeconds: number, nowMs = Date.now()): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= toleranceSeconds;
}
