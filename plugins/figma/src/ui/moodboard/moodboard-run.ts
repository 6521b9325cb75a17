/**
 * The moodboard run, kept above the screens so a tab switch loses nothing: the brief being edited,
 * the board being filled (progress, cancel) and the last outcome. A run starts from a brief, or
 * resumes a board left filling by an earlier session (its finished images are fetched and placed,
 * the rest followed to the end), or cancels such a board on the server and finishes it on the canvas.
 */
import type { BrandLock } from '@brandlock/core/brand';
import type { MainBus } from '../bus/main-bus';
import type { BoardSummary } from '../../protocol/board';
import type { MoodboardBrief } from '../../moodboard/moodboard-brief';
import { planBoard } from '../../moodboard/plan-board';
import { errorMessage } from '../../bus/bus-errors';
import { toFigmaImage } from '../image/canvas-image';
import type { Moodboard, MoodboardApi } from './moodboard-api';
import { providerName, stageText } from '../../moodboard/stage-text';

export interface RunStatus {
  title: string;
  /** The board on the canvas, once there is one: the window's "Show board" selects it. */
  boardId: string | null;
  stage: string;
  placed: number;
  total: number;
}

export interface RunOutcome {
  outcome: 'complete' | 'canceled' | 'failed';
  boardId: string;
  placed: number;
  total: number;
  message: string;
}

export interface RunState {
  brief: MoodboardBrief | null;
  status: RunStatus | null;
  result: RunOutcome | null;
  error: string | null;
}

export type MoodboardRun = ReturnType<typeof createMoodboardRun>;

export function createMoodboardRun(main: MainBus) {
  let state: RunState = { brief: null, status: null, result: null, error: null };
  let abort: AbortController | null = null;
  const listeners = new Set<(s: RunState) => void>();
  const set = (patch: Partial<RunState>) => {
    state = { ...state, ...patch };
    listeners.forEach((l) => l(state));
  };

  /** Fills a board's cells from the server until the board is done (or canceled), then finishes it on the canvas. */
  async function fill(api: MoodboardApi, boardId: string, moodboardId: string, title: string, already: readonly number[], signal: AbortSignal): Promise<RunOutcome> {
    const placed = new Set(already);
    const problems: string[] = [];
    let total = 0;
    let queue = Promise.resolve();
    const progress = (stage: string) => set({ status: { title, boardId, stage, placed: placed.size, total } });
    const placeNew = (b: Moodboard) => {
      total = b.cells.length;
      for (const cell of b.cells) {
        if (!cell.output || placed.has(cell.index)) continue;
        placed.add(cell.index);
        const ref = cell.output.ref;
        queue = queue.then(async () => {
          try {
            const { bytes } = await api.assets.get(ref);
            const image = await toFigmaImage(bytes);
            await main.call('addBoardImage', { boardId, index: cell.index, bytes: image.bytes, width: image.width, height: image.height });
          } catch (e) {
            placed.delete(cell.index);
            problems.push(`image ${cell.index + 1}: ${errorMessage(e)}`);
          }
          progress(stageOf(b));
        });
      }
    };
    let final: Moodboard;
    try {
      final = await api.moodboards.watch(moodboardId, {
        signal,
        pollIntervalMs: 700,
        onUpdate: (b) => {
          progress(stageOf(b));
          placeNew(b);
        },
      });
      placeNew(final);
    } catch (e) {
      await queue;
      if (signal.aborted) {
        await api.moodboards.cancel(moodboardId).catch(() => undefined);
        const res = await main.call('finishBoard', { boardId, outcome: 'canceled', message: '' });
        return { outcome: 'canceled', boardId, placed: res.placed, total, message: 'Canceled; the server stopped the images still being made.' };
      }
      // The board stays "filling" on the canvas: the next session offers to resume it.
      throw e;
    }
    await queue;
    const failedCells = final.cells.filter((c) => c.state === 'failed').map((c) => `image ${c.index + 1}: ${c.error?.message ?? 'failed'}`);
    const outcome = final.state === 'succeeded' && !problems.length ? 'complete' : final.state === 'canceled' ? 'canceled' : placed.size ? 'complete' : 'failed';
    const message = [...failedCells, ...problems].join('; ');
    const res = await main.call('finishBoard', { boardId, outcome, message: message ? `Not made: ${message}` : '' });
    return { outcome, boardId, placed: res.placed, total: final.cells.length, message };
  }

  async function run(title: string, work: (signal: AbortSignal) => Promise<RunOutcome>) {
    abort = new AbortController();
    set({ result: null, error: null, status: { title, boardId: null, stage: 'Sending the brief', placed: 0, total: 0 } });
    try {
      set({ result: await work(abort.signal) });
    } catch (e) {
      set({ error: errorMessage(e) });
    }
    abort = null;
    set({ status: null });
  }

  return {
    get state() {
      return state;
    },
    subscribe(listener: (s: RunState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setBrief(brief: MoodboardBrief | null) {
      set({ brief });
    },
    get running() {
      return state.status !== null;
    },
    /** Makes a board from the brief: the server plans the cells, the board appears at once and fills as images arrive. */
    start(api: MoodboardApi, lock: BrandLock, brief: MoodboardBrief) {
      if (state.status) return Promise.resolve();
      return run(brief.environment.trim() || 'Moodboard', async (signal) => {
        const board = await api.moodboards.create(
          { count: brief.count, environment: brief.environment.trim(), lightingPresets: brief.lightingIds, modelProfiles: brief.modelIds, ...(brief.swatchIds.length ? { swatches: brief.swatchIds } : {}), garmentFocus: brief.garmentFocus.trim(), notes: brief.notes.trim() },
          { idempotencyKey: `figma-moodboard-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}` },
        );
        const { boardId } = await main.call('startBoard', planBoard(board, lock));
        return fill(api, boardId, board.id, board.title, [], signal);
      });
    },
    /** Picks up a board an earlier session left filling: places what the server finished, follows the rest. */
    resume(api: MoodboardApi, summary: BoardSummary) {
      if (state.status) return Promise.resolve();
      return run(summary.title, (signal) => fill(api, summary.boardId, summary.moodboardId, summary.title, summary.placed, signal));
    },
    /** Stops such a board on the server and finishes it on the canvas with the images it has. */
    async cancelOnServer(api: MoodboardApi | null, summary: BoardSummary) {
      if (state.status) return;
      set({ error: null, result: null });
      try {
        if (api) await api.moodboards.cancel(summary.moodboardId);
        const res = await main.call('finishBoard', { boardId: summary.boardId, outcome: 'canceled', message: api ? '' : 'Not canceled on the server (not connected).' });
        set({ result: { outcome: 'canceled', boardId: summary.boardId, placed: res.placed, total: summary.total, message: api ? 'Canceled on the server.' : 'Finished on the canvas; connect to cancel it on the server.' } });
      } catch (e) {
        set({ error: errorMessage(e) });
      }
    },
    cancel() {
      abort?.abort();
    },
    /** Selects the board and brings it into view; false when it is not on the page in view. */
    async showBoard(boardId: string): Promise<boolean> {
      return (await main.call('selectNodes', { nodeIds: [boardId] })) > 0;
    },
  };
}

function stageOf(b: Moodboard): string {
  const open = b.cells.filter((c) => c.state === 'queued' || c.state === 'running');
  if (!open.length) return 'Placing the last images';
  const running = open.find((c) => c.state === 'running');
  return running ? `${running.caption}: ${stageText(running.stage)}` : `${open.length} images waiting for ${providerName(b.provider)}`;
}
