/**
 * The `local` provider: the offline default. It runs the non-generative pipeline on this machine's
 * CPU, so every flow works without keys or a GPU, and it says so in each output's note. Generate and
 * post make a master from the source image; variants resize a master to channel specs; moodboards are
 * lighting and palette studies rendered from the lock. It never pretends to be a generative model,
 * and it cannot make video.
 */
import type { ChannelSpec, LightingPreset, Swatch } from '@brandlock/core';
import { ProviderCallError, type Provider, type ProviderOutput, type ProviderRequest, type ProviderStatus, type SubmitResult } from './provider';
import { renderLocalMaster } from '../pipeline/local-master';
import { renderLocalVariants } from '../pipeline/local-variants';
import { renderLightingStudy } from '../pipeline/studies/lighting-study';
import { renderPaletteStudy } from '../pipeline/studies/palette-study';
import { planStudies } from '../pipeline/studies/plan-studies';

/** What the server puts in `request.params` for the local provider, per kind. */
export interface LocalParams {
  /** generate, post: the lighting preset's background. */
  background?: string;
  /** variants: the channel specs to render. */
  channels?: ChannelSpec[];
  /** moodboard: presets and swatches chosen from the lock, and the board's title. */
  moodboard?: { presets: LightingPreset[]; swatches: Swatch[]; title: string };
}

export const LOCAL_KINDS = ['generate', 'post', 'variants', 'moodboard'] as const;

export const LOCAL_NOTES = {
  master: 'local provider: no generative model ran; this master is the source image fitted to the recipe size on the CPU, then post-processed (grade, white balance, exposure, backdrop)',
  post: 'local provider: no generative model ran; the source image composited on the lighting preset background on the CPU',
  variant: 'local provider: channel variant cut from the master with the subject-aware crop',
  study: 'local provider: a rendered study from the lock, not a photograph and not a generated image',
} as const;

const STUDY_SIZE = { width: 768, height: 960 };

export interface LocalProviderOptions {
  maxPixels?: number;
  /**
   * Where the image work runs (default: in this thread, outputs returned as bytes); the server passes
   * its render processes, which read the source from the blob store and store the outputs there.
   */
  render?: (job: LocalRenderJob) => Promise<ProviderOutput[]>;
}

/** What a local render needs, as plain data. */
export interface LocalRenderRequest {
  kind: ProviderRequest['kind'];
  recipe: { width: number; height: number; seed?: number | null };
  count: number;
  params: LocalParams;
  /** The first source image's bytes, when the request has one. */
  source: Uint8Array | null;
  maxPixels?: number;
}

/** A local render as sent to a render process: the source by its blob store hash. */
export type LocalRenderJob = Omit<LocalRenderRequest, 'source'> & { sourceSha256: string | null };

const fail = (code: string, message: string): never => {
  throw new ProviderCallError('local', { code, message, retryable: false });
};

/** The local provider's image work: masters, variants and studies from plain data. */
export async function renderLocalOutputs(request: LocalRenderRequest): Promise<ProviderOutput[]> {
  const params = request.params;
  const source = () => request.source ?? fail('source_required', `a ${request.kind} job on the local provider needs a source image (upload one and pass its reference in "sources")`);
  switch (request.kind) {
    case 'generate':
    case 'post': {
      const image = await renderLocalMaster({
        source: source(),
        size: request.kind === 'generate' ? { width: request.recipe.width, height: request.recipe.height } : null,
        background: params.background ?? '#ffffff',
        maxPixels: request.maxPixels,
      });
      return [{ bytes: image.bytes, contentType: image.contentType, seed: request.recipe.seed ?? undefined, note: request.kind === 'generate' ? LOCAL_NOTES.master : LOCAL_NOTES.post }];
    }
    case 'variants': {
      if (!params.channels?.length) fail('channels_required', 'a variants job needs at least one channel');
      const variants = await renderLocalVariants({ master: source(), channels: params.channels!, maxPixels: request.maxPixels });
      return variants.map((v) => ({ bytes: v.bytes, contentType: v.contentType, note: [`${LOCAL_NOTES.variant}; channel ${v.channel}${v.quality !== null ? `, quality ${v.quality}` : ''}`, ...v.notes].join('; ') }));
    }
    case 'moodboard': {
      const board = params.moodboard;
      if (!board?.presets.length) fail('presets_required', 'a moodboard needs at least one lighting preset');
      const outputs: ProviderOutput[] = [];
      for (const spec of planStudies(request.count, board!.presets, board!.swatches)) {
        const bytes =
          spec.type === 'lighting'
            ? await renderLightingStudy({ preset: spec.preset, objectColor: spec.swatch.color, objectName: spec.swatch.name, ...STUDY_SIZE })
            : await renderPaletteStudy({ swatches: spec.swatches, title: `${board!.title} (palette ${spec.page} of ${spec.pages})`, background: '#f7f7f5', ...STUDY_SIZE });
        const what = spec.type === 'lighting' ? `lighting study of ${spec.preset.id} in ${spec.swatch.id}` : `palette study ${spec.page}/${spec.pages}`;
        outputs.push({ bytes, contentType: 'image/png', note: `${LOCAL_NOTES.study}: ${what}` });
      }
      return outputs;
    }
    default:
      return fail('unsupported_kind', `the local provider cannot make ${request.kind} jobs (it has no generative model); configure a provider that can, such as runway or fal`);
  }
}

export function createLocalProvider(options: LocalProviderOptions = {}): Provider {
  const finished = new Map<string, ProviderStatus>();

  async function render(request: ProviderRequest): Promise<ProviderOutput[]> {
    const first = request.kind !== 'moodboard' ? request.sources[0] : undefined;
    const job = {
      kind: request.kind,
      recipe: { width: request.recipe.width, height: request.recipe.height, seed: request.recipe.seed },
      count: request.count,
      params: (request.params ?? {}) as LocalParams,
      maxPixels: options.maxPixels,
    };
    if (options.render) return options.render({ ...job, sourceSha256: first?.sha256 ?? null });
    return renderLocalOutputs({ ...job, source: first ? await first.read() : null });
  }

  return {
    name: 'local',
    supportsWebhooks: false,
    minPollIntervalMs: 0,
    async submit(request): Promise<SubmitResult> {
      const providerJobId = `local-${request.jobId}-${Date.now().toString(36)}`;
      const outputs = await render(request);
      const status: ProviderStatus = { state: 'succeeded', progress: 1, outputs, model: 'local-cpu-pipeline', modelVersion: '1', costUsd: 0 };
      finished.set(providerJobId, status);
      if (finished.size > 64) finished.delete(finished.keys().next().value!);
      return { providerJobId, status };
    },
    async status(providerJobId) {
      const known = finished.get(providerJobId);
      if (known) return known;
      // The render was lost with the process that made it (a restart): the job must be rendered again.
      return { state: 'failed', error: { code: 'lost_on_restart', message: 'the local render was lost when the server stopped; it will be made again', retryable: true } };
    },
    async cancel(providerJobId) {
      finished.delete(providerJobId);
    },
    async fetchOutput(output) {
      if (!output.bytes) throw new ProviderCallError('local', { code: 'no_bytes', message: 'local outputs carry their bytes; a URL is never fetched', retryable: false });
      return { bytes: output.bytes, contentType: output.contentType ?? 'application/octet-stream' };
    },
  };
}
