/**
 * Sends the retoucher's fix of a master opened from the review queue back to the queue: the document's
 * pixels (flattened, 8-bit sRGB PNG) go to the server as a revision of the asset the document's XMP
 * names, so they are QC'd afresh and take the old asset's place. The document's XMP then names the new
 * asset, so Approve, Reject or a second fix go to it.
 */
import type { BrandlockServer, ReviewEntry } from '../../ports/brandlock-server';
import type { PsHost } from '../../ports/ps-host';
import type { FileSystemPort } from '../../ports/file-system';
import { requireDocument, requireEditableRgb } from '../../errors/document-checks';
import { PanelError } from '../../errors/panel-error';
import { checkResults } from '../../descriptors/check-results';
import { getXmp, setXmp, xmpFromResult } from '../../descriptors/xmp';
import { writeBrandlockXmp } from '../../xmp/brandlock-xmp';
import { readDocumentXmp } from '../document-identity/read-document-xmp';
import { flattenedPngCopy } from '../flattened-png-copy';

export async function sendFixToReview(ps: PsHost, files: FileSystemPort, server: BrandlockServer, note: string): Promise<ReviewEntry> {
  const doc = requireEditableRgb(requireDocument(await ps.activeDocument(), 'send a fix'), 'send a fix');
  const xmp = await readDocumentXmp(ps, doc.id);
  if (!xmp.reviewAssetId) {
    throw new PanelError('bad-input', `"${doc.title}" was not opened from the review queue, so brandlock does not know which asset it fixes. Open the master from the queue, fix it there, then send it.`);
  }
  const bytes = await flattenedPngCopy(ps, files, doc, `Prepare the fix of ${xmp.sku ?? doc.title}`, xmp.sku ?? 'fix');
  const revision = await server.reviseReview(xmp.reviewAssetId, { bytes, contentType: 'image/png' }, note.trim());
  await ps.executeAsModal('Record the revision', async () => {
    const [current] = await ps.batchPlay([getXmp({ documentId: doc.id })]);
    checkResults(await ps.batchPlay([setXmp({ documentId: doc.id }, writeBrandlockXmp(xmpFromResult(current, { documentId: doc.id }), { reviewAssetId: revision.assetId }))]), 'record which review item this is now');
  });
  return revision;
}
