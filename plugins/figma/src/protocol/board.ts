/** Moodboard messages: the board's plan (its cells, grouped by light), one image at a time as the server delivers them, and what a board on the canvas says about itself. */

export interface BoardSwatch {
  name: string;
  hex: string;
  code: string | null;
}

/** A row of the board: the cells in one light. */
export interface BoardGroup {
  title: string;
  detail: string;
}

export interface BoardCellPlan {
  index: number;
  group: number;
  /** What the cell varies, in the lock's names ("Ava · Front"). */
  caption: string;
  jobId: string;
  seed: number | null;
  prompt: string;
}

export interface BoardPlan {
  /** The server's board, so the canvas can resume or cancel it in a later session. */
  moodboardId: string;
  title: string;
  subtitle: string;
  /** The brief as short "label: value" lines under the title. */
  facts: string[];
  columns: number;
  cellWidth: number;
  imageHeight: number;
  groups: BoardGroup[];
  cells: BoardCellPlan[];
  swatches: BoardSwatch[];
  notes: string;
  /** Said on the board when the images are studies rather than photographs (the local provider). */
  honestyNote: string | null;
  /** Stored on the board for provenance (lock hash, provider...). */
  provenance: Record<string, string>;
}

export interface BoardImage {
  boardId: string;
  index: number;
  bytes: Uint8Array;
  /** Pixel size of the image: the cell takes its aspect. */
  width: number;
  height: number;
}

export type BoardOutcome = 'complete' | 'canceled' | 'failed';
export type BoardState = 'filling' | BoardOutcome;

/** A brandlock moodboard found on the page (or the selection's board). */
export interface BoardSummary {
  boardId: string;
  moodboardId: string;
  title: string;
  state: BoardState;
  total: number;
  /** Cells that hold their image. */
  placed: number[];
}
