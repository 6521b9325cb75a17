/**
 * Lays a selection mask (which covers only the selection's box, as Photoshop returns it) onto a
 * raster of the whole document at any size: 1 where the raster pixel's centre is selected (at least
 * half), 0 elsewhere.
 */
import type { Raster } from '@brandlock/core/raster';
import type { SelectionMask } from '../ports/ps-host';

export function selectionOnRaster(selection: SelectionMask, doc: { width: number; height: number }, raster: Pick<Raster, 'width' | 'height'>): Uint8Array {
  const out = new Uint8Array(raster.width * raster.height);
  const { bounds, mask, width, height } = selection;
  const bw = bounds.right - bounds.left;
  const bh = bounds.bottom - bounds.top;
  if (bw <= 0 || bh <= 0) return out;
  for (let y = 0; y < raster.height; y++) {
    const docY = ((y + 0.5) * doc.height) / raster.height;
    if (docY < bounds.top || docY >= bounds.bottom) continue;
    const my = Math.min(height - 1, Math.floor(((docY - bounds.top) * height) / bh));
    for (let x = 0; x < raster.width; x++) {
      const docX = ((x + 0.5) * doc.width) / raster.width;
      if (docX < bounds.left || docX >= bounds.right) continue;
      const mx = Math.min(width - 1, Math.floor(((docX - bounds.left) * width) / bw));
      out[y * raster.width + x] = mask[my * width + mx] >= 128 ? 1 : 0;
    }
  }
  return out;
}
