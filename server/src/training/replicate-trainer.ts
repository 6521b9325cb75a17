/**
 * Replicate trainings: the training set is uploaded with the Files API (`POST /v1/files`, multipart
 * field `content`, answering `urls.get`), then `POST /v1/models/{owner}/{model}/versions/{version}/
 * trainings` with `destination` (the model that receives the new version), `input` (`input_images`,
 * `trigger_word`, `steps`, as ostris/flux-dev-lora-trainer takes them) and an optional `webhook`;
 * `GET /v1/trainings/{id}` reads `status` (starting, processing, succeeded, failed, canceled) and,
 * when done, `output: {version, weights}` and `metrics.predict_time`; `POST /v1/trainings/{id}/cancel`
 * cancels. Cost: predict_time times BRANDLOCK_TRAIN_PRICE_REPLICATE (USD per second of the hardware).
 */
import { ProviderHttp } from '../providers/provider-http';
import type { RetryPolicy } from '../providers/http-retry';
import type { ProviderState } from '../providers/provider';
import type { Trainer, TrainingRequest, TrainingStatus } from './trainer';

export interface ReplicateTrainerOptions {
  token: string;
  baseUrl: string;
  /** "owner/model:version" of the trainer. */
  trainer: string;
  /** "owner/model" that receives the trained version. */
  destination: string;
  policy: RetryPolicy;
  /** USD per second of training hardware. */
  pricePerSecond?: number;
  fetch?: typeof fetch;
}

const STATES: Record<string, ProviderState> = { starting: 'queued', processing: 'running', succeeded: 'succeeded', failed: 'failed', canceled: 'canceled', aborted: 'canceled' };

export function createReplicateTrainer(o: ReplicateTrainerOptions): Trainer {
  const [model, version] = o.trainer.split(':');
  if (!model?.includes('/') || !version) throw new Error(`REPLICATE_TRAINER "${o.trainer}" is not owner/model:version`);
  const http = new ProviderHttp({ provider: 'replicate', baseUrl: o.baseUrl, headers: { authorization: `Bearer ${o.token}` }, secrets: [o.token], policy: o.policy, fetch: o.fetch });

  function read(body: Record<string, unknown>): TrainingStatus {
    const state = STATES[String(body.status)] ?? 'running';
    const logs = typeof body.logs === 'string' ? body.logs.split('\n').slice(-20) : [];
    const billedSeconds = (body.metrics as { predict_time?: number } | undefined)?.predict_time;
    if (state === 'failed') return { state, logs, billedSeconds, error: { code: 'training_failed', message: http.redact(String(body.error ?? 'the training failed')).slice(0, 300), retryable: false } };
    if (state !== 'succeeded') return { state, logs, billedSeconds };
    const out = (body.output ?? {}) as { version?: string; weights?: string };
    if (!out.weights) return { state: 'failed', logs, error: { code: 'bad_answer', message: 'the training succeeded but its output has no weights URL', retryable: false } };
    return { state, logs, billedSeconds, result: { weightsUrl: out.weights, ...(out.version ? { version: out.version } : {}) } };
  }

  return {
    name: 'replicate',
    trainer: o.trainer,
    async submit(req: TrainingRequest, signal?: AbortSignal) {
      const form = new FormData();
      form.append('content', new Blob([req.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), 'training-set.zip');
      const file = await http.call('POST', '/files', { kind: 'create', body: form, signal });
      const url = ((file.data ?? {}) as { urls?: { get?: string } }).urls?.get;
      if (!url) throw http.errorFor('POST /files', file.status, JSON.stringify(file.data), 'bad_answer');
      const res = await http.call('POST', `/models/${model}/versions/${version}/trainings`, {
        kind: 'create',
        json: { destination: o.destination, input: { input_images: url, trigger_word: req.triggerWord, steps: req.steps }, ...(req.webhookUrl ? { webhook: req.webhookUrl, webhook_events_filter: ['completed'] } : {}) },
        signal,
      });
      const body = (res.data ?? {}) as Record<string, unknown>;
      if (typeof body.id !== 'string') throw http.errorFor(`POST /models/${model}/versions/…/trainings`, res.status, JSON.stringify(res.data), 'bad_answer');
      return { providerJobId: body.id, status: read(body) };
    },
    async status(id, signal) {
      const res = await http.call('GET', `/trainings/${encodeURIComponent(id)}`, { kind: 'read', signal });
      return read((res.data ?? {}) as Record<string, unknown>);
    },
    async cancel(id, signal) {
      await http.call('POST', `/trainings/${encodeURIComponent(id)}/cancel`, { kind: 'idempotent', accept: [404, 409], signal });
    },
    cost(status) {
      if (o.pricePerSecond === undefined) return { usd: null, basis: `Replicate reports run time (${status.billedSeconds ?? '?'} s), not a price; set BRANDLOCK_TRAIN_PRICE_REPLICATE (USD per second of the trainer's hardware) to record one` };
      if (status.billedSeconds === undefined) return { usd: null, basis: 'Replicate reported no run time for this training' };
      return { usd: Math.round(status.billedSeconds * o.pricePerSecond * 100) / 100, basis: `${status.billedSeconds} s of run time at $${o.pricePerSecond}/s (BRANDLOCK_TRAIN_PRICE_REPLICATE)` };
    },
  };
}
