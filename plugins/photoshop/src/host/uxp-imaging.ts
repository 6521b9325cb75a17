/**
 * Pixels in and out of Photoshop through the Imaging API: RGB data in sRGB at the requested depth
 * (converted to core's RGBA Raster), the selection as a grey mask, and RGBA written into a pixel layer.
 * Every PhotoshopImageData is disposed at once: plugin memory is capped (UDT warns at about 600 MB).
 */
import { imaging } from 'photoshop';
import type { Raster } from '@brandlock/core/raster';
import type { Bounds, PixelRead, PixelRequest, SelectionMask } from '../ports/ps-host';
import { toPanelError } from '../errors/host-error';
import { imagingToRaster, rasterToImaging } from '../pixels/imaging-to-raster';
import { documentBounds, fitTargetSize, selectionTo8Bit } from '../pixels/imaging-sizes';

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
    return { raster, sourceBounds: documentBounds(result.sourceBounds as Bounds, (result as { level?: number }).level ?? 0, area) };
  } finally {
    result.imageData.dispose();
  }
}

/**
 * The selection as a mask over its own box. getSelection returns "the actual bounds used" as
 * sourceBounds (ps-reference/media/imaging.md, getSelection) and, like getPixels, may trim a request
 * to the area holding data; so the request is exactly the selection's box from the DOM
 * (Document.selection.bounds, document pixels), which leaves nothing to trim, and the mask is placed
 * over that box. Without scaling, Photoshop's own answer is used when it gives one.
 */
export async function readSelectionMask(documentId: number, box: Bounds, targetSize: { width: number; height: number }): Promise<SelectionMask> {
  const size = { width: box.right - box.left, height: box.bottom - box.top };
  const scaled = size.width > targetSize.width || size.height > targetSize.height;
  const result = await (imaging as any).getSelection({ documentID: documentId, sourceBounds: box, targetSize: scaled ? fitTargetSize(size, targetSize) : undefined });
  try {
    const data = (await result.imageData.getData({ chunky: true })) as Uint8Array | Uint16Array;
    const answered = result.sourceBounds as Bounds | undefined;
    const bounds = !scaled && answered && typeof answered.left === 'number' ? answered : box;
    return { mask: selectionTo8Bit(data), width: result.imageData.width as number, height: result.imageData.height as number, bounds };
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

/** Puts a selection-shaped mask into a layer's (existing) user mask at its box, adding to what is there. */
export async function writeLayerMask(documentId: number, layerId: number, selection: SelectionMask): Promise<void> {
  const imageData = await imaging.createImageDataFromBuffer(selection.mask, {
    width: selection.width, height: selection.height, components: 1, chunky: false, colorSpace: 'Grayscale', colorProfile: 'Gray Gamma 2.2',
  } as any);
  try {
    await (imaging as any).putLayerMask({ documentID: documentId, layerID: layerId, imageData, targetBounds: { left: selection.bounds.left, top: selection.bounds.top }, replace: false });
  } finally {
    imageData.dispose();
  }
}

/**
 * Replaces the selection with a grey mask at its box: imaging.putSelection, whose `replace` (default
 * true) "discards the existing document selection", with the mask as single-component Grayscale
 * data as the Imaging API asks for masks and selections (ps-reference/media/imaging.md).
 */
export async function writeSelection(documentId: number, selection: SelectionMask): Promise<void> {
  const imageData = await imaging.createImageDataFromBuffer(selection.mask, {
    width: selection.width, height: selection.height, components: 1, chunky: false, colorSpace: 'Grayscale', colorProfile: 'Gray Gamma 2.2',
  } as any);
  try {
    await (imaging as any).putSelection({ documentID: documentId, imageData, targetBounds: { left: selection.bounds.left, top: selection.bounds.top }, replace: true });
  } finally {
    imageData.dispose();
  }
}

/**
 * A JPEG data URL for an <img>: "With the current version of UXP you must use jpeg/base64 encoding
 * when assigning to an image element" (ps-reference/media/imaging.md, encodeImageData).
 */
export async function encodeJpegDataUrl(raster: Raster): Promise<string> {
  const rgb = new Uint8Array(raster.width * raster.height * 3);
  const scale = raster.depth === 8 ? 1 : 255 / 65535;
  for (let i = 0, j = 0; i < raster.data.length; i += 4, j += 3) {
    for (let c = 0; c < 3; c++) rgb[j + c] = Math.round(raster.data[i + c] * scale);
  }
  const imageData = await imaging.createImageDataFromBuffer(rgb, { width: raster.width, height: raster.height, components: 3, chunky: true, colorSpace: 'RGB', colorProfile: SRGB } as any);
  try {
    return `data:image/jpeg;base64,${await (imaging as any).encodeImageData({ imageData, base64: true })}`;
  } finally {
    imageData.dispose();
  }
}
