/**
 * The selections QC makes to show a retoucher a finding ("Select this region"): they mark a defect
 * (a halo, a clipped spot), not the garment. Export frames its channel crops on the retoucher's own
 * selection, so one of these left behind would crop every channel round a flaw; Export asks here and
 * frames on the garment instead. Remembered per document for as long as the panel runs.
 */
import type { Bounds } from '../../ports/ps-host';

const made = new Map<number, Bounds>();

export function rememberFindingSelection(documentId: number, bounds: Bounds): void {
  made.set(documentId, { ...bounds });
}

/** True when the document's selection is the one QC made for a finding (the same rectangle). */
export function isFindingSelection(documentId: number, bounds: Bounds): boolean {
  const m = made.get(documentId);
  return Boolean(m && m.left === bounds.left && m.top === bounds.top && m.right === bounds.right && m.bottom === bounds.bottom);
}
