/**
 * The typed brandlock API client, used by the Photoshop and Figma plugins and the CLI's `--server`
 * mode. Built on ky with no Node built-ins: it runs in browsers, the Figma UI iframe and UXP. Pass
 * `fetch` where the global one is missing or must be wrapped. Responses are checked against the
 * contract's schemas, so a version mismatch shows up as a BrandlockResponseError, not as undefined.
 */
import ky, { type KyInstance, type Options as KyOptions } from 'ky';
import { z } from 'zod';
import { apiPath } from './routes';
import { ApiErrorBody } from './common';
import { Health, Me, ProviderList } from './health-schemas';
import { TokenCreated, TokenInfo, TokenList, type TokenCreateRequest } from './token-schemas';
import { LockDetail, LockList, LockPublished } from './lock-schemas';
import { BriefJobsQueued, BriefList, BriefSummary, BriefUploaded, SkuList, type BriefJobsRequest, type BriefUploadRequest } from './brief-schemas';
import { LutUploadResult, UploadResult } from './upload-schemas';
import { Job, JobList, TERMINAL_JOB_STATES, type JobCreateRequest } from './job-schemas';
import { LockFileUploaded, Moodboard, type MoodboardCreateRequest } from './moodboard-schemas';
import { ReviewItem, ReviewList, type ReviewDecisionRequest, type ReviewRevisionRequest } from './review-schemas';
import { AuditEventList, AuditPage, MetricsReport } from './audit-schemas';
import { Training, TrainingPinned, type TrainingCreateRequest } from './training-schemas';
import { LibraryAdded, LibraryAsset, LibraryCoverage, LibraryList, type LibraryPatch } from './library-schemas';
import { RecipeAdjusted, RecipeStatus, RecipeStatusList, type RecipeAdjustRequest, type RecipeDecisionRequest } from './recipe-schemas';
import { BrandlockNetworkError, BrandlockResponseError, BrandlockTimeoutError, httpErrorFor } from './client-errors';
import { readSseEvents } from './sse';
import { abortError, webGlobals, type WebAbortSignal, type WebBlob, type WebFetch, type WebResponse } from './web-platform';

export interface BrandlockClientOptions {
  /** The server, e.g. "http://127.0.0.1:8787". */
  baseUrl: string;
  token?: string;
  /** The fetch to use (default: the global one). */
  fetch?: WebFetch;
  /** Per-request timeout in ms (default 30 000). Event streams have none. */
  timeoutMs?: number;
  /** Retries of idempotent requests on 408/429/502/503/504 and network errors (default 2). */
  retries?: number;
}

export interface WatchJobOptions {
  /** Called with every new state of the job. */
  onUpdate?: (job: Job) => void;
  signal?: WebAbortSignal;
  /** Polling interval when events are unavailable (default 1000 ms). */
  pollIntervalMs?: number;
  /** Skip server-sent events and poll (UXP hosts without streaming fetch). */
  poll?: boolean;
}

type Query = Record<string, string | number | undefined>;

/**
 * @example
 * const api = createBrandlockClient({ baseUrl: 'http://127.0.0.1:8787', token });
 * const { ref } = await api.uploads.put(bytes, 'image/png');
 * const job = await api.jobs.create({ kind: 'generate', brief, sku: 'NF-001', sources: [ref] });
 * const done = await api.jobs.watch(job.id, { onUpdate: (j) => console.log(j.stage) });
 */
