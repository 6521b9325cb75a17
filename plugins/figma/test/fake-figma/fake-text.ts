/**
 * Text layout for the fake: Figma measures text with the real font, which a test cannot. This model
 * gives deterministic advance widths per character class (close to Inter's) and wraps words greedily
 * like Figma does, so code that fits copy by reading a text node's height behaves as it would in Figma:
 * longer copy or a bigger size gives more lines and a taller node.
 */

export interface FontName {
  family: string;
  style: string;
}

/** Advance width in em for one character. */
function advance(ch: string, bold: boolean): number {
  let w: number;
  if (ch === ' ') w = 0.26;
  else if ('iljI.,:;\'!|'.includes(ch)) w = 0.27;
  else if ('ftr()[]"'.includes(ch)) w = 0.38;
  else if ('mwMW'.includes(ch)) w = 0.86;
  else if (/[A-Z]/.test(ch)) w = 0.68;
  else if (/[0-9]/.test(ch)) w = 0.6;
  else w = 0.55;
  return bold ? w * 1.06 : w;
}

export function isBold(font: FontName): boolean {
  return /bold|black|heavy|semi/i.test(font.style);
}

export function measureLineWidth(text: string, fontSize: number, font: FontName, letterSpacingPx = 0): number {
  const bold = isBold(font);
  let w = 0;
  for (const ch of text) w += advance(ch, bold) * fontSize + letterSpacingPx;
  return w;
}

/** Figma's "Auto" line height for Inter is about 1.21 em. */
export function lineHeightPx(fontSize: number, lineHeight: { unit: 'AUTO' } | { unit: 'PIXELS' | 'PERCENT'; value: number }): number {
  if (lineHeight.unit === 'PIXELS') return lineHeight.value;
  if (lineHeight.unit === 'PERCENT') return (fontSize * lineHeight.value) / 100;
  return fontSize * 1.21;
}

/** Breaks text into lines no wider than `maxWidth` (words longer than a line break between letters). */
export function wrapText(text: string, maxWidth: number, fontSize: number, font: FontName, letterSpacingPx = 0): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measureLineWidth(candidate, fontSize, font, letterSpacingPx) <= maxWidth + 1e-6) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let piece = '';
      for (const ch of word) {
        if (piece && measureLineWidth(piece + ch, fontSize, font, letterSpacingPx) > maxWidth + 1e-6) {
          lines.push(piece);
          piece = '';
        }
        piece += ch;
      }
      line = piece;
    }
    lines.push(line);
  }
  return lines;
}
