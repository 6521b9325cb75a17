/**
 * A loopback Replicate for trainings (Replicate's HTTP API: files.create, trainings.create/get/cancel):
 * `POST /files` (multipart, field `content`) answers 201 with `urls.get`; `POST /models/{owner}/{model}/
 * versions/{version}/trainings` with `destination`, `input` and an optional `webhook` answers 201 with
 * the training (`status: "starting"`, `urls.get`, `urls.cancel`), 404 for an unknown trainer version
 * or destination model, 422 without `input_images`; `GET /trainings/{id}` moves starting ->
 * processing -> succeeded (`output: {version: "<destination>:<id>", weights: <url>}`,
 * `metrics.predict_time`) or failed (`error`) when the archive cannot be read; `POST /trainings/{id}
 * /cancel` answers the training as canceled. Every call needs `Authorization: Bearer <token>`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SimCdn } from './sim-cdn';
import { jsonBody, SimServer, type SimAnswer, type SimRequest } from './sim-http';
import { readTrainingZip } from './read-training-zip';

interface Training {
  id: string;
  createdAt: number;
  body: Record<string, unknown>;
  model: string;
  version: string;
  status: 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled';
  output: { version: string; weights: string } | null;
  error: string | null;
  logs: string;
  completedAt?: string;
}

export interface ReplicateTrainerSimulatorOptions {
  token?: string;
  /** "owner/model:version" the simulator knows. */
  trainer?: string;
  destination?: string;
  queueMs?: number;
  runMs?: number;
}

export class ReplicateTrainerSimulator {
  readonly trainings = new Map<string, Training>();
  private readonly files = new Map<string, Uint8Array>();

  private constructor(
    readonly api: SimServer,
    readonly cdn: SimCdn,
    readonly o: Required<ReplicateTrainerSimulatorOptions>,
  ) {}

  static async start(options: ReplicateTrainerSimulatorOptions = {}): Promise<ReplicateTrainerSimulator> {
    const o = { token: 'r8_test', trainer: 'ostris/flux-dev-lora-trainer:' + 'e'.repeat(64), destination: 'northfold/ava-lora', queueMs: 30, runMs: 120, ...options };
    const cdn = await SimCdn.start();
    let sim: ReplicateTrainerSimulator | undefined;
    const api = await SimServer.start([
      { method: 'POST', pattern: /^\/files$/, handle: (r) => sim!.createFile(r) },
      { method: 'POST', pattern: /^\/models\/([\w.-]+)\/([\w.-]+)\/versions\/(\w+)\/trainings$/, handle: (r) => sim!.create(r) },
      { method: 'GET', pattern: /^\/trainings\/(\w+)$/, handle: (r) => sim!.get(r) },
      { method: 'POST', pattern: /^\/trainings\/(\w+)\/cancel$/, handle: (r) => sim!.cancel(r) },
    ]);
    sim = new ReplicateTrainerSimulator(api, cdn, o);
    return sim;
  }

  get url(): string {
    return this.api.url;
  }

  env(): Record<string, string> {
    return { REPLICATE_API_TOKEN: this.o.token, REPLICATE_BASE_URL: this.url, REPLICATE_TRAINER: this.o.trainer, REPLICATE_TRAINING_DESTINATION: this.o.destination, REPLICATE_ALLOWED_HOSTS: `http://${new URL(this.cdn.origin).host}` };
  }

  async close(): Promise<void> {
    await this.api.close();
    await this.cdn.close();
  }

  private denied(req: SimRequest): SimAnswer | null {
    const auth = String(req.headers.authorization ?? '');
    return auth === `Bearer ${this.o.token}` || auth === `Token ${this.o.token}` ? null : { status: 401, body: { title: 'Unauthenticated', detail: 'You did not pass a valid authentication token', status: 401 } };
  }

