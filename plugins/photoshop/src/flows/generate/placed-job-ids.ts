/** The jobs whose results are already layers of a document (their layer XMP names the job). */
import type { PsHost } from '../../ports/ps-host';
import { getXmp, xmpFromResult } from '../../descriptors/xmp';
import { readBrandlockXmp } from '../../xmp/brandlock-xmp';

export async function placedJobIds(ps: PsHost, documentId: number): Promise<Set<string>> {
  const layers = await ps.layers(documentId);
  if (!layers.length) return new Set();
  const reads = await ps.batchPlay(layers.map((l) => getXmp({ documentId, layerId: l.id })));
  const ids = layers.map((l, i) => readBrandlockXmp(xmpFromResult(reads[i], { documentId, layerId: l.id })).jobId).filter((id): id is string => Boolean(id));
  return new Set(ids);
}
