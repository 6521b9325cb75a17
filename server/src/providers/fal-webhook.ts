/**
 * Verifies fal webhooks: ED25519 over `request_id \n user_id \n timestamp \n sha256_hex(raw body)`,
 * checked against the public keys in fal's JWKS (cached, re-read once when a signature fails, in
 * case the keys rotated). The timestamp must be within ±5 minutes, the user id must be our account,
 * and a delivery is accepted once.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { callWithRetry, MalformedBodyError, type RetryPolicy } from './http-retry';
import { readCappedText } from './provider-http';
import { ProviderWebhookError } from './provider';
import { timestampFresh, WebhookReplayGuard } from './webhook-replay-guard';

export interface FalWebhookOptions {
  jwksUrl: string;
  userId?: string;
  policy: RetryPolicy;
  toleranceSeconds?: number;
  /** How long fetched keys are trusted before being read again. */
  jwksTtlMs?: number;
  fetch?: typeof fetch;
}

export interface VerifiedFalDelivery {
  requestId: string;
  deliveryId: string;
  body: unknown;
}

const REFETCH_AFTER_FAILURE_MS = 60_000;

export class FalWebhookVerifier {
  private keys: KeyObject[] = [];
  private fetchedAt = 0;
  private readonly guard: WebhookReplayGuard;
  private readonly tolerance: number;

  constructor(private readonly options: FalWebhookOptions) {
    this.tolerance = options.toleranceSeconds ?? 300;
    this.guard = new WebhookReplayGuard(this.tolerance);
  }

  async verify(rawBody: Uint8Array, headers: Headers): Promise<VerifiedFalDelivery> {
    const { userId } = this.options;
    if (!userId) throw new ProviderWebhookError('fal webhooks are off: set FAL_USER_ID to the fal account id they must come from', 'not_configured');
    const requestId = headers.get('x-fal-webhook-request-id');
    const sender = headers.get('x-fal-webhook-user-id');
    const timestamp = headers.get('x-fal-webhook-timestamp');
    const signature = headers.get('x-fal-webhook-signature');
    if (!requestId || !sender || !timestamp || !signature) {
      throw new ProviderWebhookError('fal webhook without its X-Fal-Webhook-{Request-Id,User-Id,Timestamp,Signature} headers', 'missing_signature');
    }
    if (!timestampFresh(timestamp, this.tolerance)) {
      throw new ProviderWebhookError(`fal webhook timestamp ${timestamp.slice(0, 20)} is more than ${this.tolerance} s from now`, 'stale');
    }
    if (sender !== userId) throw new ProviderWebhookError('fal webhook is for another fal account', 'wrong_account');
    if (!/^[0-9a-f]{128}$/i.test(signature)) throw new ProviderWebhookError('fal webhook signature is not 64 hex-encoded bytes', 'bad_signature');

    const digest = createHash('sha256').update(rawBody).digest('hex');
    const message = Buffer.from(`${requestId}\n${sender}\n${timestamp}\n${digest}`);
    const sig = Buffer.from(signature, 'hex');
    let valid = (await this.publicKeys(false)).some((key) => verify(null, message, key, sig));
    if (!valid && Date.now() - this.fetchedAt > REFETCH_AFTER_FAILURE_MS) {
      valid = (await this.publicKeys(true)).some((key) => verify(null, message, key, sig));
    }
    if (!valid) throw new ProviderWebhookError('fal webhook signature does not verify against fal\'s published keys', 'bad_signature');

    const deliveryId = `fal:${createHash('sha256').update(sig).digest('hex').slice(0, 32)}`;
    if (!this.guard.firstDelivery(deliveryId)) throw new ProviderWebhookError(`fal webhook for ${requestId} was already delivered`, 'replayed');
    let body: { request_id?: unknown };
    try {
      body = JSON.parse(Buffer.from(rawBody).toString('utf8'));
    } catch {
      throw new ProviderWebhookError('fal webhook body is not JSON', 'malformed');
    }
    if (body?.request_id !== requestId) throw new ProviderWebhookError('fal webhook body names another request than its signed header', 'malformed');
    return { requestId, deliveryId, body };
  }

  private async publicKeys(force: boolean): Promise<KeyObject[]> {
    const ttl = this.options.jwksTtlMs ?? 24 * 3600_000;
    if (!force && this.keys.length && Date.now() - this.fetchedAt < ttl) return this.keys;
    const { jwksUrl, policy } = this.options;
    const jwks = await callWithRetry({
      provider: 'fal',
      label: `GET ${new URL(jwksUrl).origin}${new URL(jwksUrl).pathname}`,
      kind: 'read',
      policy,
      send: (signal) => (this.options.fetch ?? fetch)(jwksUrl, { signal, redirect: 'error', headers: { accept: 'application/json' } }),
      read: async (res) => {
        const text = await readCappedText(res, 256 * 1024, 'fal JWKS');
        if (!res.ok) throw new ProviderWebhookError(`fal JWKS answered ${res.status}`, 'not_configured');
        try {
          return JSON.parse(text) as { keys?: unknown[] };
        } catch {
          throw new MalformedBodyError('fal JWKS is not JSON');
        }
      },
    });
    const keys = (jwks.keys ?? []).flatMap((jwk) => {
      const k = jwk as { kty?: string; crv?: string; x?: string };
      if (k?.kty !== 'OKP' || k.crv !== 'Ed25519' || typeof k.x !== 'string') return [];
      try {
        return [createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: k.x }, format: 'jwk' })];
      } catch {
        return [];
      }
    });
    this.keys = keys;
    this.fetchedAt = Date.now();
    return keys;
  }
}
