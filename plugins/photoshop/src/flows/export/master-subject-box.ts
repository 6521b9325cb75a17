/**
 * Where the garment is in a master, for planning its channel crops: the selection when there is one
 * (the retoucher said so), else core's estimate on a 512 px proxy.
 */
import { estimateSubject, scaleBoxToImage, type Box } from '@brandlock/core/channels';
import type { PsHost } from '../../ports/ps-host';

export async function masterSubjectBox(ps: PsHost, documentId: number, size: { width: number; height: number }): Promise<{ box: Box; from: 'selection' | 'estimate' }> {
  const selected = await ps.selectionBounds(documentId);
  if (selected) return { box: { x: selected.left, y: selected.top, width: selected.right - selected.left, height: selected.bottom - selected.top }, from: 'selection' };
  const { raster } = await ps.getPixels({ documentId, depth: 8, targetSize: { width: 512, height: 512 } });
  return { box: scaleBoxToImage(estimateSubject(raster).box, raster, size), from: 'estimate' };
}
