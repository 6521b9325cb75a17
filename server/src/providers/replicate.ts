/**
 * Replicate predictions: create with `POST /models/{owner}/{name}/predictions` (official models),
 * `POST /predictions` with a `version` ("owner/name:hash"), or `POST /deployments/{owner}/{name}/
 * predictions`; poll `GET /predictions/{id}`; cancel with `POST /predictions/{id}/cancel`; verify
 * HMAC-signed webhooks. Outputs are deleted by Replicate after an hour (`data_removed`), so the
 * queue copies them at once; a prediction whose files are gone fails with `output_expired`.
 * Source images go inline as data URLs up to 256 KB and through `POST /files` above that.
 */
import { sourceDataUri } from './data-uri';
import { appliedLoras, mapLoras, pickModel, type RemoteProviderOptions } from './hosted-model';
import { parseHostAllowlist } from '../config/host-allowlist';
import { fillInputTemplate } from './input-template';
import { fetchRefreshingExpired } from './output-refresh';
import { ProviderHttp } from './provider-http';
import type { ReplicateSettings } from './provider-env';
import { droppedInputNotes, nearestRatio, recipeValues } from './recipe-values';
import { ReplicateWebhookVerifier } from './replicate-webhook';
import { fetchAllowedOutput } from './safe-fetch';
import { ProviderCallError, ProviderWebhookError, type Provider, type ProviderSource, type ProviderStatus } from './provider';

export type ReplicateProviderOptions = RemoteProviderOptions<ReplicateSettings>;

/** The input of FLUX LoRA models on Replicate (black-forest-labs/flux-dev-lora and kin): two LoRA slots. */
const IMAGE_TEMPLATE = {
  prompt: '$prompt',
  lora_weights: '$lora_weights',
  lora_scale: '$lora_scale',
  extra_lora: '$extra_lora',
  extra_lora_scale: '$extra_lora_scale',
  num_outputs: '$count',
  num_inference_steps: '$steps',
  guidance: '$guidance',
  seed: '$seed',
  aspect_ratio: '$aspect_ratio',
  output_format: 'png',
};
const VIDEO_TEMPLATE = { prompt: '$prompt', start_image: '$source_image', seed: '$seed' };
const INLINE_LIMIT = 256 * 1024;

