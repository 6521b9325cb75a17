/**
 * The swatch: the one colour QC reads a garment as, and the one a lock pins from an approved photo.
 * Both sides are measured by this function, so a garment that matches its reference reads ΔE00 0.
 *
 * Definition (version `brandlock-swatch/1`): the colour of the garment's dominant fabric where it
 * faces the light. Take the dominant fabric (see fabricMask: prints, logos, trims, clipped pixels and
 * the outline left out); average its lightness over a small neighbourhood (1.2% of the garment's
 * size) so that shading (broad) is told from weave and grain (fine); keep the pixels whose averaged
 * lightness lies between the median and the 90th percentile (the lit half of the fabric, without
 * sheen); the swatch is their component-wise interquartile mean Lab (CIELAB D65: the mean of the
 * middle half of each component, robust like a median but not stepping between 8-bit code values).
 * A fold darkens the lower half, not the swatch; a flat, evenly lit fabric reads as its middle.
 * Fabric inside a blown highlight's lobe (as far out as it lightens the fabric, see highlightReach)
 * is left out: the lobe is light, not dye; when the lobes cover over three quarters of the fabric, the
 * swatch is read on the quarter farthest from them.
 */
import type { Lab } from '../../color/lab';
import { labToSrgb } from '../../color/lab';
import type { Raster } from '../../raster/raster';
import { maskArea, maskBox, type Mask } from '../../raster/mask';
import { maskedBoxMean } from '../../raster/masked-box-mean';
import { cropMask, cropPlane } from '../../raster/crop-mask';
import { deepestPoint } from '../../raster/distance-transform';
import { memoized, prepareQcImage, type PrepareOptions, type QcImage } from '../qc-image';
import { addToHistogram, createHistogram, interquartileMean, quantile } from './histogram';
import { fabricMask } from './fabric-mask';
import { highlightReach } from './highlight-reach';

/** The version of the definition above; a pinned swatch records it. */
export const SWATCH_MEASURE_VERSION = 'brandlock-swatch/1';

export interface SwatchMeasure {
  /** The swatch, CIELAB D65. */
  lab: Lab;
  /** The swatch as 8-bit sRGB hex (clamped into gamut). */
  hex: string;
  /** Where to put the eyedropper: the point deepest inside the lit fabric, full-resolution pixels. */
  point: { x: number; y: number };
  /** Lit-fabric pixels the median was taken over (proxy grid). */
  pixels: number;
  /** Dominant fabric over the garment's measurable pixels (0..1); below 0.3 no colour dominates. */
  fabricShare: number;
  /** Mean L* over the whole fabric (lit and shaded): exposure against a lighting target. */
  fabricMeanL: number;
  /** The averaged-lightness band of the lit half, L*. */
  litBand: { low: number; high: number };
  measure: typeof SWATCH_MEASURE_VERSION;
}

const SMOOTHING = 0.012;
/** The lit half of the fabric, without sheen: quantiles of its averaged lightness. */
const LIT = [0.5, 0.9] as const;
/** Fabric nearer a highlight than this many of its lobe's radii is lit by it (see highlightReach). */
const IN_LOBE = 1;
/** The share of the fabric the swatch is read on when a highlight's lobe covers more. */
const FAR_SHARE = 0.25;

/**
 * The swatch of a prepared image, or null when it has no measurable fabric.
 * @example measureSwatch(prepareQcImage(raster))?.lab // { l: 52.4, a: 61.2, b: 45.0 }
 */
export function measureSwatch(image: QcImage): SwatchMeasure | null {
  return memoized(image, 'swatch', () => compute(image));
}

/**
 * The swatch of a raster (segmented here, or inside `options.subjectMask`), measured as QC measures it.
 * @example measureRasterSwatch(raster, { subjectMask })?.hex // '#c23b2e'
 */
export function measureRasterSwatch(raster: Raster, options: PrepareOptions = {}): SwatchMeasure | null {
  return measureSwatch(prepareQcImage(raster, options));
}

/** Same as measureSwatch: the name QC's garment colour had before the swatch was defined. */
export const measureGarmentColor = measureSwatch;

/**
 * The swatch of each rival colour cluster (another garment at least half the fabric's size), measured
 * by the same definition as if it were the fabric.
 * @example measureRivalSwatches(image)[0]?.lab // the black outfit next to a red tote
 */
export function measureRivalSwatches(image: QcImage): SwatchMeasure[] {
  return memoized(image, 'rival-swatches', () => (fabricMask(image)?.rivals ?? []).flatMap((r) => swatchOn(image, r.mask, r.share) ?? []));
}

