/**
 * The contract between the UI and the main thread: the requests the main thread answers and the events
 * it pushes. The UI does everything that needs the network, pixels or the Brand Lock; the main thread
 * does everything that needs the document.
 */
import type { BoardImage, BoardOutcome, BoardPlan, BoardSummary } from './board';
import type { PaintSnap, PaletteScan, SnapResult } from './palette';
import type { SelectionSummary } from './selection';
import type { CreateVariantsParams, CreatedVariant, ExportedFrame, VariantFrameInfo } from './variants';
import type { PluginCommand } from '../manifest/manifest-types';
import type { PlacedVideoLoop, VideoLoopParams } from './video';

export interface Settings {
  serverUrl: string;
  token: string;
}

export type MainApi = {
  getSettings(params: void): Promise<Settings>;
  saveSettings(params: Settings): Promise<void>;
  getSelection(params: void): Promise<SelectionSummary>;
  selectNodes(params: { nodeIds: string[] }): Promise<number>;
  notify(params: { message: string; error?: boolean }): Promise<void>;
  /** Resizes the plugin window (figma.ui.resize) and remembers the size for the next launch. */
  resizeWindow(params: { width: number; height: number }): Promise<{ width: number; height: number }>;
  /** Lock files opened from disk, kept for the next launch (client storage). */
  saveOfflineLock(params: { name: string; json: string; cubes: Record<string, string> }): Promise<{ kept: string[]; dropped: string[] }>;
  getOfflineLock(params: void): Promise<{ name: string; json: string; cubes: Record<string, string> } | null>;
  /** Fonts Figma can load in this file, for the copy's font picker. */
  listFonts(params: void): Promise<{ family: string; style: string }[]>;

  /** includeOwn: also brandlock's own moodboards and variant frames (skipped by default). */
  paletteScan(params: { scope: 'selection' | 'page'; includeOwn?: boolean }): Promise<PaletteScan>;
  paletteSnap(params: { snaps: PaintSnap[] }): Promise<SnapResult>;

  readImage(params: { imageHash: string }): Promise<{ bytes: Uint8Array; width: number; height: number }>;
  /** strength: percent of the grade in the copy, 100 when absent; under 100 the copy's name says it. */
  placeLutPreview(params: { sourceNodeId: string; imageHash: string; bytes: Uint8Array; label: string; strength?: number }): Promise<{ nodeId: string; name: string }>;

  createVariants(params: CreateVariantsParams): Promise<CreatedVariant[]>;
  listVariantFrames(params: { scope: 'selection' | 'page' }): Promise<VariantFrameInfo[]>;
  exportFrame(params: { nodeId: string }): Promise<ExportedFrame>;

  startBoard(params: BoardPlan): Promise<{ boardId: string }>;
  addBoardImage(params: BoardImage): Promise<void>;
  finishBoard(params: { boardId: string; outcome: BoardOutcome; message: string }): Promise<{ placed: number }>;
  /** Boards on the current page that never finished filling. */
  listBoards(params: void): Promise<BoardSummary[]>;

  /** A product loop: its poster frame (the clip embedded when asked and Figma takes it), QC caption and link. */
  placeVideoLoop(params: VideoLoopParams): Promise<PlacedVideoLoop>;
};

export type MainEvents = {
  selection: SelectionSummary;
  /** The menu entry or relaunch button the plugin was opened with. */
  command: { command: PluginCommand | null; editorType: string };
};

export type UiApi = {};
export type UiEvents = {};
