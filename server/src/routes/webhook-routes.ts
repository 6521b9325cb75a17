/**
 * Provider webhooks: the raw body is read first (limited to 1 MB) and handed with the headers to the
 * provider's `verifyWebhook`; only a verified delivery is parsed and acted on. A delivery id seen
 * before is a replay and is refused with 409, whether this process or the database remembers it.
 * These routes carry the provider's signature, not a token.
 */
import { Hono } from 'hono';
import { ProviderName } from '@brandlock/core/api';
import { ApiError } from '../middleware/api-error';
import type { ProviderWebhookError } from '../providers/provider';
import { readBodyBytes } from './read-json';
import type { AppEnv, RouteDeps } from './route-deps';

export function webhookRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  app.post('/v1/webhooks/:provider', async (c) => {
    const name = ProviderName.safeParse(c.req.param('provider'));
    const provider = name.success ? deps.registry.get(name.data) : null;
    if (!provider || !provider.verifyWebhook) throw new ApiError(404, 'not_found', 'no provider here takes webhooks at this address');
    const raw = await readBodyBytes(c, 1024 * 1024);
    let event;
    try {
      event = await provider.verifyWebhook(raw, c.req.raw.headers);
    } catch (e) {
      if ((e as Error)?.name === 'ProviderWebhookError') {
        // The adapter remembers deliveries it verified; a replay is the same answer as the database's below.
        if ((e as ProviderWebhookError).code === 'replayed') throw new ApiError(409, 'webhook_rejected', `webhook refused: ${(e as Error).message}; replays are refused`);
        deps.log.warn('webhook refused', { provider: provider.name, reason: (e as Error).message });
        throw new ApiError(401, 'webhook_rejected', `webhook refused: ${(e as Error).message}`);
      }
      throw e;
    }
    const fresh = await deps.db.query(
      'INSERT INTO webhook_deliveries (provider, delivery_id, provider_job_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING delivery_id',
      [provider.name, event.deliveryId, event.providerJobId],
    );
    if (!fresh.length) throw new ApiError(409, 'webhook_rejected', `delivery ${event.deliveryId} was already received; replays are refused`);
    const job = (await deps.db.query<{ id: string }>('SELECT id FROM jobs WHERE provider = $1 AND provider_job_id = $2', [provider.name, event.providerJobId]))[0];
    if (job) await deps.runner.onWebhook(job.id, event.status);
    else deps.log.info('webhook for a provider job not (yet) recorded; polling will pick it up', { provider: provider.name, providerJobId: event.providerJobId });
    return c.json({ ok: true });
  });
  return app;
}
