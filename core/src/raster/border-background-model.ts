/**
 * The background colour model of a studio shot, taken from a band along the image border: the median
 * Lab colour, each pixel's distance from it, and a tolerance scaled to how much the border varies
 * (a clean sweep gets a tight tolerance, a textured one a loose one).
 */
import type { Lab } from '../color/lab';
import type { LabImage } from './lab-image';

export interface BackgroundModelOptions {
  minTolerance: number;
  maxTolerance: number;
  lightnessWeight: number;
}

export interface BackgroundModel {
  median: Lab;
  tolerance: number;
  lightnessWeight: number;
  /** Per pixel: weighted Lab distance from the median. */
  distance: Float32Array;
  /** Fraction of border pixels within tolerance. */
  borderMatch: number;
  /** Width of the border band in pixels. */
  band: number;
}

/**
 * Median of a numeric sample (the sample is sorted in place).
 * @example medianOf(Float32Array.of(3, 1, 2)) // 2
 */
export function medianOf(values: Float32Array | Float64Array): number {
  if (values.length === 0) return NaN;
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/**
 * Builds the model from a border band about 1% of the short side wide.
 * @example borderBackgroundModel(lab, { minTolerance: 4, maxTolerance: 24, lightnessWeight: 0.8 }).median
 */
export function borderBackgroundModel(lab: LabImage, options: BackgroundModelOptions): BackgroundModel {
  const { width, height } = lab;
  const band = Math.max(1, Math.round(Math.min(width, height) * 0.01));
  const border = borderIndices(width, height, band);
  const pick = (plane: Float32Array) => {
    const out = new Float32Array(border.length);
    for (let i = 0; i < border.length; i++) out[i] = plane[border[i]];
    return out;
  };
  const median = { l: medianOf(pick(lab.l)), a: medianOf(pick(lab.a)), b: medianOf(pick(lab.b)) };
  const w = options.lightnessWeight;
  const n = width * height;
  const distance = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const dl = (lab.l[i] - median.l) * w;
    const da = lab.a[i] - median.a;
    const db = lab.b[i] - median.b;
    distance[i] = Math.sqrt(dl * dl + da * da + db * db);
  }
  const borderDistance = pick(distance).sort();
  const p75 = borderDistance[Math.floor(borderDistance.length * 0.75)];
  const tolerance = Math.min(options.maxTolerance, Math.max(options.minTolerance, 3 * p75));
  let within = 0;
  for (let i = 0; i < borderDistance.length; i++) if (borderDistance[i] <= tolerance) within++;
  return { median, tolerance, lightnessWeight: w, distance, borderMatch: within / borderDistance.length, band };
}

/**
 * Indices of the pixels in a band of the given width along all four edges.
 * @example borderIndices(4, 3, 1).length // 10
 */
export function borderIndices(width: number, height: number, band: number): Int32Array {
  const out: number[] = [];
  for (let y = 0; y < height; y++) {
    if (y < band || y >= height - band) {
      for (let x = 0; x < width; x++) out.push(y * width + x);
    } else {
      for (let x = 0; x < Math.min(band, width); x++) out.push(y * width + x, y * width + width - 1 - x);
    }
  }
  return Int32Array.from(out);
}
