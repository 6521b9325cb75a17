/**
 * Whole-document operations of the fake Photoshop (Image > Crop, Image Size, Canvas Size, Flatten,
 * Convert to sRGB 8-bit), applied to every layer, mask, alpha channel and the selection; Flatten keeps
 * the alpha channels, as Photoshop does.
 */
import type { Raster } from '@brandlock/core/raster';
import type { Bounds } from '../ports/ps-host';
import type { FakeDocument, FakeLayer } from './fake-document';
import { compositeDocument, convertDepth, cropRaster, resampleRaster } from './fake-render';

function mapMask(mask: Uint8Array | null, doc: FakeDocument, f: (r: Raster) => Raster): Uint8Array | null {
  if (!mask) return null;
  const asRaster: Raster = { width: doc.width, height: doc.height, depth: 8, data: new Uint8Array(mask.length * 4) };
  for (let i = 0; i < mask.length; i++) asRaster.data[i * 4] = asRaster.data[i * 4 + 3] = mask[i];
  const out = f(asRaster);
  const m = new Uint8Array(out.width * out.height);
  for (let i = 0; i < m.length; i++) m[i] = out.data[i * 4];
  return m;
}

function mapGeometry(doc: FakeDocument, width: number, height: number, f: (r: Raster) => Raster): void {
  for (const layer of doc.layers) {
    if (layer.pixels) layer.pixels = f(layer.pixels);
    layer.mask = mapMask(layer.mask, doc, f);
  }
  doc.selection = mapMask(doc.selection, doc, f);
  // Image Size, Crop and Canvas Size resample, cut or extend alpha channels with the image (new canvas is black: not selected).
  for (const channel of doc.channels) channel.mask = mapMask(channel.mask, doc, f)!;
  doc.width = width;
  doc.height = height;
}

export function cropDocument(doc: FakeDocument, b: Bounds): void {
  const w = b.right - b.left;
  const h = b.bottom - b.top;
  mapGeometry(doc, w, h, (r) => cropRaster(r, b.left, b.top, w, h));
}

export function resizeDocument(doc: FakeDocument, width: number, height: number): void {
  mapGeometry(doc, width, height, (r) => resampleRaster(r, width, height));
}

export function padCanvas(doc: FakeDocument, pad: { top: number; right: number; bottom: number; left: number }, fill: string): void {
  const width = doc.width + pad.left + pad.right;
  const height = doc.height + pad.top + pad.bottom;
  const background = doc.layers.find((l) => l.isBackground);
  mapGeometry(doc, width, height, (r) => cropRaster(r, -pad.left, -pad.top, width, height));
  if (background?.pixels) {
    const hex = /^#([0-9a-f]{6})$/i.exec(fill);
    if (!hex) throw new Error(`FakePhotoshop: canvas fill must be #rrggbb, got "${fill}"`);
    const n = parseInt(hex[1], 16);
    const rgb = [(n >> 16) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
    const max = background.pixels.depth === 8 ? 255 : 65535;
    const p = background.pixels.data;
    for (let i = 0; i < p.length; i += 4) {
      if (p[i + 3] !== 0) continue;
      for (let c = 0; c < 3; c++) p[i + c] = Math.round(rgb[c] * max);
      p[i + 3] = max;
    }
  }
}

export function flattenDocument(doc: FakeDocument, newId: number): void {
  const pixels = compositeDocument(doc);
  const layer: FakeLayer = {
    id: newId, name: 'Background', kind: 'pixel', adjustment: null, settings: {}, isBackground: true, visible: true, pixels, mask: null, xmp: '',
  };
  doc.layers = [layer];
  doc.activeLayerIds = [newId];
}

export function convertToSrgb8(doc: FakeDocument): void {
  for (const layer of doc.layers) if (layer.pixels) layer.pixels = convertDepth(layer.pixels, 8);
  doc.bitsPerChannel = 8;
  doc.profile = 'sRGB IEC61966-2.1';
}
