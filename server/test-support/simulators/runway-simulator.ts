/**
 * A loopback Runway API (runwayml/sdk-node): `POST /v1/text_to_image` and `POST /v1/image_to_video`
 * create tasks and answer `{id}`; `GET /v1/tasks/{id}` goes PENDING (THROTTLED when asked) ->
 * RUNNING with progress -> SUCCEEDED with output URLs, FAILED with failure and failureCode, or
 * CANCELLED; `DELETE /v1/tasks/{id}` cancels a live task and deletes a finished one. Every call must
 * carry `X-Runway-Version`. Output URLs are signed and expire; each task read signs fresh ones.
 * Videos are real MP4s made from the promptImage (the first frame) at the ratio's size, 24 fps, the
 * requested duration; gen4_turbo takes no last frame, so a clip sways one way and does not loop.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { FaultPlan } from './fault-plan';
import { SimCdn } from './sim-cdn';
import { jsonBody, SimServer, type SimAnswer, type SimRequest } from './sim-http';
import { SimJobs, type SimJob, type SimTiming } from './sim-jobs';
import { SubmissionLedger, submissionKey } from './submission-ledger';
import { renderSimulatedImage } from './synthetic-image';
import { bytesOfDataUri, renderSimulatedVideo, scaledEven, type VideoDefect } from './synthetic-video';

export interface RunwaySimulatorOptions extends SimTiming {
  secret?: string;
  faults?: FaultPlan;
  imageMaxSide?: number;
  /** Lifetime of signed output URLs (Runway: 24-48 h). */
  urlTtlMs?: number;
  /** Report queued tasks as THROTTLED (over the concurrency limit) instead of PENDING. */
  throttle?: boolean;
  fails?: (input: Record<string, unknown>) => boolean;
  /** Defects the video model puts into a task's clip. */
  videoDefects?: (input: Record<string, unknown>) => VideoDefect[];
  /** Scale of rendered clips (tests render small ones); 1 renders the ratio's full size. */
  videoScale?: number;
  /** Frame rate of rendered clips (Runway: 24); tests set another to act out a provider that changed it. */
  videoFps?: number;
}

interface TaskInput extends Record<string, unknown> {
  endpoint: 'text_to_image' | 'image_to_video';
  deleted?: boolean;
}

const VERSION = '2024-11-06';
const IMAGE_MODELS = new Set(['gen4_image', 'gen4_image_turbo']);
const VIDEO_MODELS = new Set(['gen4_turbo', 'gen4.5', 'veo3.1', 'veo3.1_fast']);
/** gen4_turbo's ratios (runwayml/sdk-node image-to-video.ts). */
const GEN4_TURBO_RATIOS = ['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672'];
const VIDEO_FPS = 24;

export class RunwaySimulator {
  readonly secret: string;
  readonly ledger = new SubmissionLedger();
  private api!: SimServer;
  private cdn!: SimCdn;
  private readonly jobs: SimJobs<TaskInput>;

  private constructor(private readonly options: RunwaySimulatorOptions) {
    this.secret = options.secret ?? `key_${randomUUID().replace(/-/g, '')}`;
    this.jobs = new SimJobs<TaskInput>(options, (job) => this.finish(job));
  }

  static async start(options: RunwaySimulatorOptions = {}): Promise<RunwaySimulator> {
    const sim = new RunwaySimulator(options);
    sim.cdn = await SimCdn.start(options.faults);
    sim.api = await SimServer.start(
      [
        { method: 'POST', pattern: /^\/v1\/(text_to_image|image_to_video)$/, callType: 'create', handle: (r) => sim.create(r) },
        { method: 'GET', pattern: /^\/v1\/tasks\/([\w-]+)$/, callType: 'read', handle: (r) => sim.read(r) },
        { method: 'DELETE', pattern: /^\/v1\/tasks\/([\w-]+)$/, callType: 'cancel', handle: (r) => sim.remove(r) },
      ],
      options.faults,
    );
    return sim;
  }

  get baseUrl(): string {
    return this.api.url;
  }

  get requests() {
    return this.api.log;
  }

  /** Requests the result host received. */
  get downloads() {
    return this.cdn.server.log;
  }

  env(): Record<string, string> {
    return { RUNWAYML_API_SECRET: this.secret, RUNWAY_BASE_URL: this.api.url, RUNWAY_ALLOWED_HOSTS: this.cdn.origin };
  }

  async close(): Promise<void> {
    this.jobs.close();
    await Promise.all([this.api.close(), this.cdn.close()]);
  }

  private denied(req: SimRequest): SimAnswer | undefined {
    const given = String(req.headers.authorization ?? '');
    if (given !== `Bearer ${this.secret}`) return { status: 401, body: { error: `Invalid API key ${given.replace(/^Bearer /, '')}` } };
    if (req.headers['x-runway-version'] !== VERSION) return { status: 400, body: { error: `X-Runway-Version must be ${VERSION}` } };
    return undefined;
  }

  private create(req: SimRequest): SimAnswer {
    const denied = this.denied(req);
    if (denied) return denied;
    const endpoint = req.params[0] as TaskInput['endpoint'];
    const body = jsonBody(req);
    const problem = endpoint === 'text_to_image' ? checkImage(body) : checkVideo(body);
    if (problem) return { status: 400, body: { error: problem } };
    const id = randomUUID();
    this.ledger.record(String(req.headers['idempotency-key'] ?? submissionKey(body.promptText, body.seed)));
    this.jobs.add(id, { ...body, endpoint });
    return { status: 200, body: { id } };
  }

