/** The brandlock properties in an open document's XMP ({} when it has none or Photoshop will not say). */
import type { PsHost } from '../../ports/ps-host';
import { getXmp, xmpFromResult } from '../../descriptors/xmp';
import { readBrandlockXmp, type XmpProperties } from '../../xmp/brandlock-xmp';

export async function readDocumentXmp(ps: PsHost, documentId: number): Promise<XmpProperties> {
  const [result] = await ps.batchPlay([getXmp({ documentId })]);
  return readBrandlockXmp(xmpFromResult(result, { documentId }));
}
