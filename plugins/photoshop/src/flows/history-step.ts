/**
 * Runs a change to one document as a single named History step: suspend, change, resume and
 * commit. If the change fails or is cancelled half-way, the suspension is resumed without commit,
 * which puts the document back exactly as it was.
 */
import type { ModalContext, PsHost } from '../ports/ps-host';
import { cancelledError } from '../errors/panel-error';

/**
 * What suspendHistory returns when history is already suspended, by an Action that plays a brandlock
 * command inside its own step: that suspension is the Action's, and resuming it throws
 * (executeAsModal documentation). The change then runs inside the Action's step.
 */
export const HISTORY_ALREADY_SUSPENDED = 4294967295;

export async function inHistoryStep<T>(ctx: ModalContext, documentId: number, name: string, change: () => Promise<T>): Promise<T> {
  const suspension = await ctx.suspendHistory(documentId, name);
  if (suspension === HISTORY_ALREADY_SUSPENDED) return change();
  try {
    const result = await change();
    await ctx.resumeHistory(suspension, true);
    return result;
  } catch (e) {
    // The change's own error (a cancel, say) is what the retoucher must see, even if the rollback
    // itself is refused; executeAsModal then ends with that error rather than returning normally.
    await ctx.resumeHistory(suspension, false).catch(() => undefined);
    throw e;
  }
}

/** The id of the layer Photoshop made active (new layers become the active layer). */
export async function activeLayerId(ps: PsHost, documentId: number): Promise<number> {
  const [layer] = await ps.activeLayers(documentId);
  if (!layer) throw new Error('Photoshop reports no active layer after making one');
  return layer.id;
}

/** Throws the cancel error when the user cancelled in the panel or on Photoshop's progress bar. */
export function checkCancel(ctx: ModalContext, signal: AbortSignal | undefined, what: string): void {
  if (ctx.isCancelled || signal?.aborted) throw cancelledError(what);
}
