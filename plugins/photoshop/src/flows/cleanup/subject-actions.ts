/**
 * Select Subject and Remove Background from the Cleanup tab, through batchPlay. Remove Background
 * needs a normal layer, so a Background layer is converted first; if Photoshop refuses the quick
 * action (older versions, some layer types), the documented fallback masks the layer from Select
 * Subject instead. Each is one History step.
 */
import { isPanelError } from '../../errors/panel-error';
import type { PsHost } from '../../ports/ps-host';
import { requireDocument, requireEditableRgb } from '../../errors/document-checks';
import { checkResults } from '../../descriptors/check-results';
import { backgroundToLayer, maskFromSelection, removeBackground, selectSubject } from '../../descriptors/subject';
import { inHistoryStep } from '../history-step';

export async function selectSubjectInDocument(ps: PsHost): Promise<string> {
  const doc = requireEditableRgb(requireDocument(await ps.activeDocument(), 'select a subject in'), 'select a subject in');
  await ps.executeAsModal('Select Subject', async () => {
    checkResults(await ps.batchPlay([selectSubject()]), 'select the subject');
  });
  return `Selected the subject in "${doc.title}".`;
}

export async function removeBackgroundInDocument(ps: PsHost): Promise<string> {
  const doc = requireEditableRgb(requireDocument(await ps.activeDocument(), 'remove the background in'), 'remove the background in');
  return ps.executeAsModal('Remove Background', (ctx) =>
    inHistoryStep(ctx, doc.id, 'brandlock: Remove Background', async () => {
      const [layer] = await ps.activeLayers(doc.id);
      if (layer?.isBackground) checkResults(await ps.batchPlay([backgroundToLayer('Product')]), 'turn the Background into a layer');
      // Photoshop refuses Remove Background with an error result, or (23.4.1 and newer) by throwing.
      let refusal: string;
      try {
        const [result] = await ps.batchPlay([removeBackground()]);
        if (result?._obj !== 'error') return `Masked the background of "${layer?.isBackground ? 'Product' : layer?.name}" in "${doc.title}".`;
        refusal = String(result.message ?? 'no reason given');
      } catch (e) {
        if (isPanelError(e) && (e.code === 'cancelled' || e.code === 'modal-busy')) throw e;
        refusal = e instanceof Error ? e.message : String(e);
      }
      checkResults(await ps.batchPlay([selectSubject(), maskFromSelection()]), 'mask the layer from its subject');
      return `Masked "${doc.title}" from Select Subject (Remove Background was not available: ${refusal}).`;
    }),
  );
}
