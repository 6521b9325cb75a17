/**
 * Gets a document ready for a brand layer (LUT, baked LUT, balance correction), which must cover the
 * whole image: Photoshop makes a new adjustment layer above the active layer, not at the top, and
 * gives it the active selection as its layer mask ("If no selection is present when the adjustment
 * layer was created, the layer mask will be entirely white"). A selection left by Select Subject or
 * QC's "select this region", or a retoucher's click on a lower layer, would otherwise grade part of
 * the image. Runs inside the caller's History step, so undoing it brings the selection back.
 */
import type { PsHost } from '../ports/ps-host';
import { checkResults } from '../descriptors/check-results';
import { selectLayer } from '../descriptors/layers';
import { deselect } from '../descriptors/subject';

export async function readyForBrandLayer(ps: PsHost, documentId: number): Promise<void> {
  const descriptors = [];
  // Select > Deselect is unavailable without a selection, so only ask for it when there is one.
  if (await ps.selectionBounds(documentId)) descriptors.push(deselect());
  const [top] = await ps.layers(documentId);
  if (top) descriptors.push(selectLayer(documentId, top.id));
  if (descriptors.length) checkResults(await ps.batchPlay(descriptors), 'clear the selection and select the top layer');
}
