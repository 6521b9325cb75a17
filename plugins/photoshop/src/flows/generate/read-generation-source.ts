/**
 * Reads what the retoucher sends to a generate job: the whole document, the active layer, or the
 * selection's bounding box, as 8-bit RGBA at most `maxSide` pixels on the long side (Photoshop
 * answers smaller sizes from its cached pyramid, so this is fast even on a 50 MP master).
 */
import type { Raster } from '@brandlock/core/raster';
import type { Bounds, DocumentInfo, PsHost, SelectionMask } from '../../ports/ps-host';
import { PanelError } from '../../errors/panel-error';

export type GenerationSource = 'document' | 'layer' | 'selection';

export interface SourcePixels {
  raster: Raster;
  /**
   * The document area the pixels cover, as Photoshop answered it: getPixels trims the request to where
   * there is pixel data (empty canvas round a cut-out), and the result is fitted back into this area.
   */
  bounds: Bounds;
  /** For a layer source: which layer. */
  layerId: number | null;
  /** For a selection source: the selection itself at document resolution, to mask the result with. */
  mask: SelectionMask | null;
}

export async function readGenerationSource(ps: PsHost, doc: DocumentInfo, source: GenerationSource, maxSide: number): Promise<SourcePixels> {
  let bounds: Bounds = { left: 0, top: 0, right: doc.width, bottom: doc.height };
  let layerId: number | null = null;
  if (source === 'selection') {
    const selected = await ps.selectionBounds(doc.id);
    if (!selected) {
      throw new PanelError('bad-input', `Nothing is selected in "${doc.title}".`, 'Make a selection around the area to send (or choose Document), then try again.');
    }
    bounds = selected;
  } else if (source === 'layer') {
    const [layer] = await ps.activeLayers(doc.id);
    if (!layer || (layer.kind !== 'pixel' && layer.kind !== 'smartObject')) {
      throw new PanelError('bad-input', `The active layer${layer ? ` "${layer.name}"` : ''} has no pixels to send.`, 'Select a pixel or smart-object layer in the Layers panel, then try again.');
    }
    layerId = layer.id;
    bounds = layer.pixelBounds;
    if (bounds.right <= bounds.left || bounds.bottom <= bounds.top) {
      throw new PanelError('bad-input', `The layer "${layer.name}" is empty.`, 'Select a layer with pixels on it, then try again.');
    }
  }
  const w = bounds.right - bounds.left;
  const h = bounds.bottom - bounds.top;
  const scale = Math.min(1, maxSide / Math.max(w, h));
  const read = await ps.getPixels({
    documentId: doc.id,
    layerId: layerId ?? undefined,
    sourceBounds: bounds,
    targetSize: scale < 1 ? { width: Math.round(w * scale), height: Math.round(h * scale) } : undefined,
    depth: 8,
  });
  // The result is masked with this selection when it comes back, whatever is selected by then.
  const mask = source === 'selection' ? await ps.getSelectionMask(doc.id, { width: w, height: h }) : null;
  return { raster: read.raster, bounds: read.sourceBounds, layerId, mask };
}
