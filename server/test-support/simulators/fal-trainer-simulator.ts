/**
 * A loopback fal.ai for LoRA training: fal's storage upload (`POST /storage/upload/initiate?
 * storage_type=fal-cdn-v3` -> `{upload_url, file_url}`, then `PUT upload_url`) and the queue API for
 * `fal-ai/flux-lora-fast-training`: `POST /fal-ai/flux-lora-fast-training` answers IN_QUEUE with a
 * request_id and status/response/cancel URLs; `GET …/requests/{id}/status` answers 202 IN_QUEUE
 * (queue_position) or IN_PROGRESS (logs) and then 200 COMPLETED (metrics.inference_time);
 * `GET …/requests/{id}` answers `{diffusers_lora_file, config_file}` as fal Files, or 422 when the
 * training failed (a bad archive); `PUT …/cancel` answers CANCELLATION_REQUESTED or
 * ALREADY_COMPLETED. The trainer downloads `images_data_url` itself, as fal does, and reads the zip.
 * Every call needs `Authorization: Key <key>`.
 */
import { randomUUID } from 'node:crypto';
import { SimCdn } from './sim-cdn';
import { jsonBody, SimServer, type SimAnswer, type SimRequest } from './sim-http';
import { readTrainingZip } from './read-training-zip';

const APP = 'fal-ai/flux-lora-fast-training';

interface Training {
  id: string;
  createdAt: number;
  input: Record<string, unknown>;
  final?: 'COMPLETED' | 'CANCELED';
  failure?: string;
  weights?: string;
  config?: string;
  images?: number;
}

export interface FalTrainerSimulatorOptions {
  key?: string;
  queueMs?: number;
  runMs?: number;
}

export class FalTrainerSimulator {
  readonly trainings = new Map<string, Training>();
  readonly submissions: Record<string, unknown>[] = [];
  private readonly uploads = new Map<string, string>();

  private constructor(
    readonly api: SimServer,
    readonly cdn: SimCdn,
    private readonly o: Required<FalTrainerSimulatorOptions>,
  ) {}

  static async start(options: FalTrainerSimulatorOptions = {}): Promise<FalTrainerSimulator> {
    const o = { key: 'fal-test-key', queueMs: 30, runMs: 120, ...options };
    const cdn = await SimCdn.start();
    let sim: FalTrainerSimulator | undefined;
    const api = await SimServer.start([
      { method: 'POST', pattern: /^\/storage\/upload\/initiate$/, handle: (r) => sim!.initiate(r) },
      { method: 'PUT', pattern: /^\/storage\/put\/([\w-]+)$/, handle: (r) => sim!.put(r) },
      { method: 'POST', pattern: /^\/fal-ai\/flux-lora-fast-training$/, handle: (r) => sim!.submit(r) },
      { method: 'GET', pattern: /^\/fal-ai\/flux-lora-fast-training\/requests\/([\w-]+)\/status$/, handle: (r) => sim!.status(r) },
      { method: 'GET', pattern: /^\/fal-ai\/flux-lora-fast-training\/requests\/([\w-]+)$/, handle: (r) => sim!.result(r) },
      { method: 'PUT', pattern: /^\/fal-ai\/flux-lora-fast-training\/requests\/([\w-]+)\/cancel$/, handle: (r) => sim!.cancel(r) },
    ]);
    sim = new FalTrainerSimulator(api, cdn, o);
    return sim;
  }

  get url(): string {
    return this.api.url;
  }

  /** Environment for brandlock: queue and REST on this simulator, results on its CDN. */
  env(): Record<string, string> {
    return { FAL_KEY: this.o.key, FAL_BASE_URL: this.url, FAL_REST_URL: this.url, FAL_ALLOWED_HOSTS: `http://${new URL(this.cdn.origin).host}` };
  }

  async close(): Promise<void> {
    await this.api.close();
    await this.cdn.close();
  }

  private authorized(req: SimRequest): SimAnswer | null {
    return req.headers.authorization === `Key ${this.o.key}` ? null : { status: 401, body: { detail: 'Invalid or missing credentials' } };
  }

  private initiate(req: SimRequest): SimAnswer {
    const denied = this.authorized(req);
    if (denied) return denied;
    if (req.url.searchParams.get('storage_type') !== 'fal-cdn-v3') return { status: 422, body: { detail: [{ loc: ['query', 'storage_type'], msg: 'unsupported storage type', type: 'value_error' }] } };
    const body = jsonBody(req) as { content_type?: string; file_name?: string };
    const token = randomUUID();
    this.uploads.set(token, body.file_name ?? 'file');
    return { status: 200, body: { upload_url: `${this.url}/storage/put/${token}`, file_url: `${this.cdn.origin}/files/pending/${token}` } };
  }

  private put(req: SimRequest): SimAnswer {
    const token = req.params[0];
    const name = this.uploads.get(token);
    if (!name) return { status: 404, body: { detail: 'unknown upload' } };
    const id = this.cdn.put(new Uint8Array(req.body), String(req.headers['content-type'] ?? 'application/octet-stream'), name);
    this.uploads.set(token, `stored:${id}`);
    return { status: 200, body: {} };
  }

