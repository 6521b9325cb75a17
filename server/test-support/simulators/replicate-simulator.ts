/**
 * A loopback Replicate HTTP API (OpenAPI "Replicate HTTP API", replicate-javascript): predictions
 * created on `/v1/models/{owner}/{name}/predictions`, `/v1/predictions` (with `version`) or
 * `/v1/deployments/…`, read with `GET /v1/predictions/{id}`, cancelled with `POST …/cancel`; files
 * uploaded with `POST /v1/files`. Statuses go starting -> processing -> succeeded | failed |
 * canceled (aborted when `Cancel-After` passes before the start). Webhooks (`start`, `completed`)
 * are signed the Standard-Webhooks way; `expireOutputs` deletes a prediction's files the way the
 * one-hour retention does.
 */
import { createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { FaultPlan } from './fault-plan';
import { SimCdn } from './sim-cdn';
import { jsonBody, SimServer, type SimAnswer, type SimRequest } from './sim-http';
import { SimJobs, type SimJob, type SimTiming } from './sim-jobs';
import { SubmissionLedger, submissionKey } from './submission-ledger';
import { renderSimulatedImage } from './synthetic-image';
import { WebhookOutbox } from './webhook-outbox';

export interface ReplicateSimulatorOptions extends SimTiming {
  token?: string;
  faults?: FaultPlan;
  imageMaxSide?: number;
  fails?: (input: Record<string, unknown>) => boolean;
}

interface PredictionInput {
  input: Record<string, unknown>;
  model: string;
  version: string;
  webhook?: string;
  events: string[];
  deadline?: number;
  dataRemoved?: boolean;
  startSent?: boolean;
  holdStartUntilCompleted?: boolean;
}

export class ReplicateSimulator {
  readonly token: string;
  readonly webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
  readonly ledger = new SubmissionLedger();
  readonly outbox = new WebhookOutbox();
  /** Files uploaded with POST /v1/files, by id. */
  readonly files = new Map<string, { bytes: Uint8Array; contentType: string }>();
  private api!: SimServer;
  private cdn!: SimCdn;
  private readonly jobs: SimJobs<PredictionInput>;

  private constructor(private readonly options: ReplicateSimulatorOptions) {
    this.token = options.token ?? `r8_${randomBytes(18).toString('hex')}`;
    this.jobs = new SimJobs<PredictionInput>(options, (job) => this.finish(job), (job) => this.started(job));
  }

  static async start(options: ReplicateSimulatorOptions = {}): Promise<ReplicateSimulator> {
    const sim = new ReplicateSimulator(options);
    sim.cdn = await SimCdn.start(options.faults);
    sim.api = await SimServer.start(
      [
        { method: 'POST', pattern: /^\/v1\/models\/([\w.-]+\/[\w.-]+)\/predictions$/, callType: 'create', handle: (r) => sim.create(r, r.params[0], 'hidden') },
        { method: 'POST', pattern: /^\/v1\/deployments\/([\w.-]+\/[\w.-]+)\/predictions$/, callType: 'create', handle: (r) => sim.create(r, r.params[0], 'deployment') },
        { method: 'POST', pattern: /^\/v1\/predictions$/, callType: 'create', handle: (r) => sim.createVersion(r) },
        { method: 'GET', pattern: /^\/v1\/predictions\/(\w+)$/, callType: 'read', handle: (r) => sim.read(r) },
        { method: 'POST', pattern: /^\/v1\/predictions\/(\w+)\/cancel$/, callType: 'cancel', handle: (r) => sim.cancel(r) },
        { method: 'POST', pattern: /^\/v1\/files$/, callType: 'upload', handle: (r) => sim.upload(r) },
        { method: 'GET', pattern: /^\/v1\/files\/(\w+)$/, handle: (r) => sim.file(r) },
      ],
      options.faults,
    );
    return sim;
  }

  get baseUrl(): string {
    return `${this.api.url}/v1`;
  }

  get requests() {
    return this.api.log;
  }

  /** Requests the result host received. */
  get downloads() {
    return this.cdn.server.log;
  }

  env(): Record<string, string> {
    return { REPLICATE_API_TOKEN: this.token, REPLICATE_BASE_URL: this.baseUrl, REPLICATE_WEBHOOK_SECRET: this.webhookSecret, REPLICATE_ALLOWED_HOSTS: this.cdn.origin };
  }

  /** Signs a webhook body as Replicate does (Standard Webhooks). */
  signWebhook(body: Buffer, id = `msg_${randomUUID()}`, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
    const key = Buffer.from(this.webhookSecret.split('_').pop()!, 'base64');
    const signature = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
    return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` };
  }

  /** Deletes a prediction's output files, as Replicate does an hour after an API prediction. */
  expireOutputs(predictionId: string): void {
    const job = this.jobs.jobs.get(predictionId);
    if (!job) return;
    job.input.dataRemoved = true;
    for (const file of job.outputs) this.cdn.remove(file);
  }

  async close(): Promise<void> {
    this.jobs.close();
    await this.outbox.settled();
    await Promise.all([this.api.close(), this.cdn.close()]);
  }

  private denied(req: SimRequest): SimAnswer | undefined {
    const given = String(req.headers.authorization ?? '');
    if (given === `Bearer ${this.token}`) return undefined;
    return { status: 401, body: { title: 'Unauthenticated', detail: `Invalid token ${given.replace(/^Bearer /, '')}`, status: 401 } };
  }

  private createVersion(req: SimRequest): SimAnswer {
    const body = jsonBody(req);
    if (typeof body.version !== 'string') return { status: 422, body: { title: 'Invalid version', detail: '- version: Required', status: 422 } };
    const [model, version] = body.version.includes(':') ? body.version.split(':') : ['unknown/unknown', body.version];
    return this.create(req, model, version);
  }

  private create(req: SimRequest, model: string, version: string): SimAnswer {
    const denied = this.denied(req);
    if (denied) return denied;
    const body = jsonBody(req);
    const input = (body.input ?? {}) as Record<string, unknown>;
    if (typeof input.prompt !== 'string' || !input.prompt) return { status: 422, body: { title: 'Input validation failed', detail: '- input.prompt: Required', status: 422 } };
    const id = randomBytes(13).toString('hex');
    this.ledger.record(String(req.headers['idempotency-key'] ?? submissionKey(input.prompt, input.seed)));
    const cancelAfter = parseDuration(String(req.headers['cancel-after'] ?? ''));
    const events = Array.isArray(body.webhook_events_filter) ? body.webhook_events_filter.map(String) : ['start', 'output', 'logs', 'completed'];
    const job = this.jobs.add(id, { input, model, version, webhook: typeof body.webhook === 'string' ? body.webhook : undefined, events, deadline: cancelAfter ? Date.now() + cancelAfter : undefined });
    return { status: 201, body: this.prediction(job) };
  }

  private read(req: SimRequest): SimAnswer {
    const denied = this.denied(req);
    if (denied) return denied;
    const job = this.jobs.jobs.get(req.params[0]);
    if (!job) return { status: 404, body: { detail: 'Not found.', status: 404 } };
    return { status: 200, body: this.prediction(job) };
  }

  private cancel(req: SimRequest): SimAnswer {
    const denied = this.denied(req);
    if (denied) return denied;
    const job = this.jobs.jobs.get(req.params[0]);
    if (!job) return { status: 404, body: { detail: 'Not found.', status: 404 } };
    this.jobs.cancel(job);
    return { status: 200, body: this.prediction(job) };
  }

  private async upload(req: SimRequest): Promise<SimAnswer> {
    const denied = this.denied(req);
    if (denied) return denied;
    const form = await new Request('http://sim/', { method: 'POST', headers: { 'content-type': String(req.headers['content-type']) }, body: req.body }).formData();
    const content = form.get('content');
    if (!(content instanceof Blob)) return { status: 400, body: { detail: 'content is required' } };
    const id = randomBytes(12).toString('hex');
    this.files.set(id, { bytes: new Uint8Array(await content.arrayBuffer()), contentType: content.type });
    return { status: 201, body: { id, content_type: content.type, size: content.size, checksums: {}, metadata: {}, urls: { get: `${this.baseUrl}/files/${id}` } } };
  }

  private file(req: SimRequest): SimAnswer {
    const denied = this.denied(req);
    if (denied) return denied;
    const file = this.files.get(req.params[0]);
    return file ? { status: 200, body: file.bytes, headers: { 'content-type': file.contentType } } : { status: 404, body: { detail: 'Not found.' } };
  }

  private state(job: SimJob<PredictionInput>): string {
    const state = this.jobs.state(job);
    if (state === 'queued' && job.input.deadline && Date.now() > job.input.deadline) return 'aborted';
    return { queued: 'starting', running: 'processing', succeeded: 'succeeded', failed: 'failed', canceled: 'canceled' }[state];
  }

  private prediction(job: SimJob<PredictionInput>) {
    const status = this.state(job);
    const removed = Boolean(job.input.dataRemoved);
    return {
      id: job.id,
      model: job.input.model,
      version: job.input.version,
      input: removed ? {} : job.input.input,
      output: status === 'succeeded' && !removed ? job.outputs.map((f) => this.cdn.url(f)) : null,
      logs: job.seed !== undefined ? `Using seed: ${job.seed}\n` : '',
      error: status === 'failed' ? (job.failure ?? 'failed') : null,
      status,
      source: 'api',
      data_removed: removed,
      created_at: new Date(job.createdAt).toISOString(),
      urls: { get: `${this.baseUrl}/predictions/${job.id}`, cancel: `${this.baseUrl}/predictions/${job.id}/cancel`, web: `https://replicate.com/p/${job.id}` },
    };
  }

  private started(job: SimJob<PredictionInput>): void {
    if (!job.input.webhook || !job.input.events.includes('start')) return;
    const fault = this.options.faults?.next('webhook');
    if (fault?.kind === 'out_of_order') {
      job.input.holdStartUntilCompleted = true;
      return;
    }
    this.deliver(job, fault?.kind === 'duplicate');
  }

  private async finish(job: SimJob<PredictionInput>): Promise<void> {
    const input = job.input.input;
    const seed = typeof input.seed === 'number' ? input.seed : randomInt(0, 2 ** 32 - 1);
    const failed = this.options.fails?.(input) ?? false;
    if (!failed) {
      const [w, h] = String(input.aspect_ratio ?? '1:1').split(':').map(Number);
      const count = typeof input.num_outputs === 'number' ? input.num_outputs : 1;
      for (let index = 0; index < count; index++) {
        const png = await renderSimulatedImage({ prompt: String(input.prompt), seed, index, width: 1024 * (w / Math.max(w, h)), height: 1024 * (h / Math.max(w, h)), maxSide: this.options.imageMaxSide });
        job.outputs.push(this.cdn.put(png, 'image/png', `out-${index}.png`));
      }
    }
    if (job.final) return;
    job.seed = seed;
    job.final = failed ? 'failed' : 'succeeded';
    job.failure = failed ? 'NSFW content detected. Try running it again, or try a different prompt.' : undefined;
    if (!job.input.webhook || !job.input.events.includes('completed')) return;
    const fault = this.options.faults?.next('webhook');
    this.deliver(job, fault?.kind === 'duplicate');
    if (job.input.holdStartUntilCompleted) {
      // The delayed `start` webhook still carries the prediction as it was when it started.
      const body = Buffer.from(JSON.stringify({ ...this.prediction(job), status: 'processing', output: null }));
      setTimeout(() => this.outbox.send({ url: job.input.webhook!, body, headers: this.signWebhook(body) }), 20);
    }
  }

  private deliver(job: SimJob<PredictionInput>, duplicate: boolean): void {
    const body = Buffer.from(JSON.stringify(this.prediction(job)));
    this.outbox.send({ url: job.input.webhook!, body, headers: this.signWebhook(body) }, duplicate);
  }
}

/** "30s", "5m", "1h30m" -> ms; 0 when empty or invalid. */
function parseDuration(text: string): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(text.trim());
  if (!text || !m) return 0;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}
