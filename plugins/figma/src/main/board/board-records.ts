/**
 * What a moodboard on the canvas records about itself (shared plugin data), so that any later run of
 * the plugin, after a close, a crash or a new build, can find it, see which cells hold their image,
 * fill the rest from the server, or cancel it there: the board's server id and state on the board,
 * each cell's job, seed, prompt and caption on the cell's image layer.
 */
import type { BoardState, BoardSummary } from '../../protocol/board';
import { readRecord, writeRecord } from '../records/brandlock-data';

export interface BoardRecord {
  moodboardId: string;
  state: BoardState;
  total: number;
  title: string;
  statusId: string;
  honestyNote: string | null;
  provenance: Record<string, string>;
}

export interface CellRecord {
  index: number;
  jobId: string;
  seed: number | null;
  prompt: string;
  caption: string;
  captionId: string;
  placed: boolean;
}

export const readBoard = (node: BaseNode) => readRecord<BoardRecord>(node, 'board');
export const writeBoard = (node: BaseNode, record: BoardRecord) => writeRecord(node, 'board', record);
export const readCell = (node: BaseNode) => readRecord<CellRecord>(node, 'board-cell');
export const writeCell = (node: BaseNode, record: CellRecord) => writeRecord(node, 'board-cell', record);

/** The image layers of a board's cells, by index. */
export function cellsOf(board: BaseNode): Map<number, { node: SceneNode; record: CellRecord }> {
  const out = new Map<number, { node: SceneNode; record: CellRecord }>();
  if (!('findAll' in board)) return out;
  for (const node of (board as FrameNode).findAll((n) => n.type === 'RECTANGLE' && readCell(n) !== null)) {
    const record = readCell(node)!;
    out.set(record.index, { node, record });
  }
  return out;
}

export function summarize(board: BaseNode): BoardSummary | null {
  const record = readBoard(board);
  if (!record) return null;
  const placed = [...cellsOf(board).values()].filter((c) => c.record.placed).map((c) => c.record.index).sort((a, b) => a - b);
  return { boardId: board.id, moodboardId: record.moodboardId, title: record.title, state: record.state, total: record.total, placed };
}

/** The board a node is, or lies in. */
export function boardOf(node: BaseNode | null): BaseNode | null {
  for (let n = node; n && n.type !== 'PAGE'; n = n.parent) if (readBoard(n)) return n;
  return null;
}
