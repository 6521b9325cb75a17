/**
 * Verifies Replicate webhooks (the Standard Webhooks scheme): HMAC-SHA256 keyed with the base64 part
 * of the `whsec_…` secret over `${webhook-id}.${webhook-timestamp}.${raw body}`, compared in constant
 * time against each `v1,<base64>` entry of `webhook-signature`. Timestamps more than ±5 minutes
 * away are refused (Replicate's own client does not check), and each signed delivery is accepted once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ProviderWebhookError } from './provider';
import { timestampFresh, WebhookReplayGuard } from './webhook-replay-guard';

export interface VerifiedReplicateDelivery {
  deliveryId: string;
  body: unknown;
}

export class ReplicateWebhookVerifier {
  private readonly guard: WebhookReplayGuard;

  constructor(
    private readonly secret: string | undefined,
    private readonly toleranceSeconds = 300,
  ) {
    this.guard = new WebhookReplayGuard(toleranceSeconds);
  }

  verify(rawBody: Uint8Array, headers: Headers): VerifiedReplicateDelivery {
    if (!this.secret) throw new ProviderWebhookError('Replicate webhooks are off: set REPLICATE_WEBHOOK_SECRET (GET /v1/webhooks/default/secret)', 'not_configured');
    const id = headers.get('webhook-id');
    const timestamp = headers.get('webhook-timestamp');
    const signatures = headers.get('webhook-signature');
    if (!id || !timestamp || !signatures) throw new ProviderWebhookError('Replicate webhook without webhook-id, webhook-timestamp and webhook-signature headers', 'missing_signature');
    if (!timestampFresh(timestamp, this.toleranceSeconds)) {
      throw new ProviderWebhookError(`Replicate webhook timestamp ${timestamp.slice(0, 20)} is more than ${this.toleranceSeconds} s from now`, 'stale');
    }
    const key = Buffer.from(this.secret.split('_').pop() ?? '', 'base64');
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(rawBody).digest();
    const valid = signatures.split(' ').some((entry) => {
      const [version, sig] = entry.split(',', 2);
      if (version !== 'v1' || !sig) return false;
      const given = Buffer.from(sig, 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
    if (!valid) throw new ProviderWebhookError('Replicate webhook signature does not match the webhook secret', 'bad_signature');
    const deliveryId = `replicate:${id}:${timestamp}`;
    if (!this.guard.firstDelivery(deliveryId)) throw new ProviderWebhookError(`Replicate webhook ${id} was already delivered`, 'replayed');
    try {
      return { deliveryId, body: JSON.parse(Buffer.from(rawBody).toString('utf8')) };
    } catch {
      throw new ProviderWebhookError('Replicate webhook body is not JSON', 'malformed');
    }
  }
}