  private async submit(req: SimRequest): Promise<SimAnswer> {
    const denied = this.authorized(req);
    if (denied) return denied;
    const input = jsonBody(req);
    this.submissions.push(input);
    if (typeof input.images_data_url !== 'string') return { status: 422, body: { detail: [{ loc: ['body', 'images_data_url'], msg: 'field required', type: 'value_error.missing' }] } };
    const id = randomUUID();
    const t: Training = { id, createdAt: Date.now(), input };
    this.trainings.set(id, t);
    setTimeout(() => void this.train(t), this.o.queueMs + this.o.runMs).unref();
    const base = `${this.url}/${APP}/requests/${id}`;
    return { status: 200, body: { status: 'IN_QUEUE', request_id: id, gateway_request_id: id, queue_position: 0, response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` } };
  }

  /** Downloads the archive as fal does, reads it, and stores the weights and config on the CDN. */
  private async train(t: Training): Promise<void> {
    if (t.final) return;
    const url = String(t.input.images_data_url).replace(/\/files\/pending\/([\w-]+)$/, (_m, token: string) => {
      const stored = this.uploads.get(token) ?? '';
      return stored.startsWith('stored:') ? `/files/${stored.slice(7)}/training-set.zip` : '/files/missing/x';
    });
    const res = await fetch(url).catch(() => null);
    const zip = res && res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
    const check = zip ? readTrainingZip(zip) : { ok: false as const, reason: `could not download images_data_url (${res?.status ?? 'no answer'})` };
    if (!check.ok) t.failure = check.reason;
    else {
      t.images = check.images;
      const header = JSON.stringify({ __metadata__: { trigger_word: String(t.input.trigger_word ?? ''), steps: String(t.input.steps ?? 1000), images: String(check.images), simulated: 'true' } });
      const weights = new Uint8Array(8 + header.length + 64);
      new DataView(weights.buffer).setBigUint64(0, BigInt(header.length), true);
      weights.set(new TextEncoder().encode(header), 8);
      t.weights = this.cdn.put(weights, 'application/octet-stream', 'pytorch_lora_weights.safetensors');
      t.config = this.cdn.put(new TextEncoder().encode(JSON.stringify({ trigger_word: t.input.trigger_word, steps: t.input.steps })), 'application/json', 'config.json');
    }
    t.final = 'COMPLETED';
  }

  private phase(t: Training): 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED' {
    if (t.final) return 'COMPLETED';
    return Date.now() - t.createdAt < this.o.queueMs ? 'IN_QUEUE' : 'IN_PROGRESS';
  }

  private status(req: SimRequest): SimAnswer {
    const denied = this.authorized(req);
    if (denied) return denied;
    const t = this.trainings.get(req.params[0]);
    if (!t) return { status: 404, body: { detail: 'Request not found' } };
    const phase = this.phase(t);
    if (phase === 'IN_QUEUE') return { status: 202, body: { status: 'IN_QUEUE', request_id: t.id, queue_position: 0, response_url: `${this.url}/${APP}/requests/${t.id}` } };
    if (phase === 'IN_PROGRESS') return { status: 202, body: { status: 'IN_PROGRESS', request_id: t.id, logs: [{ message: 'Training step 100/1000', level: 'INFO', source: 'user', timestamp: new Date().toISOString() }] } };
    return { status: 200, body: { status: 'COMPLETED', request_id: t.id, logs: [{ message: t.failure ? `error: ${t.failure}` : 'Training complete', level: t.failure ? 'ERROR' : 'INFO', source: 'user', timestamp: new Date().toISOString() }], metrics: { inference_time: (this.o.runMs / 1000) } } };
  }

  private result(req: SimRequest): SimAnswer {
    const denied = this.authorized(req);
    if (denied) return denied;
    const t = this.trainings.get(req.params[0]);
    if (!t) return { status: 404, body: { detail: 'Request not found' } };
    if (!t.final) return { status: 400, body: { detail: 'Request is still in progress' } };
    if (t.final === 'CANCELED') return { status: 400, body: { detail: 'Request was cancelled', error_type: 'request_cancelled' } };
    if (t.failure) return { status: 422, body: { detail: [{ loc: ['body', 'images_data_url'], msg: t.failure, type: 'value_error' }] } };
    const file = (id: string, name: string, type: string) => ({ url: this.cdn.url(id), content_type: type, file_name: name, file_size: 0 });
    return { status: 200, body: { diffusers_lora_file: file(t.weights!, 'pytorch_lora_weights.safetensors', 'application/octet-stream'), config_file: file(t.config!, 'config.json', 'application/json'), debug_preprocessed_output: null } };
  }

  private cancel(req: SimRequest): SimAnswer {
    const denied = this.authorized(req);
    if (denied) return denied;
    const t = this.trainings.get(req.params[0]);
    if (!t) return { status: 404, body: { status: 'NOT_FOUND' } };
    if (t.final) return { status: 400, body: { status: 'ALREADY_COMPLETED' } };
    t.final = 'CANCELED';
    return { status: 202, body: { status: 'CANCELLATION_REQUESTED' } };
  }
}
