/**
 * WCAG 2 contrast between copy and the pixels under it: relative luminance of sRGB colours, the
 * contrast ratio, and the ratio the copy has against the background it actually sits on (the 10th
 * percentile over the samples, so a light patch under part of the text counts). WCAG asks for 4.5:1
 * for text and 3:1 for large text (24 px, or 18.66 px bold).
 */
import type { Rgb } from '../protocol/geometry';

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

export function relativeLuminance(c: Rgb): number {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

/** @example contrastRatio({ r: 1, g: 1, b: 1 }, { r: 0, g: 0, b: 0 }) // 21 */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The ratio copy in `text` has over the sampled background: its 10th percentile. */
export function contrastOver(text: Rgb, samples: readonly Rgb[]): number {
  if (!samples.length) return 21;
  const ratios = samples.map((s) => contrastRatio(text, s)).sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length * 0.1)];
}

/** WCAG's minimum for copy at this size: 3:1 for large text, 4.5:1 otherwise. */
export function requiredContrast(fontSizePx: number, bold: boolean): number {
  return fontSizePx >= 24 || (bold && fontSizePx >= 18.66) ? 3 : 4.5;
}
