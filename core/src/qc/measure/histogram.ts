/**
 * Fixed-bin histograms for medians and percentiles of Lab values without sorting: a proxy has up to
 * a million pixels, and a 0.02-unit bin is far finer than any QC threshold.
 */

export interface Histogram {
  min: number;
  binWidth: number;
  counts: Float64Array;
  total: number;
}

/**
 * An empty histogram over min..max; values outside land in the first or last bin.
 * @example const h = createHistogram(0, 100, 0.02); // L* in 0.02 bins
 */
export function createHistogram(min: number, max: number, binWidth: number): Histogram {
  return { min, binWidth, counts: new Float64Array(Math.ceil((max - min) / binWidth) + 1), total: 0 };
}

/**
 * Counts one value.
 * @example addToHistogram(h, 52.3)
 */
export function addToHistogram(h: Histogram, value: number): void {
  let i = Math.floor((value - h.min) / h.binWidth);
  if (i < 0) i = 0;
  else if (i >= h.counts.length) i = h.counts.length - 1;
  h.counts[i]++;
  h.total++;
}

/**
 * The q-quantile (0..1), interpolated within the bin; NaN for an empty histogram.
 * @example quantile(h, 0.5) // the median
 */
export function quantile(h: Histogram, q: number): number {
  if (h.total === 0) return NaN;
  const target = q * h.total;
  let seen = 0;
  for (let i = 0; i < h.counts.length; i++) {
    const c = h.counts[i];
    if (c > 0 && seen + c >= target) return h.min + (i + (target - seen) / c) * h.binWidth;
    seen += c;
  }
  return h.min + h.counts.length * h.binWidth;
}

/**
 * The mean of the values between the 25th and 75th percentiles (the interquartile mean): as robust
 * to outliers as the median, but it averages over 8-bit quantisation steps, where a median of a few
 * distinct code values jumps from one to the next. NaN for an empty histogram.
 * @example interquartileMean(h) // 52.31
 */
export function interquartileMean(h: Histogram): number {
  if (h.total === 0) return NaN;
  const from = 0.25 * h.total;
  const to = 0.75 * h.total;
  let seen = 0;
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < h.counts.length && seen < to; i++) {
    const c = h.counts[i];
    if (c === 0) continue;
    const lo = Math.max(seen, from);
    const hi = Math.min(seen + c, to);
    if (hi > lo) {
      sum += (hi - lo) * (h.min + (i + 0.5) * h.binWidth);
      weight += hi - lo;
    }
    seen += c;
  }
  return weight > 0 ? sum / weight : quantile(h, 0.5);
}
