/**
 * Applies a brand LUT to one open document in one History step: as a Color Lookup adjustment layer
 * holding the DeviceLink (non-destructive), or baked into a new pixel layer through the Imaging API,
 * in horizontal bands so a 50 MP 16-bit document never needs the whole image in plugin memory.
 * Either way the layer goes on top of the stack with no selection mask (see brand-layer-position), at
 * the opacity and in the blend mode asked for: Color grades hue and saturation and leaves the image's
 * luminosity alone, Luminosity the reverse.
 */
import type { ModalContext, PsHost } from '../../ports/ps-host';
import { requireEditableRgb } from '../../errors/document-checks';
import { makeColorLookupLayer, setColorLookupContent } from '../../descriptors/color-lookup';
import { makePixelLayer, setLayerBlendMode, setLayerOpacity, type LayerBlendMode } from '../../descriptors/layers';
import { checkResults } from '../../descriptors/check-results';
import { activeLayerId, checkCancel, inHistoryStep } from '../history-step';
import { lutLayerName, type BrandLut } from './brand-lut';
import { readyForBrandLayer } from '../brand-layer-position';

/** Rows per band when baking: 512 rows of a 8000 px wide 16-bit image is about 33 MB. */
export const BAKE_BAND_ROWS = 512;

export async function applyLutToDocument(
  ps: PsHost,
  ctx: ModalContext,
  documentId: number,
  lut: BrandLut,
  options: { bake: boolean; opacity?: number; blendMode?: LayerBlendMode; signal?: AbortSignal; bandRows?: number },
): Promise<{ layerId: number; layerName: string }> {
  const { bake, signal } = options;
  const bandRows = options.bandRows ?? BAKE_BAND_ROWS;
  const doc = requireEditableRgb((await ps.documents()).find((d) => d.id === documentId)!, 'apply a LUT to');
  const layerName = lutLayerName(lut, bake);
  // Part strength: the layer's opacity, as a retoucher would dial a grade back; and its blend mode.
  const setStrengthAndMode = async (layerId: number) => {
    if (options.opacity !== undefined && options.opacity < 100) checkResults(await ps.batchPlay([setLayerOpacity(doc.id, layerId, options.opacity)]), 'set the LUT layer opacity');
    if (options.blendMode && options.blendMode !== 'normal') checkResults(await ps.batchPlay([setLayerBlendMode(doc.id, layerId, options.blendMode)]), 'set the LUT layer blend mode');
  };
  // batchPlay acts on the active document, so make this one active first.
  await ps.activateDocument(doc.id);
  return inHistoryStep(ctx, doc.id, `brandlock: ${lut.name}`, async () => {
    await readyForBrandLayer(ps, doc.id);
    if (!bake) {
      checkResults(await ps.batchPlay([makeColorLookupLayer(layerName), setColorLookupContent(lut)]), 'add the Color Lookup layer');
      const layerId = await activeLayerId(ps, doc.id);
      await setStrengthAndMode(layerId);
      return { layerId, layerName };
    }
    const depth = doc.bitsPerChannel === 8 ? 8 : 16;
    checkResults(await ps.batchPlay([makePixelLayer(layerName)]), 'add the baked LUT layer');
    const layerId = await activeLayerId(ps, doc.id);
    // Bands do not overlap, so each band's composite is read before anything is written over it.
    for (let top = 0; top < doc.height; top += bandRows) {
      checkCancel(ctx, signal, 'Baking the LUT');
      const bounds = { left: 0, top, right: doc.width, bottom: Math.min(doc.height, top + bandRows) };
      const read = await ps.getPixels({ documentId: doc.id, depth, sourceBounds: bounds });
      await ps.putPixels(doc.id, layerId, lut.bake(read.raster), { left: read.sourceBounds.left, top: read.sourceBounds.top });
    }
    await setStrengthAndMode(layerId);
    return { layerId, layerName };
  });
}
