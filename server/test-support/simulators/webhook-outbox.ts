/**
 * Sends a simulator's webhooks to the URL the client gave, like the real services: a POST with the
 * signed headers, a 15 s timeout, no redirects followed. A duplicate sends the same bytes twice.
 * Tests await `settled()` before asserting on what was delivered.
 */

export interface WebhookDelivery {
  url: string;
  body: Buffer;
  headers: Record<string, string>;
}

export interface SentWebhook {
  url: string;
  body: string;
  status: number | 'error';
  /** Why the delivery failed, when it did. */
  error?: string;
}

export class WebhookOutbox {
  readonly sent: SentWebhook[] = [];
  private readonly pending = new Set<Promise<void>>();

  /** Queues a delivery (twice, byte for byte, when `duplicate`). */
  send(delivery: WebhookDelivery, duplicate = false): void {
    const copies = duplicate ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const p = this.post(delivery).finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
  }

  /** Resolves when every queued delivery has been answered (or failed). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private async post(d: WebhookDelivery): Promise<void> {
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        body: d.body,
        headers: { 'content-type': 'application/json', ...d.headers },
        redirect: 'manual',
        signal: AbortSignal.timeout(15_000),
      });
      await res.arrayBuffer();
      this.sent.push({ url: d.url, body: d.body.toString('utf8'), status: res.status });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      this.sent.push({ url: d.url, body: d.body.toString('utf8'), status: 'error', error: `${e.name}: ${e.cause?.code ?? e.message}` });
    }
  }
}
