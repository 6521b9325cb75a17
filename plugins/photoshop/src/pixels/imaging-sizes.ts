/** What the Imaging API needs asked and gives back differently from what the panel's port promises. */
import type { Bounds } from '../ports/ps-host';

/**
 * The Imaging API's targetSize with one side only: given both, Photoshop returns exactly that size
 * (squashing the image); given one, it scales the other proportionally. The port asks for "fit inside".
 */
export function fitTargetSize(area: { width: number; height: number }, target: { width: number; height: number }): { width: number } | { height: number } {
  return area.width / area.height >= target.width / target.height ? { width: Math.min(target.width, area.width) } : { height: Math.min(target.height, area.height) };
}

/**
 * getPixels' sourceBounds in document pixels. Photoshop trims the request to the area holding pixel
 * data, and answers "relative to the bounds of the source cache level (not relative to the full
 * resolution bounds)", level n being 1/2^n of full size (ps-reference/media/imaging.md, getPixels).
 * Scaled back, an edge can land a pixel outside what was asked; it is kept to the request.
 */
export function documentBounds(answered: Bounds, level: number, asked: Bounds): Bounds {
  const k = 2 ** level;
  return {
    left: Math.max(asked.left, answered.left * k), top: Math.max(asked.top, answered.top * k),
    right: Math.min(asked.right, answered.right * k), bottom: Math.min(asked.bottom, answered.bottom * k),
  };
}

/** A selection of a 16-bit document comes back as 0..32768 in a Uint16Array; the port's mask is 0..255. */
export function selectionTo8Bit(data: Uint8Array | Uint16Array): Uint8Array {
  if (data instanceof Uint8Array) return new Uint8Array(data);
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = Math.min(255, Math.round((data[i] * 255) / 32768));
  return out;
}