export function createReplicateProvider(options: ReplicateProviderOptions): Provider {
  const { settings, policy } = options;
  const http = new ProviderHttp({
    provider: 'replicate',
    baseUrl: settings.baseUrl,
    headers: { authorization: `Bearer ${settings.token.reveal()}` },
    secrets: [settings.token.reveal(), settings.webhookSecret?.reveal()],
    policy,
    sleep: options.sleep,
    fetch: options.fetch,
  });
  const apiOrigin = new URL(settings.baseUrl).origin;
  // Files uploaded with POST /files are read back from the API itself.
  const allowed = [...settings.allowedHosts, ...parseHostAllowlist(apiOrigin, 'REPLICATE_BASE_URL')];
  const webhooks = new ReplicateWebhookVerifier(settings.webhookSecret?.reveal());

  async function sourceUrl(source: ProviderSource, signal?: AbortSignal): Promise<string> {
    const bytes = await source.read();
    if (bytes.byteLength <= INLINE_LIMIT) return sourceDataUri('replicate', { ...source, read: async () => bytes }, INLINE_LIMIT);
    const form = new FormData();
    const extension = source.contentType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin';
    form.set('content', new Blob([bytes], { type: source.contentType }), `${source.sha256.slice(0, 32)}.${extension}`);
    form.set('type', source.contentType);
    const answer = await http.call('POST', '/files', { kind: 'idempotent', body: form, signal });
    const url = (answer.data as { urls?: { get?: unknown } })?.urls?.get;
    if (typeof url !== 'string') throw new ProviderCallError('replicate', { code: 'malformed_response', message: 'POST /files answered without urls.get', retryable: true });
    return url;
  }

  async function status(id: string, signal?: AbortSignal): Promise<ProviderStatus> {
    const answer = await http.call('GET', `/predictions/${encodeURIComponent(id)}`, { kind: 'read', signal });
    return predictionStatus(answer.data, (t, max) => http.clip(t, max));
  }

  return {
    name: 'replicate',
    supportsWebhooks: Boolean(settings.webhookSecret),
    minPollIntervalMs: settings.pollIntervalMs,

    async submit(request, signal) {
      const model = pickModel('replicate', request, options.map, options.mapSource);
      const loras = mapLoras('replicate', request, options.map, options.mapSource);
      const values = recipeValues(request);
      const template = model.input ?? (request.kind === 'video' ? VIDEO_TEMPLATE : IMAGE_TEMPLATE);
      const needsSources = JSON.stringify(template).includes('$source_image');
      const sources = needsSources ? await Promise.all(request.sources.map((s) => sourceUrl(s, signal))) : [];
      const filled = fillInputTemplate(
        template,
        {
          prompt: values.prompt,
          negative_prompt: values.negativePrompt || undefined,
          width: values.width,
          height: values.height,
          aspect_ratio: nearestRatio(values.width, values.height, model.ratios),
          steps: values.steps,
          guidance: values.guidance,
          seed: values.seed,
          count: values.count,
          loras: loras.map((l) => ({ weights: l.target, scale: l.strength })),
          lora_weights: loras[0]?.target,
          lora_scale: loras[0]?.strength,
          extra_lora: loras[1]?.target,
          extra_lora_scale: loras[1]?.strength,
          source_image: sources[0],
          source_images: sources.length ? sources : undefined,
        },
        `${options.mapSource}: replicate model ${model.id} input`,
      );
      const slots = filled.used.has('loras') ? Infinity : Number(filled.used.has('lora_weights')) + Number(filled.used.has('extra_lora'));
      if (loras.length > slots) {
        throw new ProviderCallError('replicate', {
          code: 'unsupported_recipe',
          message: `replicate ${model.id}: the recipe needs ${loras.length} LoRAs (${loras.map((l) => l.ref).join(', ')}) but the model input takes ${slots}`,
          retryable: false,
        });
      }
      const { path, version } = createPath(model.id);
      const webhook = request.webhookUrl && settings.webhookSecret ? { webhook: request.webhookUrl, webhook_events_filter: ['start', 'completed'] } : {};
      const answer = await http.call('POST', path, {
        kind: 'create',
        json: { ...(version ? { version } : {}), input: filled.input, ...webhook },
        headers: settings.cancelAfter ? { 'cancel-after': settings.cancelAfter } : {},
        signal,
      });
      const prediction = answer.data as { id?: unknown };
      if (typeof prediction?.id !== 'string' || !prediction.id) {
        throw new ProviderCallError('replicate', { code: 'submit_outcome_unknown', message: `replicate accepted ${model.id} without a prediction id; not resubmitted`, retryable: false });
      }
      return {
        providerJobId: prediction.id,
        status: predictionStatus(answer.data, (t, max) => http.clip(t, max)),
        seed: values.seed,
        loras: appliedLoras(loras),
        notes: droppedInputNotes('replicate', model.id, request, filled.used, { negative: 'negative_prompt', sources: 'source_image' }),
      };
    },

    status,

    async cancel(id, signal) {
      await http.call('POST', `/predictions/${encodeURIComponent(id)}/cancel`, { kind: 'idempotent', accept: [404, 409, 422], signal });
    },

    fetchOutput(output, signal) {
      return fetchRefreshingExpired(
        output,
        (url) =>
          fetchAllowedOutput(url, {
            provider: 'replicate',
            allowed,
            accept: ['image/', 'video/'],
            maxBytes: options.maxOutputBytes,
            policy,
            credentials: { origin: apiOrigin, headers: { authorization: `Bearer ${settings.token.reveal()}` } },
            signal,
            sleep: options.sleep,
            fetch: options.fetch,
          }),
        (id) => status(id, signal),
      );
    },

    async verifyWebhook(rawBody, headers) {
      const delivery = webhooks.verify(rawBody, headers);
      const id = (delivery.body as { id?: unknown })?.id;
      if (typeof id !== 'string') throw new ProviderWebhookError('Replicate webhook body has no prediction id', 'malformed');
      try {
        return { providerJobId: id, deliveryId: delivery.deliveryId, status: predictionStatus(delivery.body, (t, max) => http.clip(t, max)) };
      } catch (err) {
        throw new ProviderWebhookError(`Replicate webhook for ${id}: ${(err as Error).message}`, 'malformed');
      }
    },
  };
}

/** "owner/name" -> official model route; "owner/name:hash" or a bare hash -> /predictions with a version. */
function createPath(id: string): { path: string; version?: string } {
  if (id.startsWith('deployments/')) return { path: `/${id}/predictions` };
  if (id.includes(':') || /^[0-9a-f]{64}$/.test(id)) return { path: '/predictions', version: id };
  return { path: `/models/${id}/predictions` };
}

/** Maps a prediction object (poll answer or webhook body) onto our states. */
export function predictionStatus(data: unknown, clip: (text: string, max: number) => string): ProviderStatus {
  const p = (data ?? {}) as {
    id?: string; status?: string; output?: unknown; error?: unknown; model?: string; version?: string; input?: { seed?: unknown }; data_removed?: boolean;
  };
  const model = p.model;
  const modelVersion = p.version;
  switch (p.status) {
    case 'starting':
      return { state: 'queued', model, modelVersion };
    case 'processing':
      return { state: 'running', model, modelVersion };
    case 'canceled':
    case 'aborted':
      return { state: 'canceled', model, modelVersion };
    case 'failed':
      return { state: 'failed', model, modelVersion, error: { code: 'provider_error', message: `replicate prediction ${p.id} failed: ${clip(String(p.error ?? 'no error text'), 300)}`, retryable: false } };
    case 'succeeded': {
      if (p.data_removed) {
        return { state: 'failed', model, modelVersion, error: { code: 'output_expired', message: `replicate removed the outputs of ${p.id} (API outputs are kept 1 hour)`, retryable: false } };
      }
      const urls = (Array.isArray(p.output) ? p.output : [p.output]).filter((u): u is string => typeof u === 'string');
      const seed = typeof p.input?.seed === 'number' ? p.input.seed : undefined;
      return { state: 'succeeded', model, modelVersion, outputs: urls.map((url, index) => ({ url, seed, refresh: { providerJobId: p.id ?? '', index } })) };
    }
    default:
      throw new ProviderCallError('replicate', { code: 'malformed_response', message: `replicate prediction status is "${clip(String(p.status), 40)}"`, retryable: true });
  }
}
