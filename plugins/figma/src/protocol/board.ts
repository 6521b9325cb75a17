/** Moodboard messages: the board's plan, then one image at a time as the server delivers them. */

export interface BoardSwatch {
  name: string;
  hex: string;
  code: string | null;
}

export interface BoardPlan {
  title: string;
  subtitle: string;
  /** The brief as short "label: value" lines under the title. */
  facts: string[];
  count: number;
  columns: number;
  cellWidth: number;
  imageHeight: number;
  swatches: BoardSwatch[];
  notes: string;
  /** Said on the board when the images are studies rather than photographs (the local provider). */
  honestyNote: string | null;
  /** Stored on the board for provenance (job id, lock hash...). */
  provenance: Record<string, string>;
}

export interface BoardImage {
  boardId: string;
  index: number;
  bytes: Uint8Array;
  /** Pixel size of the image: the cell takes its aspect. */
  width: number;
  height: number;
  title: string;
  detail: string;
}

export type BoardOutcome = 'complete' | 'canceled' | 'failed';
