/**
 * The garment's robust colour: the component-wise median Lab over the subject mask, after dropping
 * semi-transparent edge pixels, pixels clipped to white or black, specular highlights (the brightest 3% of the
 * subject) and deep shadows (the darkest 5%). A print or a logo covering less than half the garment
 * does not move a median.
 */
import type { Lab } from '../../color/lab';
import type { QcImage } from '../qc-image';
import { memoized } from '../qc-image';
import { addToHistogram, createHistogram, quantile } from './histogram';

export interface GarmentColor {
  lab: Lab;
  /** Pixels the median was taken over (proxy grid). */
  pixels: number;
  /** L* below and above which pixels were dropped as shadow and highlight. */
  shadowL: number;
  highlightL: number;
}

const HIGHLIGHT_QUANTILE = 0.97;
const SHADOW_QUANTILE = 0.05;

/**
 * Measures the garment colour of a prepared image, or null when the subject is empty.
 * @example measureGarmentColor(image)?.lab // { l: 31.2, a: 2.1, b: -18.4 }
 */
export function measureGarmentColor(image: QcImage): GarmentColor | null {
  return memoized(image, 'garment-color', () => compute(image));
}

/** At most this many subject pixels are read: a median over 150,000 of them is exact to 0.01. */
const MAX_SAMPLES = 150_000;

function compute(image: QcImage): GarmentColor | null {
  const { lab, proxy } = image;
  const mask = image.subject.mask.data;
  const data = proxy.data;
  const alpha = lab.alpha;
  let area = 0;
  for (let i = 0; i < mask.length; i++) area += mask[i];
  if (!area) return null;
  const stride = Math.max(1, Math.floor(area / MAX_SAMPLES));
  const picked = new Int32Array(Math.ceil(area / stride));
  let count = 0;
  for (let i = 0, skip = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    skip = stride - 1;
    if (alpha && alpha[i] < 250) continue;
    const p = i * 4;
    const white = data[p] >= 254 && data[p + 1] >= 254 && data[p + 2] >= 254;
    const black = data[p] <= 1 && data[p + 1] <= 1 && data[p + 2] <= 1;
    if (!white && !black) picked[count++] = i;
  }
  if (!count) return null;
  const usable = picked.subarray(0, count);
  const lHist = createHistogram(0, 100, 0.02);
  for (const i of usable) addToHistogram(lHist, lab.l[i]);
  const shadowL = quantile(lHist, SHADOW_QUANTILE);
  const highlightL = quantile(lHist, HIGHLIGHT_QUANTILE);
  const l = createHistogram(0, 100, 0.02);
  const a = createHistogram(-128, 128, 0.02);
  const b = createHistogram(-128, 128, 0.02);
  for (const i of usable) {
    if (lab.l[i] < shadowL || lab.l[i] > highlightL) continue;
    addToHistogram(l, lab.l[i]);
    addToHistogram(a, lab.a[i]);
    addToHistogram(b, lab.b[i]);
  }
  if (l.total === 0) return null;
  return { lab: { l: quantile(l, 0.5), a: quantile(a, 0.5), b: quantile(b, 0.5) }, pixels: l.total, shadowL, highlightL };
}
