/**
 * Greedy line breaking: words go on a line while it fits, explicit newlines are kept. A word wider
 * than the line is either split between characters (`breakWords`) or makes the wrap fail.
 */

/** Width of a single line of text at a font size; the host measures (Figma text node, font metrics). */
export type MeasureText = (line: string, fontSize: number) => number;

/**
 * Lines, or null when a word does not fit and breaking words is not allowed.
 * @example wrapLines('new linen shirt', 60, 10, (s, size) => s.length * size * 0.6, false) // ['new linen', 'shirt']
 */
export function wrapLines(text: string, width: number, fontSize: number, measure: MeasureText, breakWords: boolean): string[] | null {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, fontSize) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      if (measure(word, fontSize) <= width) {
        line = word;
        continue;
      }
      if (!breakWords) return null;
      for (const ch of Array.from(word)) {
        if (line && measure(line + ch, fontSize) > width) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
    }
    lines.push(line);
  }
  return lines;
}
