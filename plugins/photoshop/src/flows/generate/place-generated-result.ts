/**
 * Puts a generated image into the document as one History step: place it embedded, fit it to the
 * area it was made for, mask it to the selection when the source was a selection, name it after the
 * SKU and job, and write the job's production record into the layer's XMP.
 */
import type { Bounds, ModalContext, PsHost } from '../../ports/ps-host';
import type { FileRef } from '../../ports/ps-host';
import { placeEmbedded, renameLayer, selectLayer, transformActiveLayer } from '../../descriptors/layers';
import { maskFromSelection } from '../../descriptors/subject';
import { getXmp, setXmp, xmpFromResult } from '../../descriptors/xmp';
import { checkResults } from '../../descriptors/check-results';
import { writeBrandlockXmp, type XmpProperties } from '../../xmp/brandlock-xmp';
import { activeLayerId, inHistoryStep } from '../history-step';

export interface PlacementRequest {
  documentId: number;
  file: FileRef;
  layerName: string;
  /** Where the source pixels came from, in document pixels: the result is fitted into this box. */
  target: Bounds;
  maskToSelection: boolean;
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

export async function placeGeneratedResult(ps: PsHost, ctx: ModalContext, req: PlacementRequest): Promise<number> {
  await ps.activateDocument(req.documentId);
  return inHistoryStep(ctx, req.documentId, req.historyName, async () => {
    const [placed] = checkResults(await ps.batchPlay([placeEmbedded(await ps.sessionToken(req.file))]), 'place the generated image');
    const layerId = typeof placed.ID === 'number' ? placed.ID : await activeLayerId(ps, req.documentId);
    checkResults(await ps.batchPlay([selectLayer(req.documentId, layerId)]), 'select the placed layer');
    const bounds = (await ps.layers(req.documentId)).find((l) => l.id === layerId)?.pixelBounds;
    if (bounds && bounds.right > bounds.left) {
      const fit = fitTransform(bounds, req.target);
      if (Math.abs(fit.scale - 100) > 0.01 || Math.abs(fit.offset.x) > 0.5 || Math.abs(fit.offset.y) > 0.5) {
        checkResults(await ps.batchPlay([transformActiveLayer({ width: fit.scale, height: fit.scale }, fit.offset)]), 'fit the generated image');
      }
    }
    if (req.maskToSelection) checkResults(await ps.batchPlay([maskFromSelection()]), 'mask the generated image to the selection');
    const [current] = await ps.batchPlay([getXmp({ documentId: req.documentId, layerId })]);
    checkResults(
      await ps.batchPlay([
        renameLayer(req.documentId, layerId, req.layerName),
        setXmp({ documentId: req.documentId, layerId }, writeBrandlockXmp(xmpFromResult(current, { documentId: req.documentId, layerId }), req.xmp)),
      ]),
      'name the layer and record its production data',
    );
    return layerId;
  });
}
