/** The selection as the UI shows it: how many layers, the image features can work on, and the moodboard it belongs to. */
import type { SelectionSummary } from '../../protocol/selection';
import { findImageSourceAsync } from './find-image-source';
import { boardOf, summarize } from '../board/board-records';

export async function summarizeSelectionAsync(): Promise<SelectionSummary> {
  const selection = figma.currentPage.selection;
  const board = selection[0] ? boardOf(selection[0]) : null;
  return {
    count: selection.length,
    image: await findImageSourceAsync(selection),
    firstName: selection[0]?.name ?? null,
    board: board ? summarize(board) : null,
  };
}
