/**
 * Runs a moodboard from the brief: submits the job to the brandlock server, builds the board as soon
 * as the job exists, places each image the moment the server has it (one at a time, converted to
 * something Figma accepts), and writes the outcome on the board: complete, canceled (the server job
 * is canceled too) or failed with the server's reason.
 */
import type { BrandLock } from '@brandlock/core/brand';
import type { MainBus } from '../bus/main-bus';
import type { MoodboardBrief } from '../../moodboard/moodboard-brief';
import { captionFor, planBoard } from '../../moodboard/plan-board';
import { errorMessage } from '../../bus/bus-errors';
import { toFigmaImage } from '../image/canvas-image';
import type { MoodboardApi, MoodboardJob } from './moodboard-api';

export interface MoodboardStatus {
  stage: string;
  placed: number;
  total: number;
}

export interface MoodboardOutcome {
  outcome: 'complete' | 'canceled' | 'failed';
  placed: number;
  message: string;
  jobId: string | null;
}

export async function runMoodboard(args: {
  api: MoodboardApi;
  main: MainBus;
  lock: BrandLock;
  brief: MoodboardBrief;
  signal: AbortSignal;
  onStatus(status: MoodboardStatus): void;
}): Promise<MoodboardOutcome> {
  const { api, main, lock, brief, signal, onStatus } = args;
  onStatus({ stage: 'Sending the brief', placed: 0, total: brief.count });
  const job = await api.jobs.create(
    {
      kind: 'moodboard',
      moodboard: { count: brief.count, environment: brief.environment.trim(), lightingPresets: brief.lightingIds, modelProfiles: brief.modelIds, garmentFocus: brief.garmentFocus.trim(), notes: brief.notes.trim() },
    },
    { idempotencyKey: `figma-moodboard-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}` },
  );
  const plan = planBoard(brief, { lock, lockHash: job.lockHash, jobId: job.id, provider: job.provider, providerNote: job.note, imageAspect: job.recipe.width / job.recipe.height });
  const { boardId } = await main.call('startBoard', plan);
  const placed = new Set<number>();
  const problems: string[] = [];
  let queue = Promise.resolve();

  const placeNew = (j: MoodboardJob) => {
    for (const out of [...j.outputs].sort((a, b) => a.index - b.index)) {
      if (placed.has(out.index) || out.index >= brief.count) continue;
      placed.add(out.index);
      queue = queue.then(async () => {
        try {
          const { bytes } = await api.assets.get(out.ref);
          const image = await toFigmaImage(bytes);
          const caption = captionFor(out.index, out.note, j.recipe.prompt, lock);
          await main.call('addBoardImage', { boardId, index: out.index, bytes: image.bytes, width: image.width, height: image.height, ...caption });
        } catch (e) {
          placed.delete(out.index);
          problems.push(`image ${out.index + 1}: ${errorMessage(e)}`);
        }
        onStatus({ stage: j.stage, placed: placed.size, total: brief.count });
      });
    }
  };

  let final: MoodboardJob;
  try {
    final = await api.jobs.watch(job.id, {
      signal,
      onUpdate: (j) => {
        onStatus({ stage: j.stage, placed: placed.size, total: brief.count });
        placeNew(j);
      },
    });
    placeNew(final);
  } catch (e) {
    await queue;
    if (signal.aborted) {
      await api.jobs.cancel(job.id).catch(() => undefined);
      const res = await main.call('finishBoard', { boardId, outcome: 'canceled', message: '' });
      return { outcome: 'canceled', placed: res.placed, message: 'Canceled; the server job was canceled too.', jobId: job.id };
    }
    const res = await main.call('finishBoard', { boardId, outcome: 'failed', message: `Lost the server: ${errorMessage(e)}` });
    return { outcome: 'failed', placed: res.placed, message: errorMessage(e), jobId: job.id };
  }
  await queue;
  const failedMessage = final.state === 'failed' ? (final.error?.message ?? 'The job failed') : '';
  const outcome = final.state === 'succeeded' ? 'complete' : final.state === 'canceled' ? 'canceled' : 'failed';
  const note = [failedMessage, problems.length ? `Not placed: ${problems.join('; ')}` : ''].filter(Boolean).join(' ');
  const res = await main.call('finishBoard', { boardId, outcome, message: note });
  return { outcome, placed: res.placed, message: note, jobId: job.id };
}