export function createBrandlockClient(options: BrandlockClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const fetchImpl: WebFetch =
    options.fetch ??
    ((input, init) => {
      if (!webGlobals.fetch) throw new Error('this host has no fetch; pass one as the `fetch` option');
      return webGlobals.fetch(input, init);
    });
  const http: KyInstance = ky.create({
    fetch: ((input: unknown, init: unknown) => fetchImpl(input, init)) as unknown as KyOptions['fetch'],
    timeout: timeoutMs,
    throwHttpErrors: false,
    retry: { limit: options.retries ?? 2, methods: ['get', 'put', 'delete'], statusCodes: [408, 429, 502, 503, 504] },
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });

  async function send(method: string, path: string, init: KyOptions = {}): Promise<WebResponse> {
    const url = `${base}${path}`;
    let res: WebResponse;
    try {
      res = (await http(url, { method, ...init })) as unknown as WebResponse;
    } catch (e) {
      const name = (e as { name?: string })?.name;
      if (name === 'AbortError') throw e;
      if (name === 'TimeoutError') throw new BrandlockTimeoutError(method, url, timeoutMs);
      throw new BrandlockNetworkError(method, url, (e as Error)?.message ?? String(e));
    }
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      let body: z.infer<typeof ApiErrorBody> | null = null;
      try {
        const parsed = ApiErrorBody.safeParse(JSON.parse(text));
        if (parsed.success) body = parsed.data;
      } catch {
        body = null;
      }
      const error = httpErrorFor(method, url, res.status, body?.error.code ?? `http_${res.status}`, body?.error.message ?? (text.slice(0, 200) || res.statusText), body?.error.issues ?? []);
      const retryAfter = Number(res.headers.get('retry-after') ?? NaN);
      if (Number.isFinite(retryAfter) && retryAfter >= 0) error.retryAfterSeconds = retryAfter;
      throw error;
    }
    return res;
  }

  async function call<S extends z.ZodType>(schema: S, method: string, path: string, init: KyOptions = {}): Promise<z.infer<S>> {
    const res = await send(method, path, init);
    const url = `${base}${path}`;
    let json: unknown;
    try {
      json = await res.json();
    } catch (e) {
      throw new BrandlockResponseError(method, url, `not JSON: ${(e as Error).message}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new BrandlockResponseError(method, url, `${first.path.join('.') || '$'}: ${first.message}`);
    }
    return parsed.data;
  }

  const withQuery = (path: string, query: Query = {}) => {
    const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== '') as [string, string | number][];
    return entries.length ? `${path}?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}` : path;
  };

  const jobs = {
    create: (request: JobCreateRequest, opts: { idempotencyKey?: string } = {}) =>
      call(Job, 'post', '/v1/jobs', { json: request, headers: opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {} }),
    get: (id: string) => call(Job, 'get', apiPath('/v1/jobs/{id}', { id })),
    list: (query: { state?: string; sku?: string; colorway?: string; brief?: string; limit?: number; cursor?: string } = {}) => call(JobList, 'get', withQuery('/v1/jobs', query)),
    cancel: (id: string) => call(Job, 'post', apiPath('/v1/jobs/{id}/cancel', { id })),
    /** Follows a job to its end: server-sent events when the host can stream, polling otherwise. */
    async watch(id: string, opts: WatchJobOptions = {}): Promise<Job> {
      if (!opts.poll && webGlobals.ReadableStream !== undefined) {
        const viaEvents = await watchWithEvents(id, opts);
        if (viaEvents) return viaEvents;
      }
      return watchByPolling(id, opts);
    },
  };

  async function watchWithEvents(id: string, opts: WatchJobOptions): Promise<Job | null> {
    const path = apiPath('/v1/jobs/{id}/events', { id });
    let res: WebResponse;
    try {
      res = await send('get', path, { timeout: false, retry: 0, signal: opts.signal as KyOptions['signal'], headers: { accept: 'text/event-stream' } });
    } catch (e) {
      if ((e as { name?: string })?.name === 'BrandlockNetworkError') return null;
      // The server has too many streams open (429 for this token, 503 for all): follow by polling.
      const status = (e as { status?: number })?.status;
      if (status === 429 || status === 503) return null;
      throw e;
    }
    if (!res.body) return null;
    let last: Job | null = null;
    try {
      for await (const event of readSseEvents(res.body)) {
        if (event.event !== 'job') continue;
        const parsed = Job.safeParse(JSON.parse(event.data));
        if (!parsed.success) throw new BrandlockResponseError('get', `${base}${path}`, `event is not a job: ${parsed.error.issues[0].message}`);
        last = parsed.data;
        opts.onUpdate?.(last);
        if (TERMINAL_JOB_STATES.includes(last.state)) return last;
      }
    } catch (e) {
      const name = (e as { name?: string })?.name;
      if (name === 'AbortError' || name === 'BrandlockResponseError') throw e;
    }
    return null;
  }

  async function watchByPolling(id: string, opts: WatchJobOptions): Promise<Job> {
    let lastUpdate = '';
    for (;;) {
      if (opts.signal?.aborted) throw abortError(opts.signal.reason);
      const job = await jobs.get(id);
      if (job.updatedAt !== lastUpdate) {
        lastUpdate = job.updatedAt;
        opts.onUpdate?.(job);
      }
      if (TERMINAL_JOB_STATES.includes(job.state)) return job;
      await sleep(opts.pollIntervalMs ?? 1000, opts.signal);
    }
  }

  return {
    health: () => call(Health, 'get', '/health'),
    me: () => call(Me, 'get', '/v1/me'),
    providers: () => call(ProviderList, 'get', '/v1/providers'),
    openApi: () => call(OpenApiDoc, 'get', '/openapi.json'),
    tokens: {
      list: () => call(TokenList, 'get', '/v1/tokens'),
      create: (request: TokenCreateRequest) => call(TokenCreated, 'post', '/v1/tokens', { json: request }),
      revoke: (id: string) => call(TokenInfo, 'delete', apiPath('/v1/tokens/{id}', { id })),
    },
    locks: {
      list: () => call(LockList, 'get', '/v1/locks'),
      get: (ref = 'current') => call(LockDetail, 'get', apiPath('/v1/locks/{ref}', { ref })),
      publish: (document: unknown) => call(LockPublished, 'post', '/v1/locks', { json: document }),
      /** A lock's LUT as .cube text (the file whose sha256 the lock pins). */
      async lut(ref: string, id: string): Promise<string> {
        return (await send('get', apiPath('/v1/locks/{ref}/luts/{id}', { ref, id }))).text();
      },
    },
    briefs: {
      list: () => call(BriefList, 'get', '/v1/briefs'),
      upload: (request: BriefUploadRequest) => call(BriefUploaded, 'post', '/v1/briefs', { json: request }),
      get: (id: string) => call(BriefSummary, 'get', apiPath('/v1/briefs/{id}', { id })),
      skus: (id: string) => call(SkuList, 'get', apiPath('/v1/briefs/{id}/skus', { id })),
      queueJobs: (id: string, request: BriefJobsRequest = {}) => call(BriefJobsQueued, 'post', apiPath('/v1/briefs/{id}/jobs', { id }), { json: request }),
    },
    uploads: {
      put: (bytes: Uint8Array | ArrayBuffer | WebBlob, contentType: string) => call(UploadResult, 'put', '/v1/uploads', { body: bytes as KyOptions['body'], headers: { 'content-type': contentType } }),
    },
    luts: {
      /** Uploads a .cube file (admin) so the server can grade with the LUT a lock pins by this sha256. */
      put: (bytes: Uint8Array | ArrayBuffer | string) => call(LutUploadResult, 'put', '/v1/luts', { body: bytes as KyOptions['body'], headers: { 'content-type': 'text/plain' } }),
    },
    assets: {
      /** The bytes of a stored image (an upload or a job output) by sha256 or "sha256:" reference. */
      async get(ref: string): Promise<{ bytes: Uint8Array; contentType: string }> {
        const res = await send('get', apiPath('/v1/assets/{sha256}', { sha256: ref.replace(/^sha256:/, '') }));
        return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
      },
    },
    jobs,
    moodboards: {
      create: (request: MoodboardCreateRequest, opts: { idempotencyKey?: string } = {}) =>
        call(Moodboard, 'post', '/v1/moodboards', { json: request, headers: opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {} }),
      get: (id: string) => call(Moodboard, 'get', apiPath('/v1/moodboards/{id}', { id })),
      cancel: (id: string) => call(Moodboard, 'post', apiPath('/v1/moodboards/{id}/cancel', { id })),
      /** Follows a board until every cell is done, calling onUpdate whenever a cell moved. */
      async watch(id: string, opts: { onUpdate?: (board: Moodboard) => void; signal?: WebAbortSignal; pollIntervalMs?: number } = {}): Promise<Moodboard> {
        let last = '';
        for (;;) {
          if (opts.signal?.aborted) throw abortError(opts.signal.reason);
          const board = await call(Moodboard, 'get', apiPath('/v1/moodboards/{id}', { id }), { signal: opts.signal as KyOptions['signal'] });
          const key = board.cells.map((c) => `${c.state}:${c.stage}:${c.output?.sha256 ?? ''}`).join('|');
          if (key !== last) {
            last = key;
            opts.onUpdate?.(board);
          }
          if (board.state !== 'running' && board.state !== 'queued') return board;
          await sleep(opts.pollIntervalMs ?? 1000, opts.signal);
        }
      },
    },
    /**
     * Encodes a frame's PNG as the channel's delivery file on the server (see the encodeFrame route),
     * with provenance XMP/IPTC: the SKU and master job when known, the IPTC digital source type.
     */
    async encode(
      channel: string,
      png: Uint8Array,
      lock = 'current',
      provenance: { sku?: string; job?: string; sourceType?: 'trainedAlgorithmicMedia' | 'compositeWithTrainedAlgorithmicMedia' | 'digitalCapture' } = {},
    ): Promise<{ bytes: Uint8Array; contentType: string; quality: number | null; digitalSourceType: string | null }> {
      const res = await send('post', withQuery('/v1/encode', { channel, lock, ...provenance }), { body: png as KyOptions['body'], headers: { 'content-type': 'image/png' }, timeout: 120_000 });
      const q = res.headers.get('x-brandlock-quality');
      return {
        bytes: new Uint8Array(await res.arrayBuffer()),
        contentType: res.headers.get('content-type') ?? 'application/octet-stream',
        quality: q ? Number(q) : null,
        digitalSourceType: res.headers.get('x-brandlock-digital-source-type'),
      };
    },
    lockFiles: {
      /** Uploads a file the lock names by path (a model's reference image); admin. */
      put: (ref: string, path: string, bytes: Uint8Array | ArrayBuffer, contentType: string) =>
        call(LockFileUploaded, 'put', withQuery(apiPath('/v1/locks/{ref}/files', { ref }), { path }), { body: bytes as KyOptions['body'], headers: { 'content-type': contentType } }),
    },
    review: {
      list: (query: { status?: string; sku?: string; category?: string; limit?: number; cursor?: string } = {}) => call(ReviewList, 'get', withQuery('/v1/review', query)),
      decide: (assetId: string, request: ReviewDecisionRequest) => call(ReviewItem, 'post', apiPath('/v1/review/{assetId}', { assetId }), { json: request }),
      revise: (assetId: string, request: ReviewRevisionRequest) => call(ReviewItem, 'post', apiPath('/v1/review/{assetId}/revisions', { assetId }), { json: request }),
    },
    audit: {
      query: (query: { sku?: string; job?: string; from?: string; to?: string; limit?: number; cursor?: string } = {}) => call(AuditPage, 'get', withQuery('/v1/audit', query)),
      events: (query: { action?: string; subject?: string; from?: string; to?: string; limit?: number; cursor?: string } = {}) => call(AuditEventList, 'get', withQuery('/v1/audit/events', query)),
      metrics: (query: { from?: string; to?: string } = {}) => call(MetricsReport, 'get', withQuery('/v1/metrics', query)),
    },
    library: {
      /** Adds a photo (its bytes) to the asset library under the name or path it had. */
      add: (bytes: Uint8Array | ArrayBuffer | WebBlob, path: string, options: { contentType?: string; tags?: string[] } = {}) =>
        call(LibraryAdded, 'post', withQuery('/v1/library', { path, tags: options.tags?.join(',') }), { body: bytes as KyOptions['body'], headers: { 'content-type': options.contentType ?? 'application/octet-stream' } }),
      list: (query: { tag?: string; sku?: string; kind?: string; category?: string; color?: string; within?: number; usable?: 'true' | 'false'; q?: string; limit?: number } = {}) => call(LibraryList, 'get', withQuery('/v1/library', query)),
      get: (id: string) => call(LibraryAsset, 'get', apiPath('/v1/library/{id}', { id })),
      edit: (id: string, patch: LibraryPatch) => call(LibraryAsset, 'patch', apiPath('/v1/library/{id}', { id }), { json: patch }),
      coverage: (brief: string) => call(LibraryCoverage, 'get', withQuery('/v1/library/coverage', { brief })),
    },
    trainings: {
      create: (request: TrainingCreateRequest) => call(Training, 'post', '/v1/trainings', { json: request }),
      get: (id: string) => call(Training, 'get', apiPath('/v1/trainings/{id}', { id })),
      pin: (id: string, version: string) => call(TrainingPinned, 'post', apiPath('/v1/trainings/{id}/pin', { id }), { json: { version } }),
    },
    recipes: {
      /** Each category's recipe hash in a lock version (default current) and its approval. */
      list: (query: { lock?: string } = {}) => call(RecipeStatusList, 'get', withQuery('/v1/recipes', query)),
      decide: (category: string, request: RecipeDecisionRequest) => call(RecipeStatus, 'post', apiPath('/v1/recipes/{category}/approval', { category }), { json: request }),
      adjust: (category: string, request: RecipeAdjustRequest) => call(RecipeAdjusted, 'post', apiPath('/v1/recipes/{category}/adjust', { category }), { json: request }),
    },
  };
}

export type BrandlockClient = ReturnType<typeof createBrandlockClient>;

const OpenApiDoc = z.record(z.string(), z.unknown());

function sleep(ms: number, signal?: WebAbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = webGlobals.setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        webGlobals.clearTimeout(timer);
        reject(abortError(signal.reason));
      },
      { once: true },
    );
  });
}
