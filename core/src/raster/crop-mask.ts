/**
 * A window of a mask or a plane: measures that only look inside a mask run on its bounding box,
 * not on the whole frame (a garment often covers a third of it).
 */
import type { Box, Mask } from './mask';

/**
 * The mask's pixels inside `box`, as a mask of the box's size.
 * @example cropMask(mask, maskBox(mask)!)
 */
export function cropMask(mask: Mask, box: Box): Mask {
  const data = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) data.set(mask.data.subarray((box.y + y) * mask.width + box.x, (box.y + y) * mask.width + box.x + box.width), y * box.width);
  return { width: box.width, height: box.height, data };
}

/**
 * `box` grown by `margin` pixels on every side, kept inside a `width` x `height` frame.
 * @example padBox({ x: 2, y: 2, width: 4, height: 4 }, 3, 100, 100) // { x: 0, y: 0, width: 9, height: 9 }
 */
export function padBox(box: Box, margin: number, width: number, height: number): Box {
  const x = Math.max(0, box.x - margin);
  const y = Math.max(0, box.y - margin);
  return { x, y, width: Math.min(width, box.x + box.width + margin) - x, height: Math.min(height, box.y + box.height + margin) - y };
}

/**
 * A `width` x `height` mask holding `part` at `at` (the box it was cropped from) and clear elsewhere:
 * the inverse of cropMask.
 * @example pasteMask(cropMask(mask, box), box, mask.width, mask.height)
 */
export function pasteMask(part: Mask, at: Box, width: number, height: number): Mask {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < at.height; y++) data.set(part.data.subarray(y * at.width, (y + 1) * at.width), (at.y + y) * width + at.x);
  return { width, height, data };
}

/**
 * A plane's values inside `box` (the plane is `width` wide).
 * @example cropPlane(lab.l, lab.width, box)
 */
export function cropPlane(plane: Float32Array, width: number, box: Box): Float32Array {
  const out = new Float32Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) out.set(plane.subarray((box.y + y) * width + box.x, (box.y + y) * width + box.x + box.width), y * box.width);
  return out;
}
