/**
 * The `local` provider: the offline default. It runs the non-generative pipeline on this machine's
 * CPU, so every flow works without keys or a GPU, and it says so in each output's note. Generate and
 * post make a master from the source image; variants resize a master to channel specs; a moodboard
 * cell is a study rendered from the lock's own material (the model's reference image in the cell's
 * light and grade, the pose, the palette in that light); video is the approved still with the motion
 * brief's camera move rendered on the CPU (nothing in it moves but the camera). It never pretends to
 * be a generative model.
 */
import { parseCube, type ChannelSpec, type LightingPreset, type PoseView, type Swatch } from '@brandlock/core';
import { ProviderCallError, type Provider, type ProviderOutput, type ProviderRequest, type ProviderStatus, type SubmitResult } from './provider';
import { renderLocalMaster } from '../pipeline/local-master';
import { renderLocalVariants } from '../pipeline/local-variants';
import { renderCellStudy } from '../pipeline/studies/cell-study';
import { renderOfflineLoop } from '../pipeline/video/render-offline-loop';
import { requireVideoTools, VideoToolMissingError, videoToolsFromEnv, type VideoTools } from '../pipeline/video/video-tools';
import { videoParamsOf } from './video-params';

/** What the server puts in `request.params` for the local provider, per kind. */
export interface LocalParams {
  /** generate, post: the lighting preset's background. */
  background?: string;
  /** variants: the channel specs to render. */
  channels?: ChannelSpec[];
  /** moodboard: the cells this job renders (one for a board's cell job). */
  moodboard?: { cells: CellStudySpec[] };
}

/** What the local provider needs to render one moodboard cell; sources are indexes into the job's sources. */
export interface CellStudySpec {
  index: number;
  caption: string;
  lighting: LightingPreset;
  model: { id: string; name: string };
  view: PoseView;
  swatches: Swatch[];
  seed: number | null;
  referenceSource: number | null;
  lut: { id: string; name: string; source: number } | null;
}

export const LOCAL_KINDS = ['generate', 'post', 'variants', 'moodboard', 'video'] as const;

export const LOCAL_NOTES = {
  master: 'local provider: no generative model ran; this master is the source image fitted to the recipe size on the CPU, then post-processed (grade, white balance, exposure, backdrop)',
  post: 'local provider: no generative model ran; the source image composited on the lighting preset background on the CPU',
  variant: 'local provider: channel variant cut from the master with the subject-aware crop',
  study: 'local provider: a study rendered from the lock (reference image, light, grade, pose, palette), not a photograph and not a generated image',
  video: 'local provider: no generative model ran; this clip is the approved still with a camera move rendered on the CPU, and nothing in it moves but the camera',
} as const;

/** The size of a moodboard study (4:5). */
export const STUDY_SIZE = { width: 768, height: 960 };

export interface LocalProviderOptions {
  maxPixels?: number;
  /** FFmpeg for video jobs; from the environment when absent. */
  videoTools?: VideoTools;
}

export function createLocalProvider(options: LocalProviderOptions = {}): Provider {
  const finished = new Map<string, ProviderStatus>();
  const fail = (code: string, message: string): never => {
    throw new ProviderCallError('local', { code, message, retryable: false });
  };

  async function render(request: ProviderRequest): Promise<ProviderOutput[]> {
    const params = (request.params ?? {}) as LocalParams;
    const source = async () => {
      const first = request.sources[0];
      if (!first) fail('source_required', `a ${request.kind} job on the local provider needs a source image (upload one and pass its reference in "sources")`);
      return first.read();
    };
    switch (request.kind) {
      case 'generate':
      case 'post': {
        const image = await renderLocalMaster({
          source: await source(),
          size: request.kind === 'generate' ? { width: request.recipe.width, height: request.recipe.height } : null,
          background: params.background ?? '#ffffff',
          maxPixels: options.maxPixels,
        });
        return [{ bytes: image.bytes, contentType: image.contentType, seed: request.recipe.seed ?? undefined, note: request.kind === 'generate' ? LOCAL_NOTES.master : LOCAL_NOTES.post }];
      }
      case 'variants': {
        if (!params.channels?.length) fail('channels_required', 'a variants job needs at least one channel');
        const variants = await renderLocalVariants({ master: await source(), channels: params.channels!, maxPixels: options.maxPixels });
        return variants.map((v) => ({ bytes: v.bytes, contentType: v.contentType, note: [`${LOCAL_NOTES.variant}; channel ${v.channel}${v.quality !== null ? `, quality ${v.quality}` : ''}`, ...v.notes].join('; ') }));
      }
      case 'moodboard': {
        const cells = params.moodboard?.cells ?? [];
        if (!cells.length) fail('cells_required', 'a moodboard job needs its planned cells');
        const outputs: ProviderOutput[] = [];
        for (const cell of cells) {
          const reference = cell.referenceSource !== null ? await request.sources[cell.referenceSource]?.read() : null;
          const cubeBytes = cell.lut ? await request.sources[cell.lut.source]?.read() : null;
          const cube = cubeBytes ? parseCube(new TextDecoder().decode(cubeBytes)) : null;
          const bytes = await renderCellStudy({
            ...STUDY_SIZE,
            lighting: cell.lighting,
            model: cell.model,
            view: cell.view,
            swatches: cell.swatches,
            reference: reference ?? null,
            lut: cell.lut && cube?.success ? { name: cell.lut.name, cube: cube.lut } : null,
            caption: cell.caption,
          });
          const what = `cell ${cell.index + 1}: ${cell.lighting.id} x ${cell.model.id} x ${cell.view.id}${cell.lut && !cube?.success ? ` (LUT ${cell.lut.id} not on the server: ungraded)` : ''}`;
          outputs.push({ bytes, contentType: 'image/png', seed: cell.seed ?? undefined, note: `${LOCAL_NOTES.study}: ${what}` });
        }
        return outputs;
      }
      case 'video': {
        const { motion, still } = videoParamsOf('local', request);
        const tools = options.videoTools ?? videoToolsFromEnv(process.env);
        try {
          await requireVideoTools(tools);
        } catch (e) {
          if (e instanceof VideoToolMissingError) fail('ffmpeg_missing', e.message);
          throw e;
        }
        const clip = await renderOfflineLoop({ still: await source(), camera: motion.camera, durationSeconds: motion.durationSeconds, loop: motion.loop, subject: still.subject, tools });
        return [{ bytes: clip.bytes, contentType: 'video/mp4', seed: undefined, note: `${LOCAL_NOTES.video} (${clip.description}, ${clip.width}x${clip.height}, ${clip.fps} fps)` }];
      }
      default:
        return fail('unsupported_kind', `the local provider cannot make ${request.kind} jobs (it has no generative model); configure a provider that can, such as runway or fal`);
    }
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
