/** Every request the main thread answers, wired to the adapters that touch the document. */
import type { Handlers } from '../bus/create-bus';
import type { MainApi } from '../protocol/main-api';
import { addBoardImageAsync, finishBoardAsync, listUnfinishedBoardsAsync, startBoardAsync } from './board/board-session';
import { placeLutPreviewAsync, readImageAsync } from './lut/place-lut-preview';
import { scanPaintsAsync } from './palette/scan-paints';
import { snapPaintsAsync } from './palette/snap-paints';
import { selectNodesAsync } from './select-nodes';
import { summarizeSelectionAsync } from './selection/summarize-selection';
import { loadSettingsAsync, saveSettingsAsync } from './settings-store';
import { createVariantFramesAsync } from './variants/create-variant-frames';
import { exportVariantFrameAsync, listVariantFrames } from './variants/export-variants';
import { requireArray } from './check-params';
import { resizeWindowAsync } from './window-size';
import { loadOfflineLockAsync, saveOfflineLockAsync } from './offline-lock-store';
import { placeVideoLoopAsync } from './video/place-video-loop';

const scopeOf = (p: { scope?: unknown } | undefined) => (p?.scope === 'page' ? 'page' : 'selection');

export function createMainHandlers(): Handlers<MainApi> {
  return {
    getSettings: () => loadSettingsAsync(),
    saveSettings: (s) => saveSettingsAsync(s),
    getSelection: () => summarizeSelectionAsync(),
    selectNodes: (p) => selectNodesAsync(p?.nodeIds),
    notify: async (p) => {
      figma.notify(String(p?.message ?? '').slice(0, 300), { error: !!p?.error });
    },
    resizeWindow: (p) => resizeWindowAsync(p),
    saveOfflineLock: (p) => saveOfflineLockAsync(p),
    getOfflineLock: () => loadOfflineLockAsync(),
    listFonts: async () => (await figma.listAvailableFontsAsync()).map((f) => ({ family: f.fontName.family, style: f.fontName.style })),
    paletteScan: (p, ctx) => scanPaintsAsync(scopeOf(p), p?.includeOwn === true, ctx),
    paletteSnap: (p, ctx) => snapPaintsAsync(requireArray(p?.snaps, 'snaps', 50_000), ctx),
    readImage: (p) => readImageAsync(p?.imageHash),
    placeLutPreview: (p) => placeLutPreviewAsync(p),
    createVariants: (p, ctx) => createVariantFramesAsync(p, ctx),
    listVariantFrames: (p) => listVariantFrames(scopeOf(p)),
    exportFrame: (p) => exportVariantFrameAsync(p?.nodeId),
    startBoard: (p) => startBoardAsync(p),
    addBoardImage: (p) => addBoardImageAsync(p),
    finishBoard: (p) => finishBoardAsync(p?.boardId, p?.outcome, p?.message),
    listBoards: () => listUnfinishedBoardsAsync(),
    placeVideoLoop: (p) => placeVideoLoopAsync(p),
  };
}
