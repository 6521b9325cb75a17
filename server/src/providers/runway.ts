/**
 * Runway's task API (polling only, no webhooks): `POST /v1/text_to_image` for stills and
 * `POST /v1/image_to_video` for video, `GET /v1/tasks/{id}` (PENDING and THROTTLED are queued,
 * RUNNING has progress), `DELETE /v1/tasks/{id}` to cancel. Every call carries `X-Runway-Version`.
 * Runway has no LoRAs: the provider map may name a reference image for a LoRA ref, sent as a tagged
 * reference image; a recipe with an unmapped LoRA is refused rather than rendered off-brand. Result
 * URLs expire in 24-48 h; an expired one is re-read from the task, which signs fresh URLs.
 */
import { sourceDataUri } from './data-uri';
import { mapLoras, pickModel, type RemoteProviderOptions } from './hosted-model';
import { fillInputTemplate } from './input-template';
import { fetchRefreshingExpired } from './output-refresh';
import { ProviderHttp } from './provider-http';
import type { RunwaySettings } from './provider-env';
import { droppedInputNotes, nearestRatio, recipeValues } from './recipe-values';
import { fetchAllowedOutput } from './safe-fetch';
import { chooseMasterRatio } from '@brandlock/core';
import { videoParamsOf } from './video-params';
import { videoTemplateValues } from './video-template-values';
import { ProviderCallError, type Provider, type ProviderError, type ProviderStatus } from './provider';

export type RunwayProviderOptions = RemoteProviderOptions<RunwaySettings>;

/** Ratios gen4_image accepts (runwayml/sdk-node text-to-image.ts). */
const IMAGE_RATIOS = ['1024:1024', '1080:1080', '1168:880', '1360:768', '1440:1080', '1080:1440', '1808:768', '1920:1080', '1080:1920', '2112:912', '1280:720', '720:1280', '720:720', '960:720', '720:960', '1680:720'];
/** Ratios gen4_turbo accepts for image_to_video. */
const VIDEO_RATIOS = ['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672'];
const IMAGE_TEMPLATE = { model: '$model', promptText: '$prompt', ratio: '$ratio', seed: '$seed', referenceImages: '$reference_images' };
const VIDEO_TEMPLATE = { model: '$model', promptImage: '$source_image', promptText: '$prompt', ratio: '$ratio', duration: '$duration', seed: '$seed' };
/** Whole seconds gen4_turbo takes (Runway's API reference: 2 to 10; the SDK types say only "number"). */
const VIDEO_DURATIONS = [2, 3, 4, 5, 6, 7, 8, 9, 10];
const MAX_PROMPT = 1000;
const MAX_REFERENCES = 3;
const MAX_INLINE_SOURCE = 5 * 1024 * 1024;

