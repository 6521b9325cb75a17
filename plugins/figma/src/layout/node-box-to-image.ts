/**
 * Maps a box drawn over an image layer (in the layer's own coordinates) into image pixels, through
 * the layer's image fill: FILL (cover, centred), FIT (contain, centred) or CROP (its transform). This
 * is how a "subject" rectangle a designer draws over a photo becomes the subject box the crop uses.
 */
import type { AffineTransform, Box, Size } from '../protocol/geometry';

export interface FillGeometry {
  scaleMode: 'FILL' | 'FIT' | 'CROP' | 'TILE';
  imageTransform?: AffineTransform;
}

/** Returns null when the fill is tiled (no single mapping) or the box misses the image. */
export function nodeBoxToImage(box: Box, layer: Size, image: Size, fill: FillGeometry): Box | null {
  const t = layerToImageUnit(layer, image, fill);
  if (!t) return null;
  const map = (x: number, y: number) => {
    const u = x / layer.width;
    const v = y / layer.height;
    return { x: (t[0][0] * u + t[0][1] * v + t[0][2]) * image.width, y: (t[1][0] * u + t[1][1] * v + t[1][2]) * image.height };
  };
  const a = map(box.x, box.y);
  const b = map(box.x + box.width, box.y + box.height);
  const x0 = Math.max(0, Math.min(a.x, b.x));
  const y0 = Math.max(0, Math.min(a.y, b.y));
  const x1 = Math.min(image.width, Math.max(a.x, b.x));
  const y1 = Math.min(image.height, Math.max(a.y, b.y));
  if (!(x1 > x0 && y1 > y0)) return null;
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { x: r(x0), y: r(y0), width: r(x1 - x0), height: r(y1 - y0) };
}

function layerToImageUnit(layer: Size, image: Size, fill: FillGeometry): AffineTransform | null {
  if (fill.scaleMode === 'CROP') return fill.imageTransform ?? [[1, 0, 0], [0, 1, 0]];
  if (fill.scaleMode === 'TILE') return null;
  const layerAspect = layer.width / layer.height;
  const imageAspect = image.width / image.height;
  const cover = fill.scaleMode === 'FILL';
  let fu = 1;
  let fv = 1;
  if (cover === imageAspect > layerAspect) fu = layerAspect / imageAspect;
  else fv = imageAspect / layerAspect;
  return [[fu, 0, (1 - fu) / 2], [0, fv, (1 - fv) / 2]];
}
