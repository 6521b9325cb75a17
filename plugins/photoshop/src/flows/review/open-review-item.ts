/**
 * Opens an asset from the server's review queue in Photoshop for the retoucher to fix: its bytes are
 * written to a temporary file named after the SKU (a clip to the plugin's data folder, because its
 * video layer keeps reading it), opened without dialogs, and the document's XMP
 * gets the SKU, colourway, view and category (so QC and Export know it) and the asset and job ids (so
 * the approval goes back to the right asset).
 */
import type { BrandlockServer, ReviewEntry } from '../../ports/brandlock-server';
import type { DocumentInfo, PsHost } from '../../ports/ps-host';
import type { FileSystemPort } from '../../ports/file-system';
import { checkResults } from '../../descriptors/check-results';
import { getXmp, setXmp, xmpFromResult } from '../../descriptors/xmp';
import { writeBrandlockXmp, type XmpProperties } from '../../xmp/brandlock-xmp';

const EXTENSIONS: Record<string, string> = { 'video/mp4': 'mp4', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/tiff': 'tif' };
const safe = (s: string) => s.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);

/** "NF-WV-1002_terracotta_front_review-3f2a9c1d.png" */
export function reviewFileName(entry: ReviewEntry, contentType: string): string {
  const parts = [entry.sku, entry.colorway, entry.view].filter((p): p is string => Boolean(p)).map(safe);
  return `${[...parts, `review-${safe(entry.assetId).slice(0, 8)}`].join('_')}.${EXTENSIONS[contentType] ?? 'png'}`;
}

export async function openReviewItem(ps: PsHost, files: FileSystemPort, server: BrandlockServer, entry: ReviewEntry): Promise<DocumentInfo> {
  const { bytes, contentType } = await server.assetBytes(entry.ref);
  // A clip opens as a video layer that reads its frames from the file, so the file is kept, not temporary.
  const name = reviewFileName(entry, contentType);
  const file = contentType === 'video/mp4' ? await files.writeKeptFile('videos', name, bytes) : await files.writeTempFile(name, bytes);
  return ps.executeAsModal(`Open ${entry.sku ?? entry.assetId} for review`, async () => {
    const doc = await ps.openDocument(file, { dialogs: 'suppress' });
    const props: XmpProperties = { reviewAssetId: entry.assetId, reviewJobId: entry.jobId };
    for (const [key, value] of [['sku', entry.sku], ['colorway', entry.colorway], ['view', entry.view], ['category', entry.category]] as const) if (value) props[key] = value;
    const [current] = await ps.batchPlay([getXmp({ documentId: doc.id })]);
    checkResults(await ps.batchPlay([setXmp({ documentId: doc.id }, writeBrandlockXmp(xmpFromResult(current, { documentId: doc.id }), props))]), 'record which review item this is');
    return doc;
  });
}