  private read(req: SimRequest): SimAnswer {
    const denied = this.denied(req);
    if (denied) return denied;
    const job = this.jobs.jobs.get(req.params[0]);
    if (!job || job.input.deleted) return { status: 404, body: { error: 'Task not found' } };
    const base = { id: job.id, createdAt: new Date(job.createdAt).toISOString() };
    switch (this.jobs.state(job)) {
      case 'queued':
        return { status: 200, body: { ...base, status: this.options.throttle ? 'THROTTLED' : 'PENDING' } };
      case 'running':
        return { status: 200, body: { ...base, status: 'RUNNING', progress: Number(this.jobs.progress(job).toFixed(2)) } };
      case 'canceled':
        return { status: 200, body: { ...base, status: 'CANCELLED' } };
      case 'failed':
        return { status: 200, body: { ...base, status: 'FAILED', failure: job.failure, failureCode: 'SAFETY.INPUT.TEXT' } };
      default:
        return { status: 200, body: { ...base, status: 'SUCCEEDED', output: job.outputs.map((f) => this.cdn.url(f, this.options.urlTtlMs ?? 24 * 3600_000)) } };
    }
  }

  private remove(req: SimRequest): SimAnswer {
    const denied = this.denied(req);
    if (denied) return denied;
    const job = this.jobs.jobs.get(req.params[0]);
    if (!job || job.input.deleted) return { status: 404, body: { error: 'Task not found' } };
    if (!this.jobs.cancel(job)) job.input.deleted = true;
    return { status: 204 };
  }

  private async finish(job: SimJob<TaskInput>): Promise<void> {
    const input = job.input;
    const seed = typeof input.seed === 'number' ? input.seed : randomInt(0, 2 ** 32 - 1);
    const failed = this.options.fails?.(input) ?? false;
    if (!failed) {
      const [width, height] = String(input.ratio).split(':').map(Number);
      const prompt = String(input.promptText ?? '');
      const bytes =
        input.endpoint === 'image_to_video'
          ? await renderSimulatedVideo({
              still: bytesOfDataUri(typeof input.promptImage === 'string' ? input.promptImage : (input.promptImage as { uri?: unknown }[])[0]?.uri) ?? undefined,
              ...scaledEven(width, height, this.options.videoScale),
              fps: this.options.videoFps ?? VIDEO_FPS,
              durationSeconds: typeof input.duration === 'number' ? input.duration : 5,
              loop: false,
              defects: this.options.videoDefects?.(input) ?? [],
            })
          : await renderSimulatedImage({ prompt, seed, index: 0, width, height, maxSide: this.options.imageMaxSide });
      const [type, name] = input.endpoint === 'image_to_video' ? ['video/mp4', 'out.mp4'] : ['image/png', 'out.png'];
      job.outputs.push(this.cdn.put(bytes, type, name));
    }
    if (job.final) return;
    job.seed = seed;
    job.final = failed ? 'failed' : 'succeeded';
    job.failure = failed ? 'Your prompt did not pass content moderation.' : undefined;
  }
}

function checkImage(body: Record<string, unknown>): string | undefined {
  if (!IMAGE_MODELS.has(String(body.model))) return `model: expected one of ${[...IMAGE_MODELS].join(', ')}`;
  return checkPrompt(body) ?? checkReferences(body.referenceImages) ?? (typeof body.ratio === 'string' && /^\d+:\d+$/.test(body.ratio) ? undefined : 'ratio: required');
}

function checkVideo(body: Record<string, unknown>): string | undefined {
  if (!VIDEO_MODELS.has(String(body.model))) return `model: expected one of ${[...VIDEO_MODELS].join(', ')}`;
  const image = Array.isArray(body.promptImage) ? (body.promptImage as { uri?: unknown; position?: unknown }[]) : [{ uri: body.promptImage, position: 'first' }];
  if (!image.length || image.some((i) => typeof i?.uri !== 'string' || !/^(https:|data:image\/)/.test(i.uri))) return 'promptImage: expected an HTTPS URL or an image data URI';
  if (body.model === 'gen4_turbo' && image.some((i) => i.position !== 'first')) return 'promptImage.position: gen4_turbo takes only "first"';
  if (body.model === 'gen4_turbo' && !GEN4_TURBO_RATIOS.includes(String(body.ratio))) return `ratio: expected one of ${GEN4_TURBO_RATIOS.join(', ')}`;
  if (body.duration !== undefined && !(Number.isInteger(body.duration) && (body.duration as number) >= 2 && (body.duration as number) <= 10)) return 'duration: expected a whole number of seconds from 2 to 10';
  if (body.promptText !== undefined && (typeof body.promptText !== 'string' || !body.promptText || body.promptText.length > 1000)) return 'promptText: a non-empty string of at most 1000 characters';
  return undefined;
}

function checkPrompt(body: Record<string, unknown>): string | undefined {
  if (typeof body.promptText !== 'string' || !body.promptText) return 'promptText: required';
  if (body.promptText.length > 1000) return 'promptText: at most 1000 characters';
  return undefined;
}

function checkReferences(refs: unknown): string | undefined {
  if (refs === undefined) return undefined;
  if (!Array.isArray(refs) || refs.length > 3) return 'referenceImages: at most 3';
  const bad = refs.findIndex((r: { uri?: unknown }) => typeof r?.uri !== 'string' || !/^(https:|data:image\/)/.test(r.uri));
  return bad >= 0 ? `referenceImages.${bad}.uri: expected an HTTPS URL or an image data URI` : undefined;
}
