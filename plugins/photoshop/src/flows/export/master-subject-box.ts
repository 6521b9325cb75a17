/**
 * Where the garment is in a master, for planning its channel crops: the selection when there is one
 * (the retoucher said so), else core's estimate on a 512 px proxy. A selection QC made to show a
 * finding is not a framing of the garment and is passed over (`ignored`).
 */
import { estimateSubject, scaleBoxToImage, type Box } from '@brandlock/core/channels';
import type { PsHost } from '../../ports/ps-host';
import { isFindingSelection } from '../qc/finding-selections';

export async function masterSubjectBox(ps: PsHost, documentId: number, size: { width: number; height: number }): Promise<{ box: Box; from: 'selection' | 'estimate'; ignored?: 'finding-selection' }> {
  const selected = await ps.selectionBounds(documentId);
  const findingSelection = selected !== null && isFindingSelection(documentId, selected);
  if (selected && !findingSelection) return { box: { x: selected.left, y: selected.top, width: selected.right - selected.left, height: selected.bottom - selected.top }, from: 'selection' };
  const { raster } = await ps.getPixels({ documentId, depth: 8, targetSize: { width: 512, height: 512 } });
  return { box: scaleBoxToImage(estimateSubject(raster).box, raster, size), from: 'estimate', ...(findingSelection ? { ignored: 'finding-selection' as const } : {}) };
}
