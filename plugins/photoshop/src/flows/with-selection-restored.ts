/**
 * Runs a step that needs the selection for itself (an alpha channel is saved from, and loaded as, the
 * selection) and gives the retoucher's selection back afterwards: kept meanwhile in a temporary
 * channel, loaded again and deleted, or deselected when there was none. Inside a modal scope, on the
 * active document.
 */
import type { PsHost } from '../ports/ps-host';
import { checkResults } from '../descriptors/check-results';
import { deleteChannel, loadChannelAsSelection, saveSelectionAsChannel } from '../descriptors/channels';
import { deselect } from '../descriptors/subject';

const ASIDE = 'brandlock · your selection';

export async function withSelectionRestored<T>(ps: PsHost, documentId: number, step: () => Promise<T>): Promise<T> {
  const had = (await ps.selectionBounds(documentId)) !== null;
  if (had) checkResults(await ps.batchPlay([saveSelectionAsChannel(ASIDE)]), 'keep your selection aside');
  const giveBack = async () => checkResults(await ps.batchPlay(had ? [loadChannelAsSelection(ASIDE), deleteChannel(ASIDE)] : [deselect()]), 'give your selection back');
  let result: T;
  try {
    result = await step();
  } catch (e) {
    // The step's own error is the one to report; the History step around it is rolled back anyway.
    await giveBack().catch(() => undefined);
    throw e;
  }
  await giveBack();
  return result;
}