function compute(image: QcImage): SwatchMeasure | null {
  const fabric = fabricMask(image);
  if (!fabric) return null;
  const reach = highlightReach(image);
  if (!reach) return swatchOn(image, fabric.mask, fabric.share);
  // Fabric lit by a specular highlight is read outside the highlight's lobe. A hotspot whose glow
  // lights most of a garment leaves too little there (under a quarter of the fabric): the swatch is
  // then read on the quarter of the fabric farthest from it, which the light reaches least.
  const area = maskArea(fabric.mask);
  let kept = 0;
  for (let i = 0; i < reach.length; i++) if (fabric.mask.data[i] && reach[i] > IN_LOBE) kept++;
  const far = kept >= FAR_SHARE * area ? null : farthestShare(reach, fabric.mask.data, FAR_SHARE);
  const data = fabric.mask.data.slice();
  for (let i = 0; i < data.length; i++) if (far === null ? reach[i] <= IN_LOBE : reach[i] < far) data[i] = 0;
  const away = { ...fabric.mask, data };
  return maskArea(away) >= 12 ? swatchOn(image, away, fabric.share) : swatchOn(image, fabric.mask, fabric.share);
}

/**
 * The definition's statistic (the lit half's interquartile mean Lab) on a fabric region already
 * chosen, on the proxy grid: what measureSwatch reads once it has left prints, trims and highlight
 * lobes out. The ground truth reads the quarter of a lit garment the definition's fallback names with it.
 * @example measureSwatchWithin(image, farQuarter)?.lab // { l: 15.3, a: 1.6, b: -7.7 }
 */
export function measureSwatchWithin(image: QcImage, mask: Mask): SwatchMeasure | null {
  const subject = maskArea(image.subject.mask);
  return swatchOn(image, mask, subject ? maskArea(mask) / subject : 0);
}

/** The distance beyond which `share` of the masked pixels lie. */
function farthestShare(reach: Float32Array, mask: Uint8Array, share: number): number {
  const distances: number[] = [];
  for (let i = 0; i < reach.length; i++) if (mask[i]) distances.push(reach[i]);
  distances.sort((a, b) => a - b);
  return distances[Math.floor((1 - share) * (distances.length - 1))];
}

function swatchOn(image: QcImage, mask: Mask, share: number): SwatchMeasure | null {
  const count = maskArea(mask);
  const box = maskBox(image.subject.mask);
  const area = maskBox(mask);
  if (count < 12 || !box || !area) return null;
  // Everything below reads only the fabric's bounding box.
  const fabric = cropMask(mask, area);
  const L = cropPlane(image.lab.l, mask.width, area);
  const A = cropPlane(image.lab.a, mask.width, area);
  const B = cropPlane(image.lab.b, mask.width, area);
  const radius = Math.max(1, Math.round(SMOOTHING * Math.max(box.width, box.height)));
  const smoothL = maskedBoxMean(L, fabric, radius);
  const lightness = createHistogram(0, 100, 0.02);
  let sumL = 0;
  for (let i = 0; i < fabric.data.length; i++) {
    if (!fabric.data[i]) continue;
    addToHistogram(lightness, smoothL[i]);
    sumL += L[i];
  }
  const low = quantile(lightness, LIT[0]);
  const high = quantile(lightness, LIT[1]);
  const lit = new Uint8Array(fabric.data.length);
  const l = createHistogram(0, 100, 0.02);
  const a = createHistogram(-128, 128, 0.02);
  const b = createHistogram(-128, 128, 0.02);
  for (let i = 0; i < fabric.data.length; i++) {
    if (!fabric.data[i] || smoothL[i] < low || smoothL[i] > high) continue;
    lit[i] = 1;
    addToHistogram(l, L[i]);
    addToHistogram(a, A[i]);
    addToHistogram(b, B[i]);
  }
  if (l.total === 0) return null;
  const swatch = { l: interquartileMean(l), a: interquartileMean(a), b: interquartileMean(b) };
  const deepest = deepestPoint({ width: area.width, height: area.height, data: lit });
  const k = image.factor;
  const point = deepest
    ? { x: Math.min(image.full.width - 1, Math.floor((area.x + deepest.x + 0.5) * k)), y: Math.min(image.full.height - 1, Math.floor((area.y + deepest.y + 0.5) * k)) }
    : { x: Math.floor(image.full.width / 2), y: Math.floor(image.full.height / 2) };
  return {
    lab: swatch,
    hex: labToHex(swatch),
    point,
    pixels: l.total,
    fabricShare: share,
    fabricMeanL: sumL / count,
    litBand: { low, high },
    measure: SWATCH_MEASURE_VERSION,
  };
}

/**
 * Lab D65 as an 8-bit sRGB hex, clamped into gamut.
 * @example labToHex({ l: 100, a: 0, b: 0 }) // '#ffffff'
 */
export function labToHex(lab: Lab): string {
  return `#${labToSrgb(lab)
    .map((c) => Math.round(c * 255).toString(16).padStart(2, '0'))
    .join('')}`;
}
