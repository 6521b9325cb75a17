/**
 * The moodboard as it fills: start builds the board and places it to the right of everything on the
 * page; each image lands in its cell as it arrives (one message per image, never one giant payload),
 * and the cell takes the image's aspect so nothing the provider made is cropped away;
 * finish writes the outcome on the board and, when canceled or failed, removes the cells still empty.
 */
import { loadTextFontsAsync } from '../load-text-fonts';
import { isOnPage } from '../select-nodes';
import type { BoardImage, BoardOutcome, BoardPlan } from '../../protocol/board';
import { PluginError } from '../../bus/bus-errors';
import { BOARD_MAX_IMAGES, BOARD_MIN_IMAGES } from '../../layout/board-grid';
import { requireBytes, requireSize, requireString } from '../check-params';
import { buildBoard, type BoardCell } from './build-board';
import { BOARD_FONTS, INK, solid } from './board-style';

interface Session {
  boardId: string;
  cells: BoardCell[];
  statusId: string;
  honestyNote: string | null;
  placed: Set<number>;
}

const sessions = new Map<string, Session>();

export async function startBoardAsync(plan: BoardPlan): Promise<{ boardId: string }> {
  if (!Number.isInteger(plan?.count) || plan.count < BOARD_MIN_IMAGES || plan.count > BOARD_MAX_IMAGES) {
    throw new PluginError('bad-request', `A moodboard holds ${BOARD_MIN_IMAGES} to ${BOARD_MAX_IMAGES} images, got ${String(plan?.count)}`);
  }
  requireSize(plan.cellWidth, 'cellWidth', 2000);
  requireSize(plan.imageHeight, 'imageHeight', 4000);
  await Promise.all(Object.values(BOARD_FONTS).map((f) => figma.loadFontAsync(f)));
  const { board, cells, statusId } = buildBoard(plan);
  const right = figma.currentPage.children.filter((n) => n !== board).reduce((m, n) => Math.max(m, n.x + n.width), -Infinity);
  board.x = Number.isFinite(right) ? Math.round(right + 200) : Math.round(figma.viewport.center.x - board.width / 2);
  board.y = Number.isFinite(right) ? Math.min(...figma.currentPage.children.filter((n) => n !== board).map((n) => n.y)) : Math.round(figma.viewport.center.y);
  board.setPluginData('brandlock.board', withinBytes(JSON.stringify({ ...plan.provenance, title: String(plan.title).slice(0, 500), facts: plan.facts.map((f) => String(f).slice(0, 500)).slice(0, 20) }), 90_000));
  sessions.set(board.id, { boardId: board.id, cells, statusId, honestyNote: plan.honestyNote, placed: new Set() });
  figma.viewport.scrollAndZoomIntoView([board]);
  return { boardId: board.id };
}

export async function addBoardImageAsync(img: BoardImage): Promise<void> {
  const session = sessionFor(img.boardId);
  const cell = session.cells[img.index];
  if (!cell) throw new PluginError('bad-request', `The board has ${session.cells.length} cells; there is no image ${img.index + 1}`);
  let image: Image;
  try {
    image = figma.createImage(requireBytes(img.bytes, 'bytes'));
  } catch (e) {
    throw new PluginError('image-rejected', `Image ${img.index + 1}: Figma refused it (${e instanceof Error ? e.message : String(e)})`);
  }
  const rect = (await figma.getNodeByIdAsync(cell.imageId)) as RectangleNode | null;
  const title = (await figma.getNodeByIdAsync(cell.titleId)) as TextNode | null;
  const detail = (await figma.getNodeByIdAsync(cell.detailId)) as TextNode | null;
  if (!rect || !title || !detail || rect.removed) throw new PluginError('board-gone', 'The moodboard was deleted while it was filling');
  const aspect = img.width > 0 && img.height > 0 ? img.height / img.width : rect.height / rect.width;
  rect.resize(rect.width, Math.round(rect.width * Math.min(2, Math.max(0.5, aspect))));
  rect.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: image.hash }];
  // A designer may restyle a caption while the board fills: load whatever fonts the text has now.
  await Promise.all([loadTextFontsAsync(title), loadTextFontsAsync(detail)]);
  title.characters = String(img.title).slice(0, 120) || `Image ${img.index + 1}`;
  title.fills = [solid(INK)];
  detail.characters = String(img.detail).slice(0, 400);
  session.placed.add(img.index);
}

export async function finishBoardAsync(boardId: string, outcome: BoardOutcome, message: string): Promise<{ placed: number }> {
  const session = sessionFor(boardId);
  const board = (await figma.getNodeByIdAsync(session.boardId)) as FrameNode | null;
  if (outcome !== 'complete') {
    for (let i = 0; i < session.cells.length; i++) {
      if (session.placed.has(i)) continue;
      const rect = await figma.getNodeByIdAsync(session.cells[i].imageId);
      rect?.parent?.remove();
    }
  }
  const status = (await figma.getNodeByIdAsync(session.statusId)) as TextNode | null;
  if (status && !status.removed) {
    await loadTextFontsAsync(status);
    const done = `${session.placed.size} of ${session.cells.length} images`;
    const outcomeLine = outcome === 'complete' ? '' : outcome === 'canceled' ? `Canceled after ${done}.` : `Stopped after ${done}.`;
    status.characters = [outcomeLine, session.honestyNote, String(message ?? '').slice(0, 300)].filter(Boolean).join(' ') || `${done}.`;
  }
  sessions.delete(boardId);
  // Select it only on the page in view: the designer may have switched pages while it filled.
  if (board && !board.removed && isOnPage(board, figma.currentPage)) {
    figma.currentPage.selection = [board];
    figma.viewport.scrollAndZoomIntoView([board]);
  }
  figma.commitUndo();
  return { placed: session.placed.size };
}

function sessionFor(boardId: unknown): Session {
  const s = sessions.get(requireString(boardId, 'boardId'));
  if (!s) throw new PluginError('no-board', 'That moodboard is not being filled any more; start a new one');
  return s;
}

/** Cuts text to at most `max` UTF-8 bytes (pluginData entries are limited in bytes, not characters). */
export function withinBytes(text: string, max: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= max) return text;
  return new TextDecoder().decode(bytes.slice(0, max)).replace(/\uFFFD$/, '');
}
