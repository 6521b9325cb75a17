/**
 * fal's FLUX LoRA trainer (`fal-ai/flux-lora-fast-training`) through the queue API: the training set
 * is uploaded to fal's storage (`POST {rest}/storage/upload/initiate?storage_type=fal-cdn-v3` gives an
 * `upload_url` to PUT the bytes to and the `file_url` fal reads), then `POST {queue}/fal-ai/flux-lora-
 * fast-training` with `images_data_url`, `trigger_word`, `steps` and `create_masks`; the status is
 * `GET /fal-ai/flux-lora-fast-training/requests/{id}/status` (202 IN_QUEUE / IN_PROGRESS, 200
 * COMPLETED) and the result `GET …/requests/{id}`: `{diffusers_lora_file: File, config_file: File}`,
 * a non-2xx result meaning the training failed. fal does not report a cost in the API: with
 * BRANDLOCK_TRAIN_PRICE_FAL (USD per 1,000 steps, from fal's price list) it is worked out.
 */
import { ProviderHttp } from '../providers/provider-http';
import type { RetryPolicy } from '../providers/http-retry';
import type { ProviderState } from '../providers/provider';
import type { Trainer, TrainingRequest, TrainingStatus } from './trainer';

export const FAL_TRAINER = 'fal-ai/flux-lora-fast-training';

export interface FalTrainerOptions {
  key: string;
  queueUrl: string;
  restUrl: string;
  policy: RetryPolicy;
  /** USD per 1,000 steps. */
  pricePer1000Steps?: number;
  fetch?: typeof fetch;
}

const STATES: Record<string, ProviderState> = { IN_QUEUE: 'queued', IN_PROGRESS: 'running', COMPLETED: 'succeeded', FAILED: 'failed', CANCELED: 'canceled', CANCELLED: 'canceled' };

export function createFalTrainer(o: FalTrainerOptions): Trainer {
  const headers = { authorization: `Key ${o.key}` };
  const queue = new ProviderHttp({ provider: 'fal', baseUrl: o.queueUrl, headers, secrets: [o.key], policy: o.policy, fetch: o.fetch });
  const rest = new ProviderHttp({ provider: 'fal', baseUrl: o.restUrl, headers, secrets: [o.key], policy: o.policy, fetch: o.fetch });

  async function upload(zip: Uint8Array, signal?: AbortSignal): Promise<string> {
    const init = await rest.call('POST', '/storage/upload/initiate', { kind: 'create', query: { storage_type: 'fal-cdn-v3' }, json: { content_type: 'application/zip', file_name: 'training-set.zip' }, signal });
    const { upload_url: uploadUrl, file_url: fileUrl } = (init.data ?? {}) as { upload_url?: string; file_url?: string };
    if (!uploadUrl || !fileUrl) throw rest.errorFor('POST /storage/upload/initiate', init.status, JSON.stringify(init.data), 'bad_answer');
    const put = await (o.fetch ?? fetch)(uploadUrl, { method: 'PUT', headers: { 'content-type': 'application/zip' }, body: zip as Uint8Array<ArrayBuffer>, redirect: 'error', signal });
    if (!put.ok) throw rest.errorFor('PUT upload_url', put.status, await put.text().catch(() => ''));
    return fileUrl;
  }

  const path = (id: string, suffix = '') => `/${FAL_TRAINER}/requests/${encodeURIComponent(id)}${suffix}`;

  async function status(id: string, signal?: AbortSignal): Promise<TrainingStatus> {
    const s = await queue.call('GET', path(id, '/status'), { kind: 'read', query: { logs: '1' }, signal });
    const body = (s.data ?? {}) as { status?: string; logs?: { message?: string }[]; metrics?: { inference_time?: number } };
    const state = STATES[body.status ?? ''] ?? 'running';
    const logs = (body.logs ?? []).map((l) => String(l.message ?? '')).slice(-20);
    if (state !== 'succeeded') return { state, logs };
    const r = await queue.call('GET', path(id), { kind: 'read', accept: [400, 422, 500], isFinal: () => true, signal });
    if (r.status >= 300) return { state: 'failed', logs, error: { code: `http_${r.status}`, message: `the training failed: ${queue.redact(JSON.stringify(r.data)).slice(0, 300)}`, retryable: false } };
    const out = (r.data ?? {}) as { diffusers_lora_file?: { url?: string }; config_file?: { url?: string } };
    if (!out.diffusers_lora_file?.url) return { state: 'failed', logs, error: { code: 'bad_answer', message: 'the result has no diffusers_lora_file.url', retryable: false } };
    return { state: 'succeeded', logs, result: { weightsUrl: out.diffusers_lora_file.url, ...(out.config_file?.url ? { configUrl: out.config_file.url } : {}) }, billedSeconds: body.metrics?.inference_time };
  }

  return {
    name: 'fal',
    trainer: FAL_TRAINER,
    async submit(req: TrainingRequest, signal?: AbortSignal) {
      const url = await upload(req.zip, signal);
      const res = await queue.call('POST', `/${FAL_TRAINER}`, {
        kind: 'create',
        json: { images_data_url: url, trigger_word: req.triggerWord, steps: req.steps, create_masks: true, is_style: false },
        ...(req.webhookUrl ? { query: { fal_webhook: req.webhookUrl } } : {}),
        signal,
      });
      const body = (res.data ?? {}) as { request_id?: string; status?: string };
      if (!body.request_id) throw queue.errorFor(`POST /${FAL_TRAINER}`, res.status, JSON.stringify(res.data), 'bad_answer');
      return { providerJobId: body.request_id, status: { state: STATES[body.status ?? 'IN_QUEUE'] ?? 'queued' } };
    },
    status,
    async cancel(id, signal) {
      await queue.call('PUT', path(id, '/cancel'), { kind: 'idempotent', accept: [400, 404], signal });
    },
    cost(_status, steps) {
      if (o.pricePer1000Steps === undefined) return { usd: null, basis: 'fal does not report a cost in its API; set BRANDLOCK_TRAIN_PRICE_FAL (USD per 1,000 steps) to record one' };
      return { usd: Math.round(o.pricePer1000Steps * steps) / 1000, basis: `${steps} steps at $${o.pricePer1000Steps} per 1,000 (BRANDLOCK_TRAIN_PRICE_FAL)` };
    },
  };
}
