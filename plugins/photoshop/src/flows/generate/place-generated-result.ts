/**
 * Puts a generated image into the document as one History step: place it embedded, fit it to the
 * area it was made for, mask it to the selection that was sent (kept from when the job started, not
 * whatever is selected when it ends), name it after the SKU and job, remove the channel that kept the
 * area while the job ran, and write the job's production
 * record into the layer's XMP. A refused metadata write does not undo the placement: a generated image
 * is not thrown away over metadata; the caller is told, with Photoshop's words, and the record stays
 * on the server.
 */
import type { Bounds, ModalContext, PsHost, SelectionMask } from '../../ports/ps-host';
import type { FileRef } from '../../ports/ps-host';
import { placeEmbedded, renameLayer, selectLayer, transformActiveLayer } from '../../descriptors/layers';
import { toPanelError } from '../../errors/host-error';
import { isCancelled } from '../../errors/panel-error';
import { getXmp, setXmp, xmpFromResult } from '../../descriptors/xmp';
import { checkResults } from '../../descriptors/check-results';
import { deleteChannel } from '../../descriptors/channels';
import { writeBrandlockXmp, type XmpProperties } from '../../xmp/brandlock-xmp';
import { activeLayerId, inHistoryStep } from '../history-step';

export interface PlacementArea {
  /** Where the source pixels came from, in document pixels: the result is fitted into this box. */
  target: Bounds;
  /** The selection the source was read from, at document resolution; null for a document or layer source. */
  mask: SelectionMask | null;
  /** The alpha channel that kept this area while the job ran; removed in the same History step, so undoing the placement brings it back. */
  channel?: string | null;
}

export interface PlacementRequest {
  documentId: number;
  file: FileRef;
  layerName: string;
  /** The area, or how to find it once the document is active and its History step open (it may need the selection). */
  area: PlacementArea | (() => Promise<PlacementArea>);
  xmp: XmpProperties;
  historyName: string;
}

/** Uniform scale (percent) and offset that fit `from` inside `to`, centred. */
export function fitTransform(from: Bounds, to: Bounds): { scale: number; offset: { x: number; y: number } } {
  const fw = from.right - from.left;
  const fh = from.bottom - from.top;
  const scale = Math.min((to.right - to.left) / fw, (to.bottom - to.top) / fh) * 100;
  const offset = { x: (to.left + to.right) / 2 - (from.left + from.right) / 2, y: (to.top + to.bottom) / 2 - (from.top + from.bottom) / 2 };
  return { scale, offset };
}

export interface Placement {
  layerId: number;
  /** Why the production record is not in the layer's metadata, when Photoshop refused it. */
  recordWarning: string | null;
}

/** In the caller's modal scope, on `req.documentId` made the active document (place-job-result.ts does it with inDocument). */
export async function placeGeneratedResult(ps: PsHost, ctx: ModalContext, req: PlacementRequest): Promise<Placement> {
  return inHistoryStep(ctx, req.documentId, req.historyName, async () => {
    const area = typeof req.area === 'function' ? await req.area() : req.area;
    const [placed] = checkResults(await ps.batchPlay([placeEmbedded(await ps.sessionToken(req.file))]), 'place the generated image');
    const layerId = typeof placed.ID === 'number' ? placed.ID : await activeLayerId(ps, req.documentId);
    checkResults(await ps.batchPlay([selectLayer(req.documentId, layerId)]), 'select the placed layer');
    const bounds = (await ps.layers(req.documentId)).find((l) => l.id === layerId)?.pixelBounds;
    if (bounds && bounds.right > bounds.left) {
      const fit = fitTransform(bounds, area.target);
      if (Math.abs(fit.scale - 100) > 0.01 || Math.abs(fit.offset.x) > 0.5 || Math.abs(fit.offset.y) > 0.5) {
        checkResults(await ps.batchPlay([transformActiveLayer({ width: fit.scale, height: fit.scale }, fit.offset)]), 'fit the generated image');
      }
    }
    if (area.mask) await ps.setLayerMask(req.documentId, layerId, area.mask);
    checkResults(await ps.batchPlay([renameLayer(req.documentId, layerId, req.layerName)]), 'name the generated layer');
    if (area.channel) checkResults(await ps.batchPlay([deleteChannel(area.channel)]), 'remove the area kept for the job');
    let recordWarning: string | null = null;
    try {
      const [current] = await ps.batchPlay([getXmp({ documentId: req.documentId, layerId })]);
      const packet = writeBrandlockXmp(xmpFromResult(current, { documentId: req.documentId, layerId }), req.xmp);
      checkResults(await ps.batchPlay([setXmp({ documentId: req.documentId, layerId }, packet)]), "write the production record into the layer's metadata");
    } catch (e) {
      const err = toPanelError(e, "write the production record into the layer's metadata");
      if (isCancelled(err) || err.code === 'modal-busy') throw err;
      recordWarning = err.message;
    }
    return { layerId, recordWarning };
  });
}
