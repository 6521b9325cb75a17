/**
 * fal.ai through its queue API: submit to `POST {queue}/{endpoint}` (with `fal_webhook` when the
 * server is reachable), poll `GET /{owner}/{app}/requests/{id}/status` (202 until COMPLETED), read
 * the result from `GET /{owner}/{app}/requests/{id}` (non-2xx means the request failed), cancel with
 * `PUT …/cancel`, and verify ED25519-signed webhooks against fal's JWKS. Status URLs use owner/app
 * only; the app of each request is remembered at submit and, after a restart, found by asking each
 * app in the provider map.
 */
import { fillInputTemplate } from './input-template';
import { FalWebhookVerifier } from './fal-webhook';
import { appliedLoras, mapLoras, pickModel, requireLorasUsed, type RemoteProviderOptions } from './hosted-model';
import { ProviderHttp } from './provider-http';
import type { FalSettings } from './provider-env';
import { resolveModelEntry } from './provider-map';
import { droppedInputNotes, recipeValues } from './recipe-values';
import { sourceDataUri } from './data-uri';
import { videoTemplateValues } from './video-template-values';
import { fetchAllowedOutput } from './safe-fetch';
import { ProviderCallError, type Provider, type ProviderOutput, type ProviderStatus, type WebhookEvent } from './provider';

export type FalProviderOptions = RemoteProviderOptions<FalSettings>;

const IMAGE_TEMPLATE = {
  prompt: '$prompt',
  loras: '$loras',
  image_size: { width: '$width', height: '$height' },
  num_inference_steps: '$steps',
  guidance_scale: '$guidance',
  num_images: '$count',
  seed: '$seed',
  output_format: 'png',
  enable_safety_checker: true,
};
/** Kling image-to-video on fal (fal-ai/kling-video/v2.1/pro/image-to-video): duration "5" or "10", tail_image_url the last frame. */
const VIDEO_TEMPLATE = { prompt: '$prompt', image_url: '$source_image', negative_prompt: '$negative_prompt', duration: '$duration', tail_image_url: '$tail_image' };
const KLING_DURATIONS = [5, 10];
const MAX_INLINE_SOURCE = 20 * 1024 * 1024;
const NAMESPACES = new Set(['workflows', 'comfy']);

/** "fal-ai/flux-lora/image-to-image" -> "fal-ai/flux-lora": status URLs take owner/app only. */
export function falApp(endpointId: string): string {
  const parts = endpointId.split('/');
  return parts.slice(0, NAMESPACES.has(parts[0]) ? 3 : 2).join('/');
}

