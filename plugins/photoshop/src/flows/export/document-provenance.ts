/**
 * Where the open master came from, for the variants' embedded metadata: the newest brandlock-generated
 * layer's production record (job, provider, model, seed, recipe), the QC verdict in the document's XMP,
 * and the IPTC digital source type that follows (AI-made, composite, or a photograph).
 */
import type { VariantProvenance } from '@brandlock/core/channels';
import type { PsHost } from '../../ports/ps-host';
import { checkResults } from '../../descriptors/check-results';
import { getXmp, xmpFromResult } from '../../descriptors/xmp';
import { readBrandlockXmp } from '../../xmp/brandlock-xmp';

export async function documentProvenance(ps: PsHost, documentId: number): Promise<{ provenance: VariantProvenance; sku: string | null; view: string | null }> {
  const layers = await ps.layers(documentId);
  const [docRead] = checkResults(await ps.batchPlay([getXmp({ documentId })]), 'read the document metadata');
  const doc = readBrandlockXmp(xmpFromResult(docRead, { documentId }));
  // A layer whose metadata Photoshop will not read simply has no production record.
  const layerReads = layers.length ? await ps.batchPlay(layers.map((l) => getXmp({ documentId, layerId: l.id }))) : [];
  const generated = layers.map((l, i) => readBrandlockXmp(xmpFromResult(layerReads[i], { documentId, layerId: l.id }))).find((x) => x.jobId);
  const others = layers.filter((l) => l.kind === 'pixel' || l.kind === 'smartObject').length;
  const provenance: VariantProvenance = {
    digitalSourceType: generated ? (others > 1 ? 'compositeWithTrainedAlgorithmicMedia' : 'trainedAlgorithmicMedia') : 'digitalCapture',
  };
  if (generated) {
    if (generated.jobId) provenance.jobId = generated.jobId;
    if (generated.provider) provenance.provider = generated.provider;
    if (generated.model) provenance.model = generated.model;
    if (generated.modelVersion) provenance.modelVersion = generated.modelVersion;
    if (generated.recipeHash) provenance.recipeHash = generated.recipeHash;
    if (generated.seed && /^\d{1,20}$/.test(generated.seed)) provenance.seed = generated.seed;
  }
  if (doc.qcVerdict === 'pass' || doc.qcVerdict === 'flag' || doc.qcVerdict === 'reject') provenance.qc = doc.qcVerdict;
  return { provenance, sku: generated?.sku ?? null, view: generated?.view ?? null };
}
