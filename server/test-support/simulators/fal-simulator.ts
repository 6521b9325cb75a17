/**
 * A loopback fal.ai queue API (fal-ai/fal-js queue.ts, fal docs): `POST /{endpoint}` answers
 * IN_QUEUE with a request_id and status/response/cancel URLs; `GET /{owner}/{app}/requests/{id}
 * /status` answers 202 (IN_QUEUE, IN_PROGRESS) then 200 COMPLETED; `GET …/requests/{id}` gives the
 * output (or 422 when the model failed); `PUT …/cancel` answers CANCELLATION_REQUESTED,
 * ALREADY_COMPLETED or NOT_FOUND. `fal_webhook` gets an ED25519-signed POST whose keys are served as
 * a JWKS. Kling image-to-video endpoints (…/image-to-video) validate Kling's input (image_url,
 * duration "5" or "10", cfg_scale 0..1, tail_image_url) and answer `{video: File}` with a real MP4
 * made from image_url: 1080p on the short side, the image's aspect, 24 fps, ending on the tail image
 * when one is given (verify the frame rate against fal). How a cancelled request reads afterwards is not in fal's published types: here its result
 * answers 400 with error_type "request_cancelled" (verify against fal).
 * LoRA weights: fal downloads each `loras[].path` before it runs; a path it cannot download fails the
 * request. The simulator downloads loopback URLs the same way (recording what it got) and fails the
 * request when one does not answer 200; other hosts (weights.example in tests) are not reachable
 * from here, so they are taken on trust.
 */
