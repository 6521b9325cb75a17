/**
 * A remote provider for server tests whose provider-side state the test sets: it takes submissions
 * (counting them), reports whatever state the test scripts, downloads outputs over real HTTP only from
 * its allowlist, and verifies webhooks signed with HMAC-SHA256 the way Standard Webhooks (Replicate)
 * does. It exercises the server's side of the Provider contract; the real adapters live in
 * src/providers and have their own simulators.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ProviderCallError, ProviderWebhookError, type Provider, type ProviderRequest, type ProviderStatus } from '../../src/providers/provider';
import type { ProviderRegistration } from '../../src/providers/registry';
import { isUrlAllowed, parseHostAllowlist } from '../../src/config/host-allowlist';

export interface ScriptedProvider extends Provider {
  submissions: ProviderRequest[];
  /** Sets what `status` reports for a provider job. */
  script(providerJobId: string, status: ProviderStatus): void;
  /** Signs a webhook body as the provider would. */
  sign(body: string, deliveryId: string, timestamp?: number): Headers;
}

export function scriptedProvider(options: {
  secret: string;
  allowedHosts: string;
  submitError?: (n: number) => Error | null;
  /** The seed the adapter says it sent and what it could not send, for submission n (1-based). */
  submitDetails?: (n: number) => { seed?: number; notes?: string[] } | null;
}): ScriptedProvider {
  const states = new Map<string, ProviderStatus>();
  const submissions: ProviderRequest[] = [];
  const rules = parseHostAllowlist(options.allowedHosts, 'test allowlist');
  const key = Buffer.from(options.secret);
  const mac = (id: string, ts: string, body: string) => createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64');
  return {
    name: 'fal',
    supportsWebhooks: true,
    minPollIntervalMs: 0,
    submissions,
    script: (id, status) => void states.set(id, status),
    sign(body, deliveryId, timestamp = Math.floor(Date.now() / 1000)) {
      return new Headers({ 'webhook-id': deliveryId, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${mac(deliveryId, String(timestamp), body)}`, 'content-type': 'application/json' });
    },
    async submit(request) {
      submissions.push(request);
      const failure = options.submitError?.(submissions.length);
      if (failure) throw failure;
      const providerJobId = `req-${submissions.length}`;
      states.set(providerJobId, { state: 'queued' });
      return { providerJobId, status: { state: 'queued' }, ...(options.submitDetails?.(submissions.length) ?? {}) };
    },
    async status(id) {
      return states.get(id) ?? { state: 'failed', error: { code: 'not_found', message: `no request ${id}`, retryable: false } };
    },
    async cancel(id) {
      states.set(id, { state: 'canceled' });
    },
    async fetchOutput(output) {
      if (!output.url || !isUrlAllowed(output.url, rules)) throw new ProviderCallError('fal', { code: 'host_not_allowed', message: `refusing to fetch ${output.url}: not an allowed result host`, retryable: false });
      const res = await fetch(output.url);
      if (!res.ok) throw new ProviderCallError('fal', { code: 'fetch_failed', message: `result fetch answered ${res.status}`, retryable: res.status >= 500 });
      return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
    },
    async verifyWebhook(raw, headers) {
      const id = headers.get('webhook-id');
      const ts = headers.get('webhook-timestamp');
      const sig = headers.get('webhook-signature');
      if (!id || !ts || !sig) throw new ProviderWebhookError('missing webhook-id, webhook-timestamp or webhook-signature');
      if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) throw new ProviderWebhookError('timestamp outside the 5 minute tolerance');
      const body = new TextDecoder().decode(raw);
      const expected = Buffer.from(mac(id, ts, body));
      const ok = sig.split(' ').some((entry) => {
        const given = Buffer.from(entry.replace(/^v1,/, ''));
        return given.length === expected.length && timingSafeEqual(given, expected);
      });
      if (!ok) throw new ProviderWebhookError('signature does not match');
      const payload = JSON.parse(body) as { id: string; status: ProviderStatus };
      return { providerJobId: payload.id, status: payload.status, deliveryId: id };
    },
  };
}

export function registrationOf(provider: ScriptedProvider): ProviderRegistration {
  return { create: () => provider, kinds: ['generate', 'moodboard', 'video', 'post'], note: 'scripted test provider' };
}