  private async createFile(req: SimRequest): Promise<SimAnswer> {
    const denied = this.denied(req);
    if (denied) return denied;
    const type = String(req.headers['content-type'] ?? '');
    if (!type.startsWith('multipart/form-data')) return { status: 400, body: { detail: 'expected multipart/form-data with a "content" field' } };
    const form = await new Response(req.body, { headers: { 'content-type': type } }).formData();
    const content = form.get('content');
    if (!(content instanceof Blob)) return { status: 400, body: { detail: 'missing "content" field' } };
    const bytes = new Uint8Array(await content.arrayBuffer());
    const id = randomBytes(12).toString('hex');
    this.files.set(id, bytes);
    return { status: 201, body: { id, name: (content as File).name ?? 'file', content_type: content.type, size: bytes.length, etag: createHash('md5').update(bytes).digest('hex'), checksums: { sha256: createHash('sha256').update(bytes).digest('hex') }, metadata: {}, created_at: new Date().toISOString(), expires_at: new Date(Date.now() + 86_400_000).toISOString(), urls: { get: `${this.url}/files/${id}` } } };
  }

  private create(req: SimRequest): SimAnswer {
    const denied = this.denied(req);
    if (denied) return denied;
    const [owner, name, version] = req.params;
    if (`${owner}/${name}:${version}` !== this.o.trainer) return { status: 404, body: { detail: 'The requested resource could not be found.', status: 404 } };
    const body = jsonBody(req);
    if (body.destination !== this.o.destination) return { status: 404, body: { detail: `The specified training destination ${String(body.destination)} does not exist`, status: 404 } };
    const input = (body.input ?? {}) as Record<string, unknown>;
    if (typeof input.input_images !== 'string') return { status: 422, body: { detail: '- input: input_images is required', status: 422 } };
    const id = randomBytes(13).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x').slice(0, 20);
    const t: Training = { id, createdAt: Date.now(), body, model: `${owner}/${name}`, version, status: 'starting', output: null, error: null, logs: '' };
    this.trainings.set(id, t);
    setTimeout(() => this.finish(t), this.o.queueMs + this.o.runMs).unref();
    return { status: 201, body: this.view(t) };
  }

  private finish(t: Training): void {
    if (t.status === 'canceled') return;
    const fileId = /\/files\/(\w+)$/.exec(String((t.body.input as Record<string, unknown>).input_images))?.[1];
    const zip = fileId ? this.files.get(fileId) : undefined;
    const check = zip ? readTrainingZip(zip) : { ok: false as const, reason: 'input_images could not be downloaded' };
    t.completedAt = new Date().toISOString();
    if (!check.ok) {
      t.status = 'failed';
      t.error = `Failed to read the training archive: ${check.reason}`;
      return;
    }
    const weights = this.cdn.put(randomBytes(256), 'application/x-tar', 'trained_model.tar');
    t.status = 'succeeded';
    t.logs = `Found ${check.images} images\nTraining complete`;
    t.output = { version: `${this.o.destination}:${createHash('sha256').update(t.id).digest('hex')}`, weights: this.cdn.url(weights) };
  }

  private view(t: Training) {
    const status = t.status === 'starting' && Date.now() - t.createdAt >= this.o.queueMs ? 'processing' : t.status;
    return {
      id: t.id, model: t.model, version: t.version, destination: t.body.destination, input: t.body.input, logs: t.logs, output: t.output, error: t.error, status,
      created_at: new Date(t.createdAt).toISOString(), ...(t.completedAt ? { completed_at: t.completedAt } : {}),
      ...(t.status === 'succeeded' ? { metrics: { predict_time: this.o.runMs / 1000 } } : {}),
      urls: { get: `${this.url}/trainings/${t.id}`, cancel: `${this.url}/trainings/${t.id}/cancel` },
    };
  }

  private get(req: SimRequest): SimAnswer {
    const denied = this.denied(req);
    if (denied) return denied;
    const t = this.trainings.get(req.params[0]);
    return t ? { status: 200, body: this.view(t) } : { status: 404, body: { detail: 'Not found.', status: 404 } };
  }

  private cancel(req: SimRequest): SimAnswer {
    const denied = this.denied(req);
    if (denied) return denied;
    const t = this.trainings.get(req.params[0]);
    if (!t) return { status: 404, body: { detail: 'Not found.', status: 404 } };
    if (t.status === 'starting' || t.status === 'processing') t.status = 'canceled';
    return { status: 200, body: this.view(t) };
  }
}
