/** Selects a region QC flagged, so the retoucher lands on it (one Rectangular Marquee step). */
import type { PsHost } from '../../ports/ps-host';
import type { Finding } from '@brandlock/core/qc';
import { checkResults } from '../../descriptors/check-results';
import { selectRectangle } from '../../descriptors/layers';
import { rememberFindingSelection } from './finding-selections';

export async function selectFlaggedRegion(ps: PsHost, documentId: number, box: NonNullable<Finding['box']>): Promise<void> {
  await ps.executeAsModal('Select flagged region', async () => {
    await ps.activateDocument(documentId);
    const bounds = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
    checkResults(await ps.batchPlay([selectRectangle(bounds)]), 'select the flagged region');
    // Export must not take this for the retoucher's framing of the garment.
    rememberFindingSelection(documentId, (await ps.selectionBounds(documentId)) ?? bounds);
  });
}
