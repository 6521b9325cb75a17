/**
 * How far each fabric pixel is from a blown highlight, in units of the highlight's lobe: the swatch is
 * read outside the lobes (a specular lobe changes the light on the fabric, not the fabric's colour).
 * The lobe is read on fabricMask's fabric, so a print the light falls across is not taken for it.
 */
import { maskBox, type Box } from '../../raster/mask';
import type { QcImage } from '../qc-image';
import { memoized } from '../qc-image';
import { centreOf, highlightMasks, type BlownRegion } from './clipping-mask';
import { fabricMask } from './fabric-mask';

/**
 * How far each proxy pixel is from the nearest highlight, in units of that highlight's lobe (the
 * distance from its centre over which its light lifts the fabric): below 1 inside the lobe, 2 twice as
 * far out (Infinity outside the subject's box); null when there is no highlight.
 *
 * A lobe ends where the fabric stops getting darker going out from the highlight: the fabric's mean
 * lightness ring by ring (prints and logos left out) comes within GLOW_TOLERANCE of the darkest it
 * gets farther out. It is read out to LOBE_RADII times the blown region's radius, past which a
 * fabric getting darker is shading, not the highlight's light.
 * @example highlightReach(image)?.[i] // 1.4: 1.4 lobes out from a highlight
 */
export function highlightReach(image: QcImage): Float32Array | null {
  return memoized(image, 'highlight-reach', () => reachOf(image));
}

// Named functions, not a closure made afresh per image (V8 optimised each new closure's loops again).
function reachOf(image: QcImage): Float32Array | null {
  const lobes = highlightMasks(image).regions.filter((r) => r.highlight);
  if (!lobes.length) return null;
  const { width, height } = image.subject.mask;
  const box = maskBox(image.subject.mask)!;
  // Squared distances first, over the subject's box only (the fabric lies inside it); one root at the end.
  const reach = new Float32Array(width * height).fill(Infinity);
  for (const r of lobes) {
    const { cx, cy, lobe } = lobeOf(image, r);
    nearer(reach, width, box, cx, cy, 1 / (lobe * lobe));
  }
  rootsOf(reach, width, box);
  return reach;
}

/** Keeps in `reach` each box pixel's smaller squared distance: the one it has, or the scaled one from (cx, cy). */
function nearer(reach: Float32Array, width: number, box: Box, cx: number, cy: number, scale: number): void {
  for (let y = box.y; y < box.y + box.height; y++) {
    const dy2 = (y - cy) ** 2;
    for (let x = box.x, p = y * width + x; x < box.x + box.width; x++, p++) {
      const d2 = ((x - cx) ** 2 + dy2) * scale;
      if (d2 < reach[p]) reach[p] = d2;
    }
  }
}

function rootsOf(reach: Float32Array, width: number, box: Box): void {
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x, p = y * width + x; x < box.x + box.width; x++, p++) reach[p] = Math.sqrt(reach[p]);
  }
}

/** How far out a highlight's lobe is read, in radii of the blown region. */
const LOBE_RADII = 4;
/** A ring within this (L*) of the darkest fabric farther out is past the lobe. */
const GLOW_TOLERANCE = 1;

/** A highlight's centre (the blown pixels' centroid) and its lobe's radius, proxy pixels. */
function lobeOf(image: QcImage, r: BlownRegion): { cx: number; cy: number; lobe: number } {
  const { width, height } = image.subject.mask;
  const blown = highlightMasks(image).highlights.data;
  const { cx, cy } = centreOf(blown, width, r);
  const radius = Math.sqrt(r.area / Math.PI);
  const far = Math.ceil(LOBE_RADII * radius) + 2;
  const fabric = fabricMask(image)?.mask.data;
  const L = image.lab.l;
  const sum = new Float64Array(far + 1);
  const count = new Uint32Array(far + 1);
  for (let y = Math.max(0, Math.floor(cy - far)); y < Math.min(height, Math.ceil(cy + far + 1)); y++) {
    for (let x = Math.max(0, Math.floor(cx - far)), p = y * width + x; x < Math.min(width, Math.ceil(cx + far + 1)); x++, p++) {
      if (!fabric?.[p] || blown[p]) continue;
      const d = Math.round(Math.hypot(x - cx, y - cy));
      if (d > far) continue;
      sum[d] += L[p];
      count[d]++;
    }
  }
  const rings: { d: number; l: number }[] = [];
  for (let d = 0; d <= far; d++) if (count[d] >= 3) rings.push({ d, l: sum[d] / count[d] });
  let end = Math.max(1, radius);
  let darkest = Infinity;
  for (let k = rings.length - 1; k >= 0; k--) {
    darkest = Math.min(darkest, rings[k].l);
    if (rings[k].l - darkest > GLOW_TOLERANCE) {
      end = Math.max(end, rings[k].d + 1);
      break;
    }
  }
  return { cx, cy, lobe: end };
}

