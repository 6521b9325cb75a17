/**
 * A self-hosted ComfyUI worker: sources go up with `POST /upload/image`, the workflow template is
 * filled from the recipe and queued with `POST /prompt`, progress is read from `GET /queue` and
 * `GET /history/{id}`, results come from `GET /view`, and cancel is `POST /queue {delete}` for a
 * pending prompt or `POST /interrupt` for the running one. ComfyUI accepts the client's own
 * `prompt_id`, so ids are derived from our job id: before queueing, the adapter looks the id up, and
 * a create whose answer was lost is found again instead of queued twice. A failed attempt moves on
 * to the next id in the job's sequence.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_WORKFLOW, fillWorkflow, graphSeed, parseWorkflow, type ComfyGraph } from './comfyui-workflow';
import { appliedLoras, mapLoras, type RemoteProviderOptions } from './hosted-model';
import { ProviderHttp } from './provider-http';
import type { ComfySettings } from './provider-env';
import type { ComfyProviderMap } from './provider-map';
import { droppedInputNotes, recipeValues } from './recipe-values';
import { fetchAllowedOutput } from './safe-fetch';
import { ProviderCallError, type Provider, type ProviderOutput, type ProviderRequest, type ProviderStatus, type SubmitResult } from './provider';

export interface ComfyProviderOptions extends RemoteProviderOptions<ComfySettings, ComfyProviderMap> {
  /** The parsed workflow template named by the map; the built-in one when absent. */
  workflow?: unknown;
}

const MAX_ATTEMPT_IDS = 20;

