/**
 * Copy-fit search: the largest font size in a range at which the copy fits its box, found by bisection
 * over a measuring function the host provides (in Figma, a real text node: set the size, read the
 * height). A size fits when the wrapped text is no taller than the box and no single word is wider
 * than it (a word broken across lines reads as a mistake).
 */

export interface TextMeasure {
  /** Height of the copy wrapped at the box width. */
  height: number;
  /** Width of the widest single word, unwrapped. */
  widestWord: number;
}

export interface FitResult {
  size: number;
  fits: boolean;
  measured: TextMeasure;
  /** How many sizes were measured (each one costs a text layout in Figma). */
  measurements: number;
}

/**
 * @example fitFontSize({ width: 600, height: 200 }, 24, 120, (s) => ({ height: s * 1.2 * Math.ceil(s / 40), widestWord: s * 3 }))
 */
export function fitFontSize(box: { width: number; height: number }, minSize: number, maxSize: number, measure: (size: number) => TextMeasure, step = 0.5): FitResult {
  if (!(minSize > 0) || !(maxSize >= minSize)) throw new RangeError(`fitFontSize: expected 0 < minSize <= maxSize, got ${minSize}..${maxSize}`);
  let measurements = 0;
  const fitsAt = (size: number) => {
    measurements++;
    const m = measure(size);
    return { ok: m.height <= box.height + 0.01 && m.widestWord <= box.width + 0.01, m };
  };
  const lo0 = fitsAt(minSize);
  if (!lo0.ok) return { size: minSize, fits: false, measured: lo0.m, measurements };
  const hi0 = fitsAt(maxSize);
  if (hi0.ok) return { size: maxSize, fits: true, measured: hi0.m, measurements };
  let lo = 0;
  let hi = Math.round((maxSize - minSize) / step);
  let best = lo0.m;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const r = fitsAt(minSize + mid * step);
    if (r.ok) {
      lo = mid;
      best = r.m;
    } else hi = mid;
  }
  return { size: minSize + lo * step, fits: true, measured: best, measurements };
}
