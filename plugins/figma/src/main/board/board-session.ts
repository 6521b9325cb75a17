/**
 * The moodboard as it fills: start builds the board (auto layout in Figma Design, a section in FigJam)
 * and places it right of everything on the page; each image lands in its cell as it arrives (one
 * message per image, never one giant payload); finish writes the outcome on the board and, when
 * canceled or failed, removes the cells still empty. Everything a later step needs is read back from
 * the board's records, not kept in memory, so a board left filling when the plugin closed is filled
 * (or finished) by the next run.
 */
import { loadTextFontsAsync } from '../load-text-fonts';
import type { BoardImage, BoardOutcome, BoardPlan, BoardSummary } from '../../protocol/board';
import { PluginError } from '../../bus/bus-errors';
import { BOARD_MAX_IMAGES, BOARD_MIN_IMAGES } from '../../layout/board-grid';
import { requireBytes, requireSize, requireString } from '../check-params';
import { buildBoard } from './build-board';
import { buildFigJamBoard } from './build-figjam-board';
import { BOARD_FONTS, INK, solid } from './board-style';
import { cellsOf, readBoard, summarize, writeBoard, writeCell, type BoardRecord } from './board-records';
import { NAMESPACE } from '../records/brandlock-data';

export async function startBoardAsync(plan: BoardPlan): Promise<{ boardId: string }> {
  const count = Array.isArray(plan?.cells) ? plan.cells.length : NaN;
  if (!Number.isInteger(count) || count < BOARD_MIN_IMAGES || count > BOARD_MAX_IMAGES) {
    throw new PluginError('bad-request', `A moodboard holds ${BOARD_MIN_IMAGES} to ${BOARD_MAX_IMAGES} images, got ${String(count)}`);
  }
  requireString(plan.moodboardId, 'moodboardId');
  requireSize(plan.cellWidth, 'cellWidth', 2000);
  requireSize(plan.imageHeight, 'imageHeight', 4000);
  await Promise.all(Object.values(BOARD_FONTS).map((f) => figma.loadFontAsync(f)));
  plan = { ...plan, title: String(plan.title).slice(0, 300), subtitle: String(plan.subtitle ?? '').slice(0, 300), notes: String(plan.notes ?? '').slice(0, 2000) };
  const { board, statusId } = figma.editorType === 'figjam' ? buildFigJamBoard(plan) : buildBoard(plan);
  const others = figma.currentPage.children.filter((n) => n !== board);
  const right = others.reduce((m, n) => Math.max(m, n.x + n.width), -Infinity);
  board.x = Number.isFinite(right) ? Math.round(right + 200) : Math.round(figma.viewport.center.x - board.width / 2);
  board.y = Number.isFinite(right) ? Math.min(...others.map((n) => n.y)) : Math.round(figma.viewport.center.y);
  // Every field is capped, so the record stays far below the 100 kB a plugin data entry may hold.
  const provenance = Object.fromEntries(Object.entries(plan.provenance ?? {}).slice(0, 20).map(([k, v]) => [k.slice(0, 40), String(v).slice(0, 500)]));
  const honestyNote = plan.honestyNote ? String(plan.honestyNote).slice(0, 600) : null;
  writeBoard(board, { moodboardId: plan.moodboardId, state: 'filling', total: count, title: String(plan.title).slice(0, 300), statusId, honestyNote, provenance });
  board.setRelaunchData({ moodboard: 'Resume, finish or cancel this board on the brandlock server' });
  noteFilling(board.id, true);
  // The view stays where the designer is working while the board fills, for minutes; the plugin
  // window offers "Show board" (selectNodes) instead of taking them away.
  return { boardId: board.id };
}

export async function addBoardImageAsync(img: BoardImage): Promise<void> {
  const { board } = await openBoard(img.boardId);
  const cell = cellsOf(board).get(img.index);
  if (!cell) throw new PluginError('bad-request', `The board has no image ${img.index + 1}`);
  let image: Image;
  try {
    image = figma.createImage(requireBytes(img.bytes, 'bytes'));
  } catch (e) {
    throw new PluginError('image-rejected', `Image ${img.index + 1}: Figma refused it (${e instanceof Error ? e.message : String(e)})`);
  }
  const rect = cell.node as RectangleNode;
  // In auto layout the cell takes the image's aspect (clamped), so nothing the provider made is cropped.
  if (rect.parent && 'layoutMode' in rect.parent && rect.parent.layoutMode !== 'NONE') {
    const aspect = img.width > 0 && img.height > 0 ? img.height / img.width : rect.height / rect.width;
    rect.resize(rect.width, Math.round(rect.width * Math.min(2, Math.max(0.5, aspect))));
  }
  rect.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: image.hash }];
  const caption = (await figma.getNodeByIdAsync(cell.record.captionId)) as TextNode | null;
  if (caption && !caption.removed) {
    // A designer may restyle a caption while the board fills: load whatever fonts the text has now.
    await loadTextFontsAsync(caption);
    caption.fills = [solid(INK)];
  }
  writeCell(rect, { ...cell.record, placed: true });
}