import { createHash, generateKeyPairSync, randomInt, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { FaultPlan } from './fault-plan';
import { SimCdn } from './sim-cdn';
import { jsonBody, SimInputError, SimServer, type SimAnswer, type SimRequest } from './sim-http';
import { SimJobs, type SimJob, type SimTiming } from './sim-jobs';
import { SubmissionLedger, submissionKey } from './submission-ledger';
import sharp from 'sharp';
import { renderSimulatedImage } from './synthetic-image';
import { bytesOfDataUri, renderSimulatedVideo, scaledEven, type VideoDefect } from './synthetic-video';
import { WebhookOutbox } from './webhook-outbox';

export interface FalSimulatorOptions extends SimTiming {
  key?: string;
  userId?: string;
  faults?: FaultPlan;
  imageMaxSide?: number;
  /** Decides whether a request's model run fails (422, the model refused it). */
  fails?: (input: Record<string, unknown>) => boolean;
  /** Decides whether a request fails on fal's side after fal's own retries (500 with X-Fal-Error-Type). */
  infraFails?: (input: Record<string, unknown>) => boolean;
  /** With an out-of-order webhook, how long polling keeps saying IN_PROGRESS after the webhook. */
  statusLagMs?: number;
  /** Defects the video model puts into a request's clip. */
  videoDefects?: (input: Record<string, unknown>) => VideoDefect[];
  /** Scale of rendered clips (tests render small ones); 1 renders Kling's 1080p. */
  videoScale?: number;
}

interface FalInput extends Record<string, unknown> {
  app: string;
  endpoint: string;
  webhook?: string;
  statusVisibleAt?: number;
  /** X-Fal-Request-Timeout: the request fails if it has not started by then. */
  startTimeoutMs?: number;
}

const INFRA_FAILURE = 'The runner disconnected while processing the request';
const USER_TIMEOUT = 'Request did not start before its timeout';
const SIZES: Record<string, [number, number]> = {
  square_hd: [1024, 1024], square: [512, 512], portrait_4_3: [768, 1024], portrait_16_9: [576, 1024], landscape_4_3: [1024, 768], landscape_16_9: [1024, 576],
};

export class FalSimulator {
  readonly key: string;
  readonly userId: string;
  readonly ledger = new SubmissionLedger();
  readonly outbox = new WebhookOutbox();
  /** Every LoRA file the model runs downloaded: the path it was given and the bytes' sha256. */
  readonly loraDownloads: { path: string; sha256: string }[] = [];
  private readonly privateKey: KeyObject;
  private readonly jwk: object;
  private api!: SimServer;
  private cdn!: SimCdn;
  private readonly jobs: SimJobs<FalInput>;

  private constructor(private readonly options: FalSimulatorOptions) {
    this.key = options.key ?? 'fal-key-id:fal-key-secret-0123456789';
    this.userId = options.userId ?? 'brandlock-fal-user';
    const pair = generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    this.jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: 'sim-1', use: 'sig', alg: 'EdDSA' };
    this.jobs = new SimJobs<FalInput>(options, (job) => this.finish(job));
  }

  static async start(options: FalSimulatorOptions = {}): Promise<FalSimulator> {
    const sim = new FalSimulator(options);
    sim.cdn = await SimCdn.start(options.faults);
    const app = '([\\w-]+/[\\w.-]+)';
    sim.api = await SimServer.start(
      [
        { method: 'GET', pattern: /^\/\.well-known\/jwks\.json$/, handle: () => ({ status: 200, body: { keys: [sim.jwk] } }) },
        { method: 'GET', pattern: new RegExp(`^/${app}/requests/([\\w-]+)/status$`), callType: 'read', handle: (r) => sim.status(r) },
        { method: 'GET', pattern: new RegExp(`^/${app}/requests/([\\w-]+)$`), callType: 'read', handle: (r) => sim.result(r) },
        { method: 'PUT', pattern: new RegExp(`^/${app}/requests/([\\w-]+)/cancel$`), callType: 'cancel', handle: (r) => sim.cancel(r) },
        { method: 'POST', pattern: /^\/([\w-]+\/[\w.-]+(?:\/[\w.-]+)*)$/, callType: 'create', handle: (r) => sim.submit(r) },
      ],
      options.faults,
    );
    return sim;
  }

  get queueUrl(): string {
    return this.api.url;
  }

  get mediaOrigin(): string {
    return this.cdn.origin;
  }

  get requests() {
    return this.api.log;
  }

  /** The model inputs of every accepted request, in order. */
  get submissions(): Record<string, unknown>[] {
    return [...this.jobs.jobs.values()].map((j) => j.input);
  }

  /** Requests the result host received. */
  get downloads() {
    return this.cdn.server.log;
  }

  /** Environment variables that point the fal adapter at this simulator. */
  env(): Record<string, string> {
    return {
      FAL_KEY: this.key,
      FAL_BASE_URL: this.api.url,
      FAL_JWKS_URL: `${this.api.url}/.well-known/jwks.json`,
      FAL_USER_ID: this.userId,
      FAL_ALLOWED_HOSTS: this.cdn.origin,
    };
  }

  /** Signs a webhook body the way fal does (tests use it to forge stale or foreign deliveries). */
  signWebhook(body: Buffer, requestId: string, timestamp = Math.floor(Date.now() / 1000), userId = this.userId): Record<string, string> {
    const digest = createHash('sha256').update(body).digest('hex');
    const signature = sign(null, Buffer.from(`${requestId}\n${userId}\n${timestamp}\n${digest}`), this.privateKey).toString('hex');
    return {
      'x-fal-webhook-request-id': requestId,
      'x-fal-webhook-user-id': userId,
      'x-fal-webhook-timestamp': String(timestamp),
      'x-fal-webhook-signature': signature,
    };
  }

  async close(): Promise<void> {
    this.jobs.close();
    await this.outbox.settled();
    await Promise.all([this.api.close(), this.cdn.close()]);
  }

  private authorized(req: SimRequest): SimAnswer | undefined {
    const given = String(req.headers.authorization ?? '');
    if (given === `Key ${this.key}`) return undefined;
    return { status: 401, body: { detail: `Authentication failed: the key "${given.replace(/^Key /, '')}" is not valid` } };
  }

  private submit(req: SimRequest): SimAnswer {
    const denied = this.authorized(req);
    if (denied) return denied;
    const input = jsonBody(req);
    if (typeof input.prompt !== 'string' || !input.prompt) return { status: 422, body: { detail: [{ loc: ['body', 'prompt'], msg: 'field required', type: 'missing' }] } };
    const klingProblem = /image-to-video$/.test(req.params[0]) ? checkKlingInput(input) : null;
    if (klingProblem) return { status: 422, body: { detail: [klingProblem] } };
    for (const [i, lora] of ((input.loras as unknown[]) ?? []).entries()) {
      const l = lora as { path?: unknown; scale?: unknown };
      if (typeof l?.path !== 'string' || typeof l.scale !== 'number') throw new SimInputError(`loras.${i}: expected {path: string, scale: number}`);
    }
    const endpoint = req.params[0];
    const app = endpoint.split('/').slice(0, 2).join('/');
    const requestId = randomUUID();
    this.ledger.record(String(req.headers['idempotency-key'] ?? submissionKey(input.prompt, input.seed)));
    const webhook = req.url.searchParams.get('fal_webhook') ?? undefined;
    const timeout = Number(req.headers['x-fal-request-timeout'] ?? NaN);
    const job = this.jobs.add(requestId, { ...input, app, endpoint, webhook, startTimeoutMs: timeout > 0 ? timeout * 1000 : undefined });
    if (job.input.startTimeoutMs !== undefined && job.input.startTimeoutMs < (this.options.queueMs ?? 20)) {
      setTimeout(() => {
        if (job.final) return;
        job.final = 'failed';
        job.failure = USER_TIMEOUT;
      }, job.input.startTimeoutMs).unref();
    }
    const base = `${this.api.url}/${app}/requests/${requestId}`;
    return {
      status: 200,
      body: { status: 'IN_QUEUE', request_id: requestId, gateway_request_id: requestId, queue_position: 0, response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` },
      headers: { 'x-fal-request-id': requestId },
    };
  }

  private find(req: SimRequest): SimJob<FalInput> | undefined {
    const job = this.jobs.jobs.get(req.params[1]);
    return job && job.input.app === req.params[0] ? job : undefined;
  }

  private status(req: SimRequest): SimAnswer {
    const denied = this.authorized(req);
    if (denied) return denied;
    const job = this.find(req);
    if (!job) return { status: 404, body: { detail: 'Request not found' } };
    const state = this.jobs.state(job);
    const visible = !job.input.statusVisibleAt || Date.now() >= job.input.statusVisibleAt;
    if (state === 'queued') return { status: 202, body: { status: 'IN_QUEUE', queue_position: 0, request_id: job.id } };
    if (state === 'running' || !visible) return { status: 202, body: { status: 'IN_PROGRESS', logs: [], request_id: job.id } };
    return { status: 200, body: { status: 'COMPLETED', logs: [], metrics: { inference_time: 0.05 }, request_id: job.id } };
  }

  private result(req: SimRequest): SimAnswer {
    const denied = this.authorized(req);
    if (denied) return denied;
    const job = this.find(req);
    if (!job) return { status: 404, body: { detail: 'Request not found' } };
    switch (job.final) {
      case undefined:
        return { status: 400, body: { detail: 'Request is still in progress' } };
      case 'canceled':
        return { status: 400, body: { detail: 'Request was cancelled', error_type: 'request_cancelled' }, headers: { 'x-fal-error-type': 'request_cancelled' } };
      case 'failed':
        if (job.failure === USER_TIMEOUT) return { status: 504, body: { detail: USER_TIMEOUT }, headers: { 'x-fal-request-timeout-type': 'user' } };
        if (job.failure === INFRA_FAILURE) return { status: 500, body: { detail: INFRA_FAILURE, error_type: 'runner_disconnected' }, headers: { 'x-fal-error-type': 'runner_disconnected' } };
        return { status: 422, body: { detail: [{ loc: ['body', job.failure?.startsWith('Failed to download LoRA') ? 'loras' : 'prompt'], msg: job.failure ?? 'failed', type: 'value_error' }] } };
      default:
        return { status: 200, body: this.payload(job) };
    }
  }

  private cancel(req: SimRequest): SimAnswer {
    const denied = this.authorized(req);
    if (denied) return denied;
    const job = this.find(req);
    if (!job) return { status: 404, body: { status: 'NOT_FOUND' } };
    return this.jobs.cancel(job) ? { status: 202, body: { status: 'CANCELLATION_REQUESTED' } } : { status: 400, body: { status: 'ALREADY_COMPLETED' } };
  }

  private payload(job: SimJob<FalInput>) {
    if (isVideo(job.input)) return { video: { url: this.cdn.url(job.outputs[0]), content_type: 'video/mp4', file_name: 'output.mp4', file_size: job.input.videoBytes } };
    return {
      images: job.outputs.map((id) => ({ url: this.cdn.url(id), content_type: 'image/png', width: sizeOf(job.input)[0], height: sizeOf(job.input)[1] })),
      seed: job.seed,
      prompt: job.input.prompt,
      has_nsfw_concepts: job.outputs.map(() => false),
      timings: { inference: 0.05 },
    };
  }

  /** Downloads the request's loopback LoRA weights as fal's runner would; the first that fails, as fal words it. */
  private async downloadLoras(input: FalInput): Promise<string | undefined> {
    for (const lora of (input.loras as { path: string }[] | undefined) ?? []) {
      let url: URL;
      try {
        url = new URL(lora.path);
      } catch {
        continue;
      }
      if (!['127.0.0.1', 'localhost'].includes(url.hostname)) continue;
      const res = await fetch(url).catch(() => null);
      if (!res?.ok) return `Failed to download LoRA weights from ${lora.path} (${res ? `HTTP ${res.status}` : 'no answer'})`;
      this.loraDownloads.push({ path: lora.path, sha256: createHash('sha256').update(new Uint8Array(await res.arrayBuffer())).digest('hex') });
    }
    return undefined;
  }

  private async finish(job: SimJob<FalInput>): Promise<void> {
    const seed = typeof job.input.seed === 'number' ? job.input.seed : randomInt(0, 2 ** 32 - 1);
    const infra = this.options.infraFails?.(job.input) ?? false;
    const loraFailure = infra ? undefined : await this.downloadLoras(job.input);
    const failed = infra || loraFailure !== undefined || (this.options.fails?.(job.input) ?? false);
    if (!failed && isVideo(job.input)) {
      const still = bytesOfDataUri(job.input.image_url);
      const meta = still ? await sharp(still).metadata() : { width: 1080, height: 1620 };
      const short = Math.min(meta.width!, meta.height!);
      const clip = await renderSimulatedVideo({
        still: still ?? undefined,
        ...scaledEven((meta.width! * 1080) / short, (meta.height! * 1080) / short, this.options.videoScale),
        fps: 24,
        durationSeconds: Number(job.input.duration ?? '5'),
        loop: typeof job.input.tail_image_url === 'string',
        defects: this.options.videoDefects?.(job.input) ?? [],
      });
      job.input.videoBytes = clip.byteLength;
      job.outputs.push(this.cdn.put(clip, 'video/mp4', `${job.id}.mp4`));
    } else if (!failed) {
      const [width, height] = sizeOf(job.input);
      const count = typeof job.input.num_images === 'number' ? job.input.num_images : 1;
      for (let index = 0; index < count; index++) {
        const png = await renderSimulatedImage({ prompt: String(job.input.prompt), seed, index, width, height, maxSide: this.options.imageMaxSide });
        job.outputs.push(this.cdn.put(png, 'image/png', `${job.id}-${index}.png`));
      }
    }
    if (job.final) return;
    job.seed = seed;
    job.final = failed ? 'failed' : 'succeeded';
    job.failure = infra ? INFRA_FAILURE : (loraFailure ?? (failed ? 'the model refused this prompt' : undefined));
    if (!job.input.webhook) return;
    const fault = this.options.faults?.next('webhook');
    if (fault?.kind === 'out_of_order') job.input.statusVisibleAt = Date.now() + (this.options.statusLagMs ?? 300);
    const body = Buffer.from(
      JSON.stringify(
        failed
          ? { request_id: job.id, gateway_request_id: job.id, status: 'ERROR', error: 'Invalid status code: 422', payload: { detail: [{ msg: job.failure }] } }
          : { request_id: job.id, gateway_request_id: job.id, status: 'OK', payload: this.payload(job), error: null },
      ),
    );
    this.outbox.send({ url: job.input.webhook, body, headers: this.signWebhook(body, job.id) }, fault?.kind === 'duplicate');
  }
}

const isVideo = (input: FalInput) => /image-to-video$/.test(input.endpoint);

/** Kling image-to-video input as fal's schema takes it; a 422 detail entry for the first problem. */
function checkKlingInput(input: Record<string, unknown>): { loc: string[]; msg: string; type: string } | null {
  const bad = (field: string, msg: string) => ({ loc: ['body', field], msg, type: 'value_error' });
  if (typeof input.image_url !== 'string' || !/^(https:|data:image\/)/.test(input.image_url)) return bad('image_url', 'field required: a URL or an image data URI');
  if (input.duration !== undefined && input.duration !== '5' && input.duration !== '10') return { loc: ['body', 'duration'], msg: "Input should be '5' or '10'", type: 'enum' };
  if (input.cfg_scale !== undefined && !(typeof input.cfg_scale === 'number' && input.cfg_scale >= 0 && input.cfg_scale <= 1)) return bad('cfg_scale', 'Input should be between 0 and 1');
  if (input.negative_prompt !== undefined && typeof input.negative_prompt !== 'string') return bad('negative_prompt', 'Input should be a valid string');
  if (input.tail_image_url !== undefined && (typeof input.tail_image_url !== 'string' || !/^(https:|data:image\/)/.test(input.tail_image_url))) return bad('tail_image_url', 'Input should be a URL or an image data URI');
  return null;
}

function sizeOf(input: Record<string, unknown>): [number, number] {
  const size = input.image_size;
  if (size && typeof size === 'object') {
    const s = size as { width?: unknown; height?: unknown };
    if (typeof s.width === 'number' && typeof s.height === 'number') return [s.width, s.height];
  }
  return SIZES[String(size)] ?? SIZES.landscape_4_3;
}
