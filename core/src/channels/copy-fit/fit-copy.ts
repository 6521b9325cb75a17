/**
 * Copy-fit: the largest font size, and its line breaks, at which a text overlay fits a box. The host
 * provides the measuring function, so the same search runs against Figma text nodes in the plugin
 * and a font-metrics table on the server. Whole words are preferred; words are split between
 * characters only when no size at or above the minimum fits otherwise.
 */
import { wrapLines, type MeasureText } from './wrap-lines';

export interface CopyFitRequest {
  text: string;
  box: { width: number; height: number };
  measure: MeasureText;
  /** Smallest acceptable size. Default 6. */
  minSize?: number;
  /** Largest size to try. Default: the box height. */
  maxSize?: number;
  /** Line height as a multiple of the font size. Default 1.2. */
  lineHeight?: number;
  maxLines?: number;
  /** Size granularity. Default 1 (whole sizes). */
  step?: number;
}

export type CopyFitResult =
  | { success: true; fontSize: number; lines: string[]; width: number; height: number; brokeWords: boolean }
  | { success: false; code: 'empty' | 'does_not_fit'; message: string };

/**
 * Binary search over sizes, assuming text that fits at one size fits at every smaller one (true
 * when widths scale with the size, as they do for any font).
 * @example
 * fitCopy({ text: 'New season linen', box: { width: 600, height: 200 }, measure: (s, size) => s.length * size * 0.5 })
 * // { success: true, fontSize: 75, lines: ['New season linen'], ... }
 */
export function fitCopy(req: CopyFitRequest): CopyFitResult {
  const { text, box, measure } = req;
  if (!text.trim()) return { success: false, code: 'empty', message: 'there is no text to fit' };
  const step = req.step ?? 1;
  const lineHeight = req.lineHeight ?? 1.2;
  const minSize = req.minSize ?? 6;
  const maxSize = Math.max(minSize, req.maxSize ?? box.height);
  const layout = (size: number, breakWords: boolean) => {
    const lines = wrapLines(text, box.width, size, measure, breakWords);
    if (!lines || (req.maxLines !== undefined && lines.length > req.maxLines)) return null;
    const height = lines.length * size * lineHeight;
    return height <= box.height ? { lines, height } : null;
  };
  for (const breakWords of [false, true]) {
    let lo = 0;
    let hi = Math.floor((maxSize - minSize) / step);
    if (!layout(minSize, breakWords)) continue;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (layout(minSize + mid * step, breakWords)) lo = mid;
      else hi = mid - 1;
    }
    const fontSize = minSize + lo * step;
    const fit = layout(fontSize, breakWords)!;
    const width = Math.max(...fit.lines.map((l) => measure(l, fontSize)));
    return { success: true, fontSize, lines: fit.lines, width, height: fit.height, brokeWords: breakWords };
  }
  return { success: false, code: 'does_not_fit', message: `the text does not fit ${box.width}x${box.height} even at ${minSize}` };
}
