/**
 * The in-memory document model of the fake Photoshop: layers top to bottom with document-sized
 * pixels and masks, a selection, alpha channels, XMP for the document and each layer, and the History panel's
 * step names. Pixel data is held at 8 or 16 bit (a 32-bit document is stored at 16 bit: the fake
 * only needs to know it is 32-bit so flows refuse it).
 */
import type { Raster } from '@brandlock/core/raster';
import type { Bounds, ColorMode, LayerKind } from '../ports/ps-host';

export interface FakeLayer {
  id: number;
  name: string;
  kind: LayerKind;
  adjustment: string | null;
  /** The adjustment's settings as set through batchPlay (Color Lookup profile bytes, curve points...). */
  settings: Record<string, unknown>;
  isBackground: boolean;
  visible: boolean;
  /** Document-sized RGBA for pixel and smart-object layers; null for adjustments. */
  pixels: Raster | null;
  /** Document-sized layer mask, 0 hides and 255 reveals; null when the layer has none. */
  mask: Uint8Array | null;
  xmp: string;
  /** Layer opacity, 0..100 (100 when absent). */
  opacity?: number;
  /** The Layers panel's blend mode, as batchPlay's blendMode enum value ("normal" when absent). */
  blendMode?: string;
  /** Pixels a layer style (drop shadow, glow) reaches beyond the layer's pixels; Photoshop's `bounds` include it. */
  effectsSpread?: number;
  /** A video layer's footage: the file it reads its frames from (Photoshop references it, it does not embed it). */
  footage?: string;
  /** When true, Photoshop refuses to write this layer's XMP (seen in the field as error -25920). */
  refusesXmp?: boolean;
}

/** An alpha channel (Channels panel, below the component channels): document-sized, 0 black .. 255 white. */
export interface FakeChannel {
  name: string;
  mask: Uint8Array;
}

export interface FakeDocument {
  id: number;
  title: string;
  width: number;
  height: number;
  mode: ColorMode;
  bitsPerChannel: 8 | 16 | 32;
  resolution: number;
  profile: string;
  path: string | null;
  layers: FakeLayer[];
  activeLayerIds: number[];
  /** Document-sized selection, 0..255; null when nothing is selected. */
  selection: Uint8Array | null;
  /** Alpha channels in the Channels panel's order; names need not be unique, as in Photoshop. */
  channels: FakeChannel[];
  xmp: string;
  /** When true, Photoshop refuses to write this document's XMP. */
  refusesXmp?: boolean;
  /** When true, Photoshop refuses to write the XMP of any layer of this document. */
  refusesLayerXmp?: boolean;
  /** History panel step names, oldest first. */
  history: string[];
}

/** A deep copy for history snapshots (resumeHistory with commit=false restores one). */
export function cloneDocument(doc: FakeDocument): FakeDocument {
  const copyRaster = (r: Raster | null): Raster | null => (r ? { ...r, data: r.data.slice() } : null);
  return {
    ...doc,
    layers: doc.layers.map((l) => ({ ...l, settings: structuredClone(l.settings), pixels: copyRaster(l.pixels), mask: l.mask ? l.mask.slice() : null })),
    activeLayerIds: [...doc.activeLayerIds],
    selection: doc.selection ? doc.selection.slice() : null,
    channels: doc.channels.map((c) => ({ name: c.name, mask: c.mask.slice() })),
    history: [...doc.history],
  };
}

/** The bounding box of a layer's visible pixels (alpha and mask), as Photoshop reports layer bounds. */
export function layerBounds(doc: FakeDocument, layer: FakeLayer): Bounds {
  if (!layer.pixels) return { left: 0, top: 0, right: doc.width, bottom: doc.height };
  const { data, width, height } = layer.pixels;
  return boxWhere(width, height, (i) => data[i * 4 + 3] !== 0 && !(layer.mask && layer.mask[i] === 0)) ?? { left: 0, top: 0, right: 0, bottom: 0 };
}

/** The box of the pixels `keep` holds (by index, row-major), or null when none. */
function boxWhere(width: number, height: number, keep: (i: number) => boolean): Bounds | null {
  let left = width;
  let top = height;
  let right = 0;
  let bottom = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!keep(y * width + x)) continue;
      if (x < left) left = x;
      if (x >= right) right = x + 1;
      if (y < top) top = y;
      if (y >= bottom) bottom = y + 1;
    }
  }
  return right > left ? { left, top, right, bottom } : null;
}

/** The box of a raster's non-transparent pixels: where Photoshop holds pixel data for it. */
export function pixelDataBox(r: Raster): Bounds {
  return boxWhere(r.width, r.height, (i) => r.data[i * 4 + 3] !== 0) ?? { left: 0, top: 0, right: 0, bottom: 0 };
}

export function intersectBounds(a: Bounds, b: Bounds): Bounds {
  return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
}

/** The bounding box of a selection mask, or null when empty. */
export function selectionBox(doc: FakeDocument): Bounds | null {
  const selection = doc.selection;
  return selection ? boxWhere(doc.width, doc.height, (i) => selection[i] >= 128) : null;
}
