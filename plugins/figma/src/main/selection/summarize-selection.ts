/** The selection as the UI shows it: how many layers, and the image features can work on. */
import type { SelectionSummary } from '../../protocol/selection';
import { findImageSourceAsync } from './find-image-source';

export async function summarizeSelectionAsync(): Promise<SelectionSummary> {
  const selection = figma.currentPage.selection;
  return {
    count: selection.length,
    image: await findImageSourceAsync(selection),
    firstName: selection[0]?.name ?? null,
  };
}
