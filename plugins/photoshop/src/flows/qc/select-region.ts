/** Selects a region QC flagged, so the retoucher lands on it (one Rectangular Marquee step). */
import type { PsHost } from '../../ports/ps-host';
import type { Finding } from '@brandlock/core/qc';
import { checkResults } from '../../descriptors/check-results';
import { selectRectangle } from '../../descriptors/layers';

export async function selectFlaggedRegion(ps: PsHost, documentId: number, box: NonNullable<Finding['box']>): Promise<void> {
  await ps.executeAsModal('Select flagged region', async () => {
    await ps.activateDocument(documentId);
    checkResults(await ps.batchPlay([selectRectangle({ left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height })]), 'select the flagged region');
  });
}
