/**
 * Binary morphology with square structuring elements: dilate, erode, open, close. Each axis is one
 * forward and one backward sweep recording the distance to the nearest set pixel, so the cost does
 * not grow with the radius. Erosion is the dilation of the complement, with everything beyond the
 * frame counting as set: a subject touching the edge of the picture keeps that edge.
 */
import { maskBox, type Mask } from './mask';
import { cropMask, padBox, pasteMask } from './crop-mask';

const FAR = 0xffff;
/**
 * Working planes are reused from call to call up to this many pixels (QC runs a dozen morphologies per
 * image on its proxy grid; each allocated its working planes afresh, for the collector to free). Larger
 * masks get their own, so a one-off full-resolution call does not keep its planes alive.
 */
const SCRATCH_MAX = 4_000_000;
let scratch8 = new Uint8Array(0);
let scratch16 = new Uint16Array(0);

/** A plane of n bytes to overwrite completely (its old contents are not cleared). */
function bytePlane(n: number): Uint8Array {
  if (n > SCRATCH_MAX) return new Uint8Array(n);
  if (scratch8.length < n) scratch8 = new Uint8Array(n);
  return scratch8.subarray(0, n);
}

/** A plane of n 16-bit distances to overwrite completely. */
function distancePlane(n: number): Uint16Array {
  if (n > SCRATCH_MAX) return new Uint16Array(n);
  if (scratch16.length < n) scratch16 = new Uint16Array(n);
  return scratch16.subarray(0, n);
}

function dilateRows(src: Uint8Array, dst: Uint8Array, width: number, height: number, r: number, invert: number): void {
  const left = new Uint16Array(width);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let d = FAR;
    for (let x = 0; x < width; x++) {
      d = (src[row + x] ^ invert) !== 0 ? 0 : d === FAR ? FAR : d + 1;
      left[x] = d;
    }
    d = FAR;
    for (let x = width - 1; x >= 0; x--) {
      d = (src[row + x] ^ invert) !== 0 ? 0 : d === FAR ? FAR : d + 1;
      dst[row + x] = left[x] <= r || d <= r ? 1 : 0;
    }
  }
}

function dilateCols(src: Uint8Array, dst: Uint8Array, width: number, height: number, r: number): void {
  const up = distancePlane(width * height);
  const run = new Uint16Array(width).fill(FAR);
  for (let y = 0, p = 0; y < height; y++) {
    for (let x = 0; x < width; x++, p++) {
      const d = src[p] !== 0 ? 0 : run[x] === FAR ? FAR : run[x] + 1;
      run[x] = d;
      up[p] = d;
    }
  }
  run.fill(FAR);
  for (let y = height - 1; y >= 0; y--) {
    for (let x = 0, p = y * width; x < width; x++, p++) {
      const d = src[p] !== 0 ? 0 : run[x] === FAR ? FAR : run[x] + 1;
      run[x] = d;
      dst[p] = up[p] <= r || d <= r ? 1 : 0;
    }
  }
}

// Radius 1 (the common clean-up) as two direct 3-tap passes: OR for dilation, AND for erosion.
function morph3(mask: Mask, erode: boolean): Mask {
  const { width, height, data } = mask;
  const tmp = bytePlane(data.length);
  const out = new Uint8Array(data.length);
  const edge = erode ? 1 : 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const l = x > 0 ? data[row + x - 1] : edge;
      const r = x < width - 1 ? data[row + x + 1] : edge;
      tmp[row + x] = erode ? l & data[row + x] & r : l | data[row + x] | r;
    }
  }
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const up = y > 0 ? row - width : -1;
    const down = y < height - 1 ? row + width : -1;
    for (let x = 0; x < width; x++) {
      const u = up >= 0 ? tmp[up + x] : edge;
      const d = down >= 0 ? tmp[down + x] : edge;
      out[row + x] = erode ? u & tmp[row + x] & d : u | tmp[row + x] | d;
    }
  }
  return { width, height, data: out };
}

function morph(mask: Mask, r: number, erode: boolean): Mask {
  const { width, height } = mask;
  if (r <= 0) return { width, height, data: mask.data.slice() };
  // Only pixels within r of the mask's box can be set after either operation: the rest of the frame
  // is read once, to find the box, and left clear. The window reaches r past the box, so every set
  // pixel's neighbourhood lies in it or beyond the frame: the result is the whole frame's.
  const box = maskBox(mask);
  if (!box) return { width, height, data: new Uint8Array(width * height) };
  const win = padBox(box, r, width, height);
  if (win.width * win.height > 0.7 * width * height) return morphFrame(mask, r, erode);
  return pasteMask(morphFrame(cropMask(mask, win), r, erode), win, width, height);
}

function morphFrame(mask: Mask, r: number, erode: boolean): Mask {
  const { width, height } = mask;
  if (r === 1) return morph3(mask, erode);
  const tmp = bytePlane(mask.data.length);
  const out = new Uint8Array(mask.data.length);
  dilateRows(mask.data, tmp, width, height, r, erode ? 1 : 0);
  dilateCols(tmp, out, width, height, r);
  if (erode) for (let i = 0; i < out.length; i++) out[i] ^= 1;
  return { width, height, data: out };
}

/**
 * Grows the mask by r pixels (square element of side 2r+1).
 * @example dilateMask(mask, 2)
 */
export function dilateMask(mask: Mask, r: number): Mask {
  return morph(mask, r, false);
}

/**
 * Shrinks the mask by r pixels; the image border counts as inside, so frame-touching subjects keep their edge.
 * @example erodeMask(mask, 1)
 */
export function erodeMask(mask: Mask, r: number): Mask {
  return morph(mask, r, true);
}

/**
 * Erode then dilate: removes specks and threads thinner than 2r+1.
 * @example openMask(mask, 1) // without one-pixel specks
 */
export function openMask(mask: Mask, r: number): Mask {
  return dilateMask(erodeMask(mask, r), r);
}

/**
 * Dilate then erode: closes gaps and notches narrower than 2r+1.
 * @example closeMask(mask, 1) // one-pixel gaps closed
 */
export function closeMask(mask: Mask, r: number): Mask {
  return erodeMask(dilateMask(mask, r), r);
}