/** The prompt id of attempt `n` of a job: a UUID derived from the job id. */
export function comfyPromptId(jobId: string, attempt: number): string {
  const h = createHash('sha256').update(`brandlock:${jobId}:${attempt}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function createComfyProvider(options: ComfyProviderOptions): Provider {
  const { settings, policy } = options;
  const auth: Record<string, string> = settings.token
    ? { authorization: `Bearer ${settings.token.reveal()}` }
    : settings.basicAuth
      ? { authorization: `Basic ${Buffer.from(settings.basicAuth.reveal()).toString('base64')}` }
      : {};
  const secrets = [settings.token?.reveal(), settings.basicAuth?.reveal().split(':').slice(1).join(':')];
  const http = new ProviderHttp({ provider: 'comfyui', baseUrl: settings.baseUrl, headers: auth, secrets, policy, sleep: options.sleep, fetch: options.fetch });
  const workflowSource = options.map?.workflow ?? 'built-in ComfyUI workflow';
  const template: ComfyGraph = options.workflow === undefined ? DEFAULT_WORKFLOW : parseWorkflow(options.workflow, workflowSource);
  const origin = new URL(settings.baseUrl).origin;
  const allowed = settings.allowedHosts;
  const clientId = `brandlock-${process.pid}`;

  async function queueState(promptId: string, signal?: AbortSignal): Promise<'running' | 'queued' | undefined> {
    const q = (await http.call('GET', '/queue', { kind: 'read', signal })).data as { queue_running?: unknown[][]; queue_pending?: unknown[][] };
    if (q?.queue_running?.some((item) => item?.[1] === promptId)) return 'running';
    if (q?.queue_pending?.some((item) => item?.[1] === promptId)) return 'queued';
    return undefined;
  }

  async function historyEntry(promptId: string, signal?: AbortSignal): Promise<ProviderStatus | undefined> {
    const history = (await http.call('GET', `/history/${encodeURIComponent(promptId)}`, { kind: 'read', signal })).data as Record<string, unknown> | null;
    const entry = history?.[promptId];
    return entry ? historyStatus(entry, promptId, settings.baseUrl, (t, max) => http.clip(t, max)) : undefined;
  }

  async function status(promptId: string, signal?: AbortSignal): Promise<ProviderStatus> {
    const done = await historyEntry(promptId, signal);
    if (done) return done;
    const queued = await queueState(promptId, signal);
    if (queued) return { state: queued };
    // It may have finished between the two reads: history is written before the queue lets go.
    const finished = await historyEntry(promptId, signal);
    if (finished) return finished;
    return { state: 'failed', error: { code: 'not_found', message: `ComfyUI has no prompt ${promptId} in its queue or history (the worker may have restarted)`, retryable: true } };
  }

  /** Finds attempt ids already known to ComfyUI; returns a live one, or the first free id. */
  async function findAttempt(jobId: string, signal?: AbortSignal): Promise<{ promptId: string; existing?: ProviderStatus }> {
    for (let attempt = 0; attempt < MAX_ATTEMPT_IDS; attempt++) {
      const promptId = comfyPromptId(jobId, attempt);
      const found = await status(promptId, signal);
      if (found.error?.code === 'not_found') return { promptId };
      if (found.state !== 'failed' && found.state !== 'canceled') return { promptId, existing: found };
    }
    throw new ProviderCallError('comfyui', { code: 'too_many_attempts', message: `job ${jobId} already failed ${MAX_ATTEMPT_IDS} times on ComfyUI`, retryable: false });
  }

  async function upload(request: ProviderRequest, signal?: AbortSignal): Promise<string | undefined> {
    const source = request.sources[0];
    if (!source) return undefined;
    const bytes = await source.read();
    const form = new FormData();
    const extension = source.contentType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'png';
    form.set('image', new Blob([bytes], { type: source.contentType }), `${source.sha256.slice(0, 40)}.${extension}`);
    form.set('type', 'input');
    form.set('subfolder', 'brandlock');
    form.set('overwrite', 'true');
    const answer = (await http.call('POST', '/upload/image', { kind: 'idempotent', body: form, signal })).data as { name?: unknown; subfolder?: unknown };
    if (typeof answer?.name !== 'string') throw new ProviderCallError('comfyui', { code: 'malformed_response', message: 'POST /upload/image answered without a name', retryable: true });
    return typeof answer.subfolder === 'string' && answer.subfolder ? `${answer.subfolder}/${answer.name}` : answer.name;
  }

  return {
    name: 'comfyui',
    supportsWebhooks: false,
    minPollIntervalMs: settings.pollIntervalMs,

    async submit(request, signal): Promise<SubmitResult> {
      if (request.kind !== 'generate' && request.kind !== 'moodboard') {
        throw new ProviderCallError('comfyui', { code: 'unsupported_kind', message: `the ComfyUI workflow makes images; "${request.kind}" jobs go elsewhere`, retryable: false });
      }
      const checkpoint = options.map?.models[request.recipe.baseModel];
      if (!checkpoint) {
        throw new ProviderCallError('comfyui', { code: 'unmapped_model', message: `comfyui has no checkpoint for base model "${request.recipe.baseModel}"; add it under comfyui.models in ${options.mapSource}`, retryable: false });
      }
      const loras = mapLoras('comfyui', request, options.map, options.mapSource);
      const values = recipeValues(request);
      const wantsSource = JSON.stringify(template).includes('$source_image');
      if (wantsSource && !request.sources.length) {
        throw new ProviderCallError('comfyui', { code: 'missing_source', message: `${workflowSource} loads a source image but the job has none`, retryable: false });
      }
      const sourceImage = wantsSource ? await upload(request, signal) : undefined;
      const filled = fillWorkflow(
        template,
        {
          checkpoint,
          prompt: values.prompt,
          negative_prompt: values.negativePrompt,
          width: values.width,
          height: values.height,
          count: values.count,
          steps: values.steps,
          cfg: values.guidance,
          seed: values.seed,
          filename_prefix: `brandlock/${request.jobId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)}`,
          source_image: sourceImage,
          loras: loras.map((l) => ({ file: l.target, strength: l.strength })),
        },
        workflowSource,
      );
      if (!filled.lorasPlaced) {
        throw new ProviderCallError('comfyui', { code: 'unsupported_recipe', message: `${workflowSource} has no LoraLoader with lora_name "$lora"; the recipe needs ${loras.map((l) => l.ref).join(', ')}`, retryable: false });
      }
      const notes = droppedInputNotes('comfyui', workflowSource, request, filled.used, { negative: 'negative_prompt', sources: 'source_image' });
      // The LoRA files the workflow loads, for the audit trail (as fal and Replicate report theirs).
      const applied = appliedLoras(loras);
      const { promptId, existing } = await findAttempt(request.jobId, signal);
      if (existing) return { providerJobId: promptId, status: existing, seed: values.seed, notes, loras: applied };
      try {
        await http.call('POST', '/prompt', { kind: 'create', json: { prompt: filled.graph, client_id: clientId, prompt_id: promptId }, signal });
      } catch (err) {
        // The answer may be lost after ComfyUI queued the prompt: the id is ours, so look for it.
        if (!(err instanceof ProviderCallError) || err.error.code === 'http_400') throw err;
        const found = await status(promptId, signal).catch(() => undefined);
        if (!found || found.error?.code === 'not_found') throw err.error.code === 'submit_outcome_unknown' ? new ProviderCallError('comfyui', { ...err.error, retryable: true }) : err;
        return { providerJobId: promptId, status: found, seed: values.seed, notes, loras: applied };
      }
      return { providerJobId: promptId, status: { state: 'queued', model: checkpoint }, seed: values.seed, notes, loras: applied };
    },

    status,

    async cancel(promptId, signal) {
      const state = await queueState(promptId, signal);
      if (state === 'queued') await http.call('POST', '/queue', { kind: 'idempotent', json: { delete: [promptId] }, signal });
      if (state === 'running') await http.call('POST', '/interrupt', { kind: 'idempotent', json: { prompt_id: promptId }, signal });
    },

    async fetchOutput(output, signal) {
      if (output.bytes) return { bytes: output.bytes, contentType: output.contentType ?? 'application/octet-stream' };
      if (!output.url) throw new ProviderCallError('comfyui', { code: 'no_output', message: 'ComfyUI output has neither a URL nor bytes', retryable: false });
      return fetchAllowedOutput(output.url, {
        provider: 'comfyui',
        allowed,
        accept: ['image/', 'video/'],
        maxBytes: options.maxOutputBytes,
        policy,
        credentials: { origin, headers: auth },
        signal,
        sleep: options.sleep,
        fetch: options.fetch,
      });
    },
  };
}

/** Maps a /history entry: success with output files, an execution error, or an interruption. */
function historyStatus(entry: unknown, promptId: string, baseUrl: string, clip: (text: string, max: number) => string): ProviderStatus {
  const e = entry as { prompt?: unknown[]; outputs?: Record<string, Record<string, unknown>>; status?: { status_str?: string; messages?: [string, Record<string, unknown>][] } };
  const messages = e.status?.messages ?? [];
  if (messages.some(([event]) => event === 'execution_interrupted')) return { state: 'canceled' };
  const failure = messages.find(([event]) => event === 'execution_error')?.[1];
  if (e.status?.status_str === 'error' || failure) {
    const text = failure ? `${String(failure.node_type ?? 'node')}: ${String(failure.exception_message ?? 'execution error')}` : 'execution error';
    return { state: 'failed', error: { code: 'execution_error', message: `ComfyUI prompt ${promptId} failed: ${clip(text, 300)}`, retryable: false } };
  }
  const seed = graphSeed(e.prompt?.[2]);
  const outputs: ProviderOutput[] = [];
  for (const nodeOutput of Object.values(e.outputs ?? {})) {
    for (const files of Object.values(nodeOutput)) {
      if (!Array.isArray(files)) continue;
      for (const f of files as { filename?: unknown; subfolder?: unknown; type?: unknown }[]) {
        if (f?.type !== 'output' || typeof f.filename !== 'string') continue;
        const url = new URL(`${baseUrl}/view`);
        url.searchParams.set('filename', f.filename);
        url.searchParams.set('subfolder', typeof f.subfolder === 'string' ? f.subfolder : '');
        url.searchParams.set('type', 'output');
        outputs.push({ url: url.toString(), seed });
      }
    }
  }
  if (!outputs.length) return { state: 'failed', error: { code: 'no_output', message: `ComfyUI prompt ${promptId} finished without saving an image`, retryable: false } };
  return { state: 'succeeded', progress: 1, outputs };
}
