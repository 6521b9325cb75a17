/**
 * The swatch: the one colour QC reads a garment as, and the one a lock pins from an approved photo.
 * Both sides are measured by this function, so a garment that matches its reference reads ΔE00 0.
 *
 * Definition (version `brandlock-swatch/1`): the colour of the garment's dominant fabric where it
 * faces the light. Take the dominant fabric (see fabricMask: prints, logos, trims, clipped pixels and
 * the outline left out); average its lightness over a small neighbourhood (1.2% of the garment's
 * size) so that shading (broad) is told from weave and grain (fine); keep the pixels whose averaged
 * lightness lies between the median and the 90th percentile (the lit half of the fabric, without
 * sheen); the swatch is their component-wise median Lab (CIELAB D65). A fold darkens the lower half,
 * not the swatch; a flat, evenly lit fabric reads as its plain median, texture and all.
 */
import type { Lab } from '../../color/lab';
import { labToSrgb } from '../../color/lab';
import type { Raster } from '../../raster/raster';
import { maskArea, maskBox } from '../../raster/mask';
import { maskedBoxMean } from '../../raster/masked-box-mean';
import { deepestPoint } from '../../raster/distance-transform';
import { memoized, prepareQcImage, type PrepareOptions, type QcImage } from '../qc-image';
import { addToHistogram, createHistogram, quantile } from './histogram';
import { fabricMask } from './fabric-mask';

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
const LIT_LOW = 0.5;
const LIT_HIGH = 0.9;

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

function compute(image: QcImage): SwatchMeasure | null {
  const fabric = fabricMask(image);
  if (!fabric) return null;
  const { lab } = image;
  const mask = fabric.mask;
  const count = maskArea(mask);
  const box = maskBox(image.subject.mask);
  if (count < 12 || !box) return null;
  const radius = Math.max(1, Math.round(SMOOTHING * Math.max(box.width, box.height)));
  const smoothL = maskedBoxMean(lab.l, mask, radius);
  const band = createHistogram(0, 100, 0.02);
  let sumL = 0;
  for (let i = 0; i < mask.data.length; i++) {
    if (!mask.data[i]) continue;
    addToHistogram(band, smoothL[i]);
    sumL += lab.l[i];
  }
  const low = quantile(band, LIT_LOW);
  const high = quantile(band, LIT_HIGH);
  const lit = new Uint8Array(mask.data.length);
  const l = createHistogram(0, 100, 0.02);
  const a = createHistogram(-128, 128, 0.02);
  const b = createHistogram(-128, 128, 0.02);
  for (let i = 0; i < mask.data.length; i++) {
    if (!mask.data[i] || smoothL[i] < low || smoothL[i] > high) continue;
    lit[i] = 1;
    addToHistogram(l, lab.l[i]);
    addToHistogram(a, lab.a[i]);
    addToHistogram(b, lab.b[i]);
  }
  if (l.total === 0) return null;
  const swatch = { l: quantile(l, 0.5), a: quantile(a, 0.5), b: quantile(b, 0.5) };
  const deepest = deepestPoint({ width: mask.width, height: mask.height, data: lit });
  const k = image.factor;
  const point = deepest
    ? { x: Math.min(image.full.width - 1, Math.floor((deepest.x + 0.5) * k)), y: Math.min(image.full.height - 1, Math.floor((deepest.y + 0.5) * k)) }
    : { x: Math.floor(image.full.width / 2), y: Math.floor(image.full.height / 2) };
  return {
    lab: swatch,
    hex: labToHex(swatch),
    point,
    pixels: l.total,
    fabricShare: fabric.share,
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
