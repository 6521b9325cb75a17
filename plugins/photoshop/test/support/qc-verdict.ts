/**
 * Gives a fake document a QC verdict as the QC tab records it: the verdict and its properties in the
 * XMP, with the fingerprint of the pixels judged (what Export compares before it writes anything).
 */
import type { FakePhotoshop } from '../../src/fake-host/fake-photoshop';
import { qcPixelsOf } from '../../src/flows/qc/qc-pixels';
import { writeBrandlockXmp, type XmpProperties } from '../../src/xmp/brandlock-xmp';

export async function giveQcVerdict(ps: FakePhotoshop, documentId: number, props: XmpProperties): Promise<void> {
  const doc = (await ps.documents()).find((d) => d.id === documentId);
  if (!doc) throw new Error(`no document ${documentId}`);
  ps.doc(documentId).xmp = writeBrandlockXmp('', { ...props, qcPixels: await qcPixelsOf(ps, doc) });
}
