/**
 * Pixels in and out of Photoshop through the Imaging API: RGB data in sRGB at the requested depth
 * (converted to core's RGBA Raster), the selection as a grey mask, and RGBA written into a pixel layer.
 * Every PhotoshopImageData is disposed at once: plugin memory is capped (UDT warns at about 600 MB).
 */
import { imaging } from 'photoshop';
import type { Raster } from '@brandlock/core/raster';
import type { Bounds, PixelRead, PixelRequest } from '../ports/ps-host';
import { toPanelError } from '../errors/host-error';
import { imagingToRaster, rasterToImaging } from '../pixels/imaging-to-raster';
import { fitTargetSize, selectionTo8Bit } from '../pixels/imaging-sizes';

const SRGB = 'sRGB IEC61966-2.1';

/** `docSize` is the document's size in pixels (for the area read when no sourceBounds is given). */
export async function readPixels(req: PixelRequest, docSize: { width: number; height: number }): Promise<PixelRead> {
  if (!imaging) throw toPanelError(new Error('the Imaging API is not available in this Photoshop (it needs 24.4 or newer)'), 'read the pixels');
  const area = req.sourceBounds ?? { left: 0, top: 0, right: docSize.width, bottom: docSize.height };
  const targetSize = req.targetSize ? fitTargetSize({ width: area.right - area.left, height: area.bottom - area.top }, req.targetSize) : undefined;
  const result = await imaging.getPixels({
    documentID: req.documentId, layerID: req.layerId, sourceBounds: req.sourceBounds, targetSize,
    componentSize: req.depth, colorSpace: 'RGB', colorProfile: SRGB,
  } as any);
  try {
    const data = await result.imageData.getData({ chunky: true } as any);
    const raster = imagingToRaster({
      width: result.imageData.width, height: result.imageData.height, components: result.imageData.components as 3 | 4,
      componentSize: req.depth, data: data as Uint8Array | Uint16Array, fullRange: false,
    });
    // With a targetSize, Photoshop's sourceBounds are in the pyramid level's pixels; the port wants document pixels.
    return { raster, sourceBounds: targetSize ? area : (result.sourceBounds as Bounds) };
  } finally {
    result.imageData.dispose();
  }
}

export async function readSelectionMask(documentId: number, size: { width: number; height: number }, targetSize: { width: number; height: number }) {
  const result = await (imaging as any).getSelection({ documentID: documentId, sourceBounds: { left: 0, top: 0, right: size.width, bottom: size.height }, targetSize: fitTargetSize(size, targetSize) });
  try {
    const data = (await result.imageData.getData({ chunky: true })) as Uint8Array | Uint16Array;
    return { mask: selectionTo8Bit(data), width: result.imageData.width as number, height: result.imageData.height as number };
  } finally {
    result.imageData.dispose();
  }
}

export async function writePixels(documentId: number, layerId: number, raster: Raster, at: { left: number; top: number }): Promise<void> {
  const buf = rasterToImaging(raster);
  const imageData = await imaging.createImageDataFromBuffer(buf.data, {
    width: buf.width, height: buf.height, components: 4, chunky: true, colorSpace: 'RGB', colorProfile: SRGB,
  } as any);
  try {
    // replace: false keeps what earlier bands wrote; with true Photoshop discards the layer's pixels first.
    await imaging.putPixels({ documentID: documentId, layerID: layerId, imageData, targetBounds: at, replace: false } as any);
  } finally {
    imageData.dispose();
  }
}