export function createFalProvider(options: FalProviderOptions): Provider {
  const { settings, policy } = options;
  const http = new ProviderHttp({
    provider: 'fal',
    baseUrl: settings.queueUrl,
    headers: { authorization: `Key ${settings.key.reveal()}` },
    secrets: [settings.key.reveal()],
    policy,
    sleep: options.sleep,
    fetch: options.fetch,
  });
  const allowed = settings.allowedHosts;
  const webhooks = new FalWebhookVerifier({ jwksUrl: settings.jwksUrl, userId: settings.userId, policy, fetch: options.fetch });
  const appOfRequest = new Map<string, string>();
  const mappedApps = [
    ...new Set(
      [...Object.values(options.map?.models ?? {}), ...(options.map?.video ? [options.map.video] : [])].map((e) => falApp(resolveModelEntry(e).id)),
    ),
  ];

  const remember = (requestId: string, app: string) => {
    if (appOfRequest.size > 50_000) appOfRequest.delete(appOfRequest.keys().next().value as string);
    appOfRequest.set(requestId, app);
  };

  /** GETs a request path under its app, trying each mapped app when the app is not known. */
  async function onApp(requestId: string, suffix: string, accept: number[], signal?: AbortSignal) {
    const known = appOfRequest.get(requestId);
    for (const app of known ? [known] : mappedApps) {
      const answer = await http.call('GET', `/${app}/requests/${encodeURIComponent(requestId)}${suffix}`, { kind: 'read', accept: [...accept, 404], signal });
      if (answer.status !== 404) {
        remember(requestId, app);
        return { app, answer };
      }
    }
    return undefined;
  }

  async function status(requestId: string, signal?: AbortSignal): Promise<ProviderStatus> {
    const found = await onApp(requestId, '/status', [202], signal);
    if (!found) return { state: 'failed', error: { code: 'not_found', message: `fal has no request ${requestId} under ${mappedApps.join(', ') || 'any mapped app'}`, retryable: false } };
    const body = (found.answer.data ?? {}) as { status?: string };
    const model = found.app;
    switch (body.status) {
      case 'IN_QUEUE':
        return { state: 'queued', model };
      case 'IN_PROGRESS':
        return { state: 'running', model };
      case 'CANCELLED':
      case 'CANCELED':
        return { state: 'canceled', model };
      case 'COMPLETED':
        return result(requestId, model, signal);
      default:
        throw new ProviderCallError('fal', { code: 'malformed_response', message: `fal status for ${requestId} is "${http.clip(String(body.status), 40)}"`, retryable: true });
    }
  }

  async function result(requestId: string, app: string, signal?: AbortSignal): Promise<ProviderStatus> {
    // A 5xx with an error type is fal's verdict after its own retries; without one it is transient.
    const answer = await http
      .call('GET', `/${app}/requests/${encodeURIComponent(requestId)}`, {
        kind: 'read',
        accept: [400, 404, 409, 410, 422, 500, 502, 503, 504],
        isFinal: (res) => res.headers.has('x-fal-error-type'),
        signal,
      })
      .catch((err: unknown) => {
        if (err instanceof ProviderCallError && err.error.code === 'start_timeout') return err;
        throw err;
      });
    if (answer instanceof ProviderCallError) return { state: 'failed', model: app, error: answer.error };
    if (answer.status < 300) return succeeded(requestId, app, answer.data);
    const body = (answer.data ?? {}) as { detail?: unknown; error_type?: string };
    const errorType = answer.headers.get('x-fal-error-type') ?? body.error_type;
    if (/cancel/i.test(String(errorType ?? body.detail ?? ''))) return { state: 'canceled', model: app };
    const message = http.clip(typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail ?? answer.status), 300);
    return {
      state: 'failed',
      model: app,
      error: { code: errorType ?? `http_${answer.status}`, message: `fal request ${requestId} failed: ${message}`, retryable: answer.status >= 500 },
    };
  }

  return {
    name: 'fal',
    supportsWebhooks: Boolean(settings.userId),
    minPollIntervalMs: settings.pollIntervalMs,

    async submit(request, signal) {
      const model = pickModel('fal', request, options.map, options.mapSource);
      const loras = mapLoras('fal', request, options.map, options.mapSource);
      const values = recipeValues(request);
      const template = model.input ?? (request.kind === 'video' ? VIDEO_TEMPLATE : IMAGE_TEMPLATE);
      const needsSources = JSON.stringify(template).includes('$source_image');
      const sources = needsSources ? await Promise.all(request.sources.map((s) => sourceDataUri('fal', s, MAX_INLINE_SOURCE))) : [];
      const video = videoTemplateValues('fal', request, model, { durations: KLING_DURATIONS, durationAs: 'string', still: sources[0], template });
      const filled = fillInputTemplate(
        template,
        {
          prompt: values.prompt,
          negative_prompt: values.negativePrompt || undefined,
          width: values.width,
          height: values.height,
          steps: values.steps,
          guidance: values.guidance,
          seed: values.seed,
          count: values.count,
          loras: loras.map((l) => ({ path: l.target, scale: l.strength })),
          source_image: sources[0],
          source_images: sources.length ? sources : undefined,
          ...video.values,
        },
        `${options.mapSource}: fal model ${model.id} input`,
      );
      requireLorasUsed('fal', model.id, request, filled.used, 'loras');
      const answer = await http.call('POST', `/${model.id}`, {
        kind: 'create',
        json: filled.input,
        query: request.webhookUrl && settings.userId ? { fal_webhook: request.webhookUrl } : undefined,
        headers: {
          'x-fal-queue-priority': 'normal',
          'x-fal-object-lifecycle-preference': JSON.stringify({ expiration_duration_seconds: settings.mediaExpirySeconds }),
          ...(loras[0] ? { 'x-fal-runner-hint': loras[0].ref } : {}),
          ...(settings.startTimeoutSeconds ? { 'x-fal-request-timeout': String(settings.startTimeoutSeconds) } : {}),
        },
        signal,
      });
      const body = answer.data as { request_id?: unknown; queue_position?: unknown };
      if (typeof body?.request_id !== 'string' || !body.request_id) {
        throw new ProviderCallError('fal', { code: 'submit_outcome_unknown', message: `fal accepted ${model.id} without a request_id; not resubmitted`, retryable: false });
      }
      remember(body.request_id, falApp(model.id));
      return {
        providerJobId: body.request_id,
        status: { state: 'queued', model: model.id },
        seed: values.seed,
        loras: appliedLoras(loras),
        notes: [...droppedInputNotes('fal', model.id, request, filled.used, { negative: 'negative_prompt', sources: 'source_image' }), ...video.notes(filled.used)],
      };
    },

    status,

    async cancel(requestId, signal) {
      const known = appOfRequest.get(requestId);
      const apps = known ? [known] : mappedApps;
      for (const app of apps) {
        const answer = await http.call('PUT', `/${app}/requests/${encodeURIComponent(requestId)}/cancel`, { kind: 'idempotent', accept: [400, 404], signal });
        if (answer.status !== 404 || apps.length === 1) return;
      }
    },

    async fetchOutput(output, signal) {
      if (output.bytes) return { bytes: output.bytes, contentType: output.contentType ?? 'application/octet-stream' };
      if (!output.url) throw new ProviderCallError('fal', { code: 'no_output', message: 'fal output has neither a URL nor bytes', retryable: false });
      return fetchAllowedOutput(output.url, {
        provider: 'fal',
        allowed,
        accept: ['image/', 'video/'],
        maxBytes: options.maxOutputBytes,
        policy,
        signal,
        sleep: options.sleep,
        fetch: options.fetch,
      });
    },

    async verifyWebhook(rawBody, headers): Promise<WebhookEvent> {
      const delivery = await webhooks.verify(rawBody, headers);
      const body = delivery.body as { status?: string; payload?: unknown; error?: unknown };
      const app = appOfRequest.get(delivery.requestId);
      const status: ProviderStatus =
        body.status === 'OK'
          ? succeeded(delivery.requestId, app, body.payload)
          : {
              state: 'failed',
              model: app,
              error: { code: 'provider_error', message: `fal request failed: ${http.clip(String(body.error ?? 'no error text'), 300)}`, retryable: false },
            };
      return { providerJobId: delivery.requestId, deliveryId: delivery.deliveryId, status };
    },
  };
}

/** A completed request's payload; one without any file is a failure, not an empty success. */
function succeeded(requestId: string, model: string | undefined, payload: unknown): ProviderStatus {
  const outputs = falOutputs(payload);
  if (outputs.length) return { state: 'succeeded', model, outputs };
  return { state: 'failed', model, error: { code: 'no_output', message: `fal request ${requestId} completed without an image or video`, retryable: false } };
}

/** fal outputs: `images[]` (FLUX and most image apps), `image` (single-image apps) or `video`. */
function falOutputs(payload: unknown): ProviderOutput[] {
  const p = (payload ?? {}) as { images?: unknown[]; image?: unknown; video?: unknown; seed?: unknown };
  const files = p.images ?? [p.image ?? p.video].filter(Boolean);
  const seed = typeof p.seed === 'number' ? p.seed : undefined;
  return files.flatMap((file) => {
    const f = file as { url?: unknown; content_type?: unknown };
    if (typeof f?.url !== 'string') return [];
    return [{ url: f.url, contentType: typeof f.content_type === 'string' ? f.content_type : undefined, seed }];
  });
}
