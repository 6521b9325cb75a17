/**
 * A panel session over core's typed API client: who the token is, the current Brand Lock, the newest
 * brief's SKUs, generate and variants jobs (upload, create with an idempotency key, follow, fetch the
 * output and its production record, cancel at the server the moment the user cancels), the jobs of a
 * SKU, and the review queue with its decisions.
 */
import { createBrandlockClient, isBrandlockHttpError, type Job, type JobCreateRequest } from '@brandlock/core/api';
import { describeVideoQc } from '@brandlock/core/video';
import type { BrandlockServer, CurrentBrief, GeneratedResult, JobProgress, JobSummary, VideoResult } from '../ports/brandlock-server';
import { reviewSession } from './review-session';
import { PanelError } from '../errors/panel-error';
import { toServerError } from './server-errors';
import { shortJobId } from '../flows/short-job-id';

type Fetch = Parameters<typeof createBrandlockClient>[0]['fetch'];

function idempotencyKey(): string {
  const bytes = new Uint8Array(16);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function openBrandlockSession(serverUrl: string, token: string, fetchImpl?: Fetch): Promise<BrandlockServer> {
  const api = createBrandlockClient({ baseUrl: serverUrl, token, fetch: fetchImpl });
  const guard = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      throw toServerError(e, serverUrl, what);
    }
  };
  const me = await guard('say who this token is', () => api.me());
  const current = await guard('send the current Brand Lock', () => api.locks.get('current'));

  async function currentBrief(): Promise<CurrentBrief | null> {
    const { briefs } = await guard('list the briefs', () => api.briefs.list());
    const newest = briefs[0];
    if (!newest) return null;
    const { skus } = await guard(`list the SKUs of "${newest.name}"`, () => api.briefs.skus(newest.id));
    return {
      id: newest.id,
      name: newest.name,
      skus: skus.map((s) => ({
        sku: s.sku, colorway: s.colorway, category: s.category, swatch: s.swatch, status: s.status,
        views: s.views.map((v) => ({ view: v.view, viewName: v.viewName, status: v.status })),
      })),
    };
  }

  const summary = (job: Job): JobSummary => ({
    id: job.id, kind: job.kind, state: job.state, sku: job.sku, colorway: job.colorway, view: job.view, progress: job.progress, stage: job.stage, outputs: job.outputs.length,
    requestedBy: job.requestedBy, createdAt: job.createdAt, finishedAt: job.finishedAt, error: job.error?.message ?? null,
  });

  /**
   * Follows a job to its end. The abort races the event stream instead of relying on it: UXP says
   * "AbortSignal works only for web streams", so a host may keep reading the stream after Cancel.
   * On abort the cancel goes to the server at once; the stream ends by itself when the job does.
   */
  async function followJobRaw(jobId: string, job: string, onProgress: (p: JobProgress) => void, signal: AbortSignal): Promise<Job> {
    const report = (job: Job) => onProgress({ state: job.state, fraction: job.progress, message: job.stage });
    let stop: () => void = () => undefined;
    const aborted = new Promise<never>((_, reject) => {
      stop = () => reject(new PanelError('cancelled', `${sentence(job)} was cancelled.`));
      if (signal.aborted) stop();
      else signal.addEventListener('abort', () => stop(), { once: true });
    });
    // Whichever loses the race must not surface later as an unhandled rejection.
    aborted.catch(() => undefined);
    const watching = api.jobs.watch(jobId, { onUpdate: report, signal });
    watching.catch(() => undefined);
    try {
      return await Promise.race([watching, aborted]);
    } catch (e) {
      if (signal.aborted) {
        await api.jobs.cancel(jobId).catch(() => undefined);
        throw new PanelError('cancelled', `${sentence(job)} was cancelled on the server; nothing was placed or written.`);
      }
      throw toServerError(e, serverUrl, `follow ${job}`);
    }
  }

  function requireSucceeded(job: Job, what: string): Job {
    if (job.state !== 'succeeded') {
      const why = job.error ? `${job.error.message}${job.error.retryable ? ' (retryable: try again)' : ''}` : job.state;
      throw new PanelError('server-error', `${sentence(what)} ${job.state === 'canceled' ? 'was cancelled' : 'failed'}: ${why}`);
    }
    return job;
  }

  /** Creates a job, follows it with progress, cancels it at the server when the user cancels. `what` names the job: "the variants job for NF-WV-1001". */
  async function runJob(request: JobCreateRequest, what: string, onProgress: (p: JobProgress) => void, signal: AbortSignal): Promise<Job> {
    const created = await guard(`start ${what}`, () => api.jobs.create(request, { idempotencyKey: idempotencyKey() }));
    onProgress({ state: created.state, fraction: created.progress, message: created.stage });
    const job = `${what} (job ${shortJobId(created.id)})`;
    return requireSucceeded(await followJobRaw(created.id, job, onProgress, signal), job);
  }

  async function renderVariants(request: Parameters<BrandlockServer['renderVariants']>[0], onProgress: (p: JobProgress) => void, signal: AbortSignal) {
    const upload = await guard('store the master', () => api.uploads.put(request.master.bytes, request.master.contentType));
    const job = await runJob(
      { kind: 'variants', sources: [upload.ref], channels: request.channels, ...(request.briefId ? { brief: request.briefId, sku: request.sku, ...(request.colorway ? { colorway: request.colorway } : {}), ...(request.view ? { view: request.view } : {}) } : { category: request.category }) },
      `the variants job for ${request.sku}`,
      onProgress,
      signal,
    );
    const variants = [];
    for (const output of job.outputs) {
      const asset = await guard(`send the ${output.channel ?? 'variant'} file of job ${shortJobId(job.id)}`, () => api.assets.get(output.ref));
      variants.push({ channel: output.channel ?? '', bytes: asset.bytes, contentType: asset.contentType, width: output.width, height: output.height });
    }
    return { jobId: job.id, variants };
  }

  async function startGenerate(request: Parameters<BrandlockServer['startGenerate']>[0]): Promise<JobSummary> {
    const upload = await guard('store the source image', () => api.uploads.put(request.source.bytes, request.source.contentType));
    const job = await guard(`start generating ${request.sku} ${request.view}`, () =>
      api.jobs.create({ kind: 'generate', brief: request.briefId, sku: request.sku, ...(request.colorway ? { colorway: request.colorway } : {}), view: request.view, sources: [upload.ref] }, { idempotencyKey: idempotencyKey() }),
    );
    return summary(job);
  }

  async function followJob(jobId: string, onProgress: (p: JobProgress) => void, signal: AbortSignal): Promise<JobSummary> {
    return summary(await followJobRaw(jobId, `job ${shortJobId(jobId)}`, onProgress, signal));
  }

  async function jobResult(jobId: string): Promise<GeneratedResult> {
    const job = requireSucceeded(await guard(`send job ${shortJobId(jobId)}`, () => api.jobs.get(jobId)), `job ${shortJobId(jobId)}`);
    const output = job.outputs[0];
    if (!output) throw new PanelError('server-error', `Job ${shortJobId(job.id)} for ${job.sku ?? 'this SKU'} finished without an image.`);
    const asset = await guard(`send the result of job ${shortJobId(job.id)}`, () => api.assets.get(output.ref));
    const { records } = await guard(`send the production record of job ${shortJobId(job.id)}`, () => api.audit.query({ job: job.id }));
    const record = records.find((r) => r.assetId === output.assetId) ?? records[0];
    if (!record) throw new PanelError('server-error', `The server has no production record for job ${shortJobId(job.id)}; the result was not placed.`);
    return { jobId: job.id, bytes: asset.bytes, contentType: asset.contentType, record, note: job.note };
  }

  async function videoResult(jobId: string): Promise<VideoResult> {
    const job = requireSucceeded(await guard(`send job ${shortJobId(jobId)}`, () => api.jobs.get(jobId)), `job ${shortJobId(jobId)}`);
    const output = job.outputs.find((o) => o.contentType.startsWith('video/'));
    if (job.kind !== 'video' || !output) throw new PanelError('server-error', `Job ${shortJobId(job.id)} for ${job.sku ?? 'this SKU'} has no video clip (it is a ${job.kind} job).`);
    const { records } = await guard(`send the production record of job ${shortJobId(job.id)}`, () => api.audit.query({ job: job.id }));
    const record = records.find((r) => r.assetId === output.assetId) ?? records[0];
    if (!record) throw new PanelError('server-error', `The server has no production record for job ${shortJobId(job.id)}; the clip was not opened.`);
    const asset = await guard(`send the clip of job ${shortJobId(job.id)}`, () => api.assets.get(output.ref));
    const poster = (record.qc.detail as { poster?: { sha256?: unknown; width?: unknown; height?: unknown } } | undefined)?.poster;
    return {
      jobId: job.id, sku: job.sku, view: job.view, bytes: asset.bytes, contentType: asset.contentType, width: output.width, height: output.height,
      record, qc: describeVideoQc(record.qc), note: job.note,
      poster: poster && typeof poster.sha256 === 'string' && typeof poster.width === 'number' && typeof poster.height === 'number' ? { ref: `sha256:${poster.sha256}`, width: poster.width, height: poster.height } : null,
    };
  }

  async function jobsForSku(sku: string, colorway?: string | null): Promise<JobSummary[]> {
    const what = colorway ? `${sku} in ${colorway}` : sku;
    const { jobs } = await guard(`list the jobs of ${what}`, () => api.jobs.list({ sku, ...(colorway ? { colorway } : {}), limit: 20 }));
    return jobs.filter((j) => j.kind === 'generate' || j.kind === 'video').map(summary);
  }

  async function cancelJob(jobId: string): Promise<void> {
    await guard(`cancel job ${shortJobId(jobId)}`, () => api.jobs.cancel(jobId));
  }

  const review = reviewSession(api, guard);

  async function assetBytes(ref: string) {
    return guard('send the image', () => api.assets.get(ref));
  }

  async function lutCube(lutId: string): Promise<string | null> {
    try {
      return await api.locks.lut(current.version, lutId);
    } catch (e) {
      if (isBrandlockHttpError(e) && e.status === 404) return null;
      throw toServerError(e, serverUrl, `send the LUT "${lutId}"`);
    }
  }

  return {
    info: {
      serverUrl,
      brand: current.brand,
      lockVersion: current.version,
      lockHash: current.hash,
      user: { name: me.name, role: me.role },
    },
    lock: current.lock,
    currentBrief,
    startGenerate,
    followJob,
    jobResult,
    videoResult,
    jobsForSku,
    cancelJob,
    reviewQueue: review.reviewQueue,
    decideReview: review.decideReview,
    reviseReview: review.reviseReview,
    assetBytes,
    renderVariants,
    lutCube,
  };
}

/** "job dadf2914 …" at the start of a sentence. */
function sentence(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