export function createRunwayProvider(options: RunwayProviderOptions): Provider {
  const { settings, policy } = options;
  const http = new ProviderHttp({
    provider: 'runway',
    baseUrl: settings.baseUrl,
    headers: { authorization: `Bearer ${settings.secret.reveal()}`, 'x-runway-version': settings.version },
    secrets: [settings.secret.reveal()],
    policy,
    sleep: options.sleep,
    fetch: options.fetch,
  });
  const refuse = (code: string, message: string) => new ProviderCallError('runway', { code, message, retryable: false });

  async function status(id: string, signal?: AbortSignal): Promise<ProviderStatus> {
    const answer = await http.call('GET', `/v1/tasks/${encodeURIComponent(id)}`, { kind: 'read', accept: [404], signal });
    if (answer.status === 404) return { state: 'failed', error: { code: 'not_found', message: `runway has no task ${id} (deleted or cancelled)`, retryable: false } };
    return taskStatus(answer.data, id, (t, max) => http.clip(t, max));
  }

  return {
    name: 'runway',
    supportsWebhooks: false,
    minPollIntervalMs: settings.pollIntervalMs,

    async submit(request, signal) {
      const model = pickModel('runway', request, options.map, options.mapSource);
      const video = request.kind === 'video';
      const values = recipeValues(request);
      if (values.prompt.length > MAX_PROMPT) throw refuse('prompt_too_long', `runway takes prompts of at most ${MAX_PROMPT} characters; this one has ${values.prompt.length}`);
      const references = mapLoras('runway', request, options.map, options.mapSource).map((l, i) => ({
        uri: l.target,
        tag: (request.recipe.loras[i].triggerWord ?? `ref${i + 1}`).replace(/[^A-Za-z0-9_]/g, '').slice(0, 16) || `ref${i + 1}`,
      }));
      const template = model.input ?? (video ? VIDEO_TEMPLATE : IMAGE_TEMPLATE);
      const takesSources = JSON.stringify(template).includes(video ? '$source_image' : '$reference_images');
      const sources = takesSources ? await Promise.all(request.sources.map((s) => sourceDataUri('runway', s, MAX_INLINE_SOURCE))) : [];
      if (video && !sources.length) throw refuse('missing_source', 'runway image_to_video needs a source image (a packshot or the approved still)');
      const allReferences = video ? references : [...references, ...sources.map((uri, i) => ({ uri, tag: `source${i + 1}` }))];
      if (allReferences.length > MAX_REFERENCES) {
        throw refuse('unsupported_recipe', `runway takes at most ${MAX_REFERENCES} reference images; this job has ${references.length} LoRA references and ${sources.length} sources`);
      }
      const clip = videoTemplateValues('runway', request, model, { durations: VIDEO_DURATIONS, durationAs: 'number', still: sources[0], template });
      const ratio = video
        ? chooseMasterRatio(model.ratios ?? VIDEO_RATIOS, videoParamsOf('runway', request).cuts, { width: values.width, height: values.height })
        : nearestRatio(values.width, values.height, model.ratios ?? IMAGE_RATIOS);
      const filled = fillInputTemplate(
        template,
        {
          ...clip.values,
          model: model.id,
          prompt: values.prompt,
          negative_prompt: values.negativePrompt || undefined,
          ratio,
          seed: values.seed,
          count: values.count,
          reference_images: allReferences.length ? allReferences : undefined,
          source_image: sources[0],
        },
        `${options.mapSource}: runway model ${model.id} input`,
      );
      if (references.length && !filled.used.has('reference_images')) throw refuse('unsupported_recipe', `runway ${model.id}: the recipe's LoRA references have nowhere to go in the model input`);
      if (values.count > 1 && !filled.used.has('count')) throw refuse('unsupported_recipe', `runway ${model.id} returns one output per task; ask for count 1`);
      const answer = await http.call('POST', video ? '/v1/image_to_video' : '/v1/text_to_image', { kind: 'create', json: filled.input, signal });
      const id = (answer.data as { id?: unknown })?.id;
      if (typeof id !== 'string' || !id) throw refuse('submit_outcome_unknown', `runway accepted ${model.id} without a task id; not resubmitted`);
      const used = new Set(filled.used);
      if (sources.length) used.add('source_image');
      const notes = [...droppedInputNotes('runway', model.id, request, used, { negative: 'negative_prompt', sources: 'source_image' }), ...clip.notes(filled.used)];
      if (references.length) notes.push(`runway ${model.id}: LoRAs sent as reference images (${references.map((r) => r.tag).join(', ')}); LoRA strengths do not apply`);
      return { providerJobId: id, status: { state: 'queued', model: model.id }, seed: values.seed, notes };
    },

    status,

    async cancel(id, signal) {
      await http.call('DELETE', `/v1/tasks/${encodeURIComponent(id)}`, { kind: 'idempotent', accept: [404], signal });
    },

    fetchOutput(output, signal) {
      return fetchRefreshingExpired(
        output,
        (url) =>
          fetchAllowedOutput(url, {
            provider: 'runway',
            allowed: settings.allowedHosts,
            accept: ['image/', 'video/'],
            maxBytes: options.maxOutputBytes,
            policy,
            signal,
            sleep: options.sleep,
            fetch: options.fetch,
          }),
        (id) => status(id, signal),
      );
    },
  };
}

/** Maps a task object onto our states. */
export function taskStatus(data: unknown, id: string, clip: (text: string, max: number) => string): ProviderStatus {
  const t = (data ?? {}) as { status?: string; progress?: unknown; output?: unknown; failure?: unknown; failureCode?: unknown };
  switch (t.status) {
    case 'PENDING':
    case 'THROTTLED':
      return { state: 'queued' };
    case 'RUNNING':
      return { state: 'running', ...(typeof t.progress === 'number' ? { progress: Math.min(1, Math.max(0, t.progress)) } : {}) };
    case 'CANCELLED':
      return { state: 'canceled' };
    case 'FAILED': {
      const code = typeof t.failureCode === 'string' ? t.failureCode : 'provider_error';
      const error: ProviderError = { code, message: `runway task ${id} failed: ${clip(String(t.failure ?? 'no reason given'), 300)}`, retryable: code.startsWith('INTERNAL') };
      return { state: 'failed', error };
    }
    case 'SUCCEEDED': {
      const urls = Array.isArray(t.output) ? t.output.filter((u): u is string => typeof u === 'string') : [];
      return { state: 'succeeded', progress: 1, outputs: urls.map((url, index) => ({ url, refresh: { providerJobId: id, index } })) };
    }
    default:
      throw new ProviderCallError('runway', { code: 'malformed_response', message: `runway task ${id} status is "${clip(String(t.status), 40)}"`, retryable: true });
  }
}
