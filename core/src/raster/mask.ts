/**
 * Binary masks (1 = subject, 0 = background) on a pixel grid, their bounding boxes and areas.
 * Boxes are in the mask's own pixels unless a function says otherwise.
 */

export interface Mask {
  readonly width: number;
  readonly height: number;
  /** One byte a pixel, row-major: 1 inside, 0 outside. */
  readonly data: Uint8Array;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * An empty (all 0) mask.
 * @example createMask(4, 3).data.length // 12
 */
export function createMask(width: number, height: number): Mask {
  return { width, height, data: new Uint8Array(width * height) };
}

/**
 * Number of pixels set.
 * @example maskArea(createMask(4, 3)) // 0
 */
export function maskArea(mask: Mask): number {
  let n = 0;
  const d = mask.data;
  for (let i = 0; i < d.length; i++) n += d[i];
  return n;
}

/**
 * The smallest box holding every set pixel, or null for an empty mask.
 * @example maskBox(mask) // { x: 12, y: 30, width: 200, height: 310 }
 */
export function maskBox(mask: Mask): Box | null {
  const { width, height, data } = mask;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  // Each row is read from the left to its first set pixel and from the right to its last, not through:
  // QC asks for the box of one mask or another many times per image.
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = 0;
    while (first < width && !data[row + first]) first++;
    if (first === width) continue;
    let last = width - 1;
    while (!data[row + last]) last--;
    if (first < x0) x0 = first;
    if (last > x1) x1 = last;
    if (y < y0) y0 = y;
    y1 = y;
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * The share of box `a` that box `b` covers, 0..1 (how much of a garment a selection holds, how much of
 * a copy box lies over the garment).
 * @example boxCoverage({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 0, width: 10, height: 10 }) // 0.5
 */
export function boxCoverage(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return (w * h) / Math.max(1, a.width * a.height);
}

/**
 * Scales a box from a proxy grid to full resolution (factor = full pixels per proxy pixel), clamped to the image.
 * @example scaleBox({ x: 1, y: 2, width: 3, height: 4 }, 5, 100, 100) // { x: 5, y: 10, width: 15, height: 20 }
 */
export function scaleBox(box: Box, factor: number, fullWidth: number, fullHeight: number): Box {
  const x = Math.min(fullWidth, box.x * factor);
  const y = Math.min(fullHeight, box.y * factor);
  return { x, y, width: Math.min(fullWidth - x, box.width * factor), height: Math.min(fullHeight - y, box.height * factor) };
}

/**
 * Intersection over union of two masks of the same size: 1 for identical masks, 0 for disjoint ones.
 * @example maskIou(found, truth) // 0.97
 */
export function maskIou(x: Mask, y: Mask): number {
  if (x.width !== y.width || x.height !== y.height) throw new RangeError(`mask sizes differ: ${x.width}x${x.height} vs ${y.width}x${y.height}`);
  let inter = 0;
  let union = 0;
  for (let i = 0; i < x.data.length; i++) {
    const p = x.data[i];
    const q = y.data[i];
    inter += p & q;
    union += p | q;
  }
  return union === 0 ? 1 : inter / union;
}