export async function finishBoardAsync(boardId: string, outcome: BoardOutcome, message: string): Promise<{ placed: number }> {
  const { board, record } = await openBoard(boardId);
  if (!['complete', 'canceled', 'failed'].includes(outcome)) throw new PluginError('bad-request', `outcome: expected complete, canceled or failed, got ${String(outcome)}`);
  const cells = [...cellsOf(board).values()];
  const placed = cells.filter((c) => c.record.placed).length;
  if (outcome !== 'complete') {
    for (const c of cells) {
      if (c.record.placed) continue;
      const caption = await figma.getNodeByIdAsync(c.record.captionId);
      // In Figma Design the cell is a frame (image + caption); in FigJam they sit in the section.
      if (c.node.parent && c.node.parent.type === 'FRAME' && c.node.parent !== board) c.node.parent.remove();
      else {
        c.node.remove();
        caption?.remove();
      }
    }
  }
  const status = (await figma.getNodeByIdAsync(record.statusId)) as TextNode | null;
  if (status && !status.removed) {
    await loadTextFontsAsync(status);
    const done = `${placed} of ${record.total} images`;
    const outcomeLine = outcome === 'complete' ? '' : outcome === 'canceled' ? `Canceled after ${done}.` : `Stopped after ${done}.`;
    status.characters = [outcomeLine, record.honestyNote, String(message ?? '').slice(0, 300)].filter(Boolean).join(' ') || `${done}.`;
  }
  writeBoard(board, { ...record, state: outcome });
  noteFilling(board.id, false);
  board.setRelaunchData({});
  // Neither the selection nor the view changes: the designer may be in the middle of other work.
  figma.commitUndo();
  return { placed };
}

/**
 * The boards still filling, on every page: the document keeps their ids (shared plugin data on the
 * file's root), because with dynamic page loading another page's layers cannot be walked without
 * loading that page, and an art director reopening the plugin on another page was never offered the
 * board left filling. Each is looked up by id (which loads what it needs); ids of boards removed or
 * finished some other way are dropped from the list.
 */
const FILLING_KEY = 'filling-boards';

function fillingIds(): string[] {
  try {
    const ids = JSON.parse(figma.root.getSharedPluginData(NAMESPACE, FILLING_KEY) || '[]');
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string').slice(0, 200) : [];
  } catch {
    return [];
  }
}

function writeFillingIds(ids: string[]): void {
  figma.root.setSharedPluginData(NAMESPACE, FILLING_KEY, ids.length ? JSON.stringify(ids) : '');
}

function noteFilling(boardId: string, filling: boolean): void {
  const ids = fillingIds().filter((id) => id !== boardId);
  if (filling) ids.push(boardId);
  writeFillingIds(ids);
}

/** Moodboards that never finished filling (the plugin closed, Figma crashed): on this page, or any other. */
export async function listUnfinishedBoardsAsync(): Promise<BoardSummary[]> {
  const found = new Map<string, BoardSummary>();
  // Boards on this page (an earlier build kept no list), then those the document lists.
  for (const n of figma.currentPage.children) {
    const s = summarize(n);
    if (s && s.state === 'filling') found.set(s.boardId, s);
  }
  const listed = fillingIds();
  const kept: string[] = [];
  for (const id of listed) {
    const node = found.has(id) ? null : await figma.getNodeByIdAsync(id);
    const s = found.get(id) ?? (node && !node.removed ? summarize(node) : null);
    if (!s || s.state !== 'filling') continue;
    kept.push(id);
    found.set(id, s);
  }
  if (kept.length !== listed.length) writeFillingIds(kept);
  return [...found.values()];
}

async function openBoard(boardId: unknown): Promise<{ board: SceneNode; record: BoardRecord }> {
  const node = await figma.getNodeByIdAsync(requireString(boardId, 'boardId'));
  const record = node && !node.removed ? readBoard(node) : null;
  if (!node || !record) throw new PluginError('board-gone', 'That moodboard is no longer in the file');
  if (record.state !== 'filling') throw new PluginError('no-board', 'That moodboard is finished; start a new one');
  return { board: node as SceneNode, record };
}
