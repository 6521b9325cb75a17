/**
 * A panel session over core's typed API client: who the token is, the current Brand Lock, the newest
 * brief's SKUs, and generate jobs (upload, create with an idempotency key, watch, fetch the output
 * and its production record, cancel at the server when the user cancels).
 */
import { createBrandlockClient, isBrandlockHttpError, type Job, type JobCreateRequest } from '@brandlock/core/api';
import type { BrandlockServer, CurrentBrief, GeneratedResult } from '../ports/brandlock-server';
import { PanelError } from '../errors/panel-error';
import { toServerError } from './server-errors';

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

  /** Creates a job, follows it with progress, cancels it at the server when the user cancels. */
  async function runJob(request: JobCreateRequest, label: string, onProgress: Parameters<BrandlockServer['generate']>[1], signal: AbortSignal): Promise<Job> {
    const created = await guard(`start ${label}`, () => api.jobs.create(request, { idempotencyKey: idempotencyKey() }));
    const report = (job: Job) => onProgress({ state: job.state, fraction: job.progress, message: job.stage });
    report(created);
    let job: Job;
    try {
      job = await api.jobs.watch(created.id, { onUpdate: report, signal });
    } catch (e) {
      if (signal.aborted) {
        await api.jobs.cancel(created.id).catch(() => undefined);
        throw new PanelError('cancelled', `Job ${created.id} (${label}) was cancelled on the server; nothing was placed or written.`);
      }
      throw toServerError(e, serverUrl, `follow job ${created.id}`);
    }
    if (job.state !== 'succeeded') {
      const why = job.error ? `${job.error.message}${job.error.retryable ? ' (retryable: try again)' : ''}` : job.state;
      throw new PanelError('server-error', `Job ${job.id} (${label}) ${job.state === 'canceled' ? 'was canceled' : 'failed'}: ${why}`);
    }
    return job;
  }

  async function renderVariants(request: Parameters<BrandlockServer['renderVariants']>[0], onProgress: Parameters<BrandlockServer['generate']>[1], signal: AbortSignal) {
    const upload = await guard('store the master', () => api.uploads.put(request.master.bytes, request.master.contentType));
    const job = await runJob(
      { kind: 'variants', sources: [upload.ref], channels: request.channels, ...(request.briefId ? { brief: request.briefId, sku: request.sku } : { category: request.category }) },
      `variants of ${request.sku}`,
      onProgress,
      signal,
    );
    const variants = [];
    for (const output of job.outputs) {
      const asset = await guard(`send the ${output.channel ?? 'variant'} file of job ${job.id}`, () => api.assets.get(output.ref));
      variants.push({ channel: output.channel ?? '', bytes: asset.bytes, contentType: asset.contentType, width: output.width, height: output.height });
    }
    return { jobId: job.id, variants };
  }

  async function generate(request: Parameters<BrandlockServer['generate']>[0], onProgress: Parameters<BrandlockServer['generate']>[1], signal: AbortSignal): Promise<GeneratedResult> {
    const upload = await guard('store the source image', () => api.uploads.put(request.source.bytes, request.source.contentType));
    const job = await runJob({ kind: 'generate', brief: request.briefId, sku: request.sku, view: request.view, sources: [upload.ref] }, `generate ${request.sku} ${request.view}`, onProgress, signal);
    const output = job.outputs[0];
    if (!output) throw new PanelError('server-error', `Job ${job.id} for ${request.sku} finished without an image.`);
    const asset = await guard(`send the result of job ${job.id}`, () => api.assets.get(output.ref));
    const { records } = await guard(`send the production record of job ${job.id}`, () => api.audit.query({ job: job.id }));
    const record = records.find((r) => r.assetId === output.assetId) ?? records[0];
    if (!record) throw new PanelError('server-error', `The server has no production record for job ${job.id}; the result was not placed.`);
    return { jobId: job.id, bytes: asset.bytes, contentType: asset.contentType, record, note: job.note };
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
    generate,
    renderVariants,
    lutCube,
  };
}
