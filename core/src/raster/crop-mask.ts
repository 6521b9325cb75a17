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
 * A plane's values inside `box` (the plane is `width` wide).
 * @example cropPlane(lab.l, lab.width, box)
 */
export function cropPlane(plane: Float32Array, width: number, box: Box): Float32Array {
  const out = new Float32Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) out.set(plane.subarray((box.y + y) * width + box.x, (box.y + y) * width + box.x + box.width), y * box.width);
  return out;
}
