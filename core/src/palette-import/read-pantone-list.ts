/**
 * Reads a Pantone-style list: one swatch per line as a colour standard or a tech pack gives them,
 * e.g. `PANTONE 19-4052 TCX Classic Blue  L*31.2 a*-0.3 b*-30.1 D65` or `17-1664 TCX Poppy Red #d8383a`.
 * Each line has a Pantone-style code, a name and a colour (hex, lab(), or L* a* b*, D50 or D65;
 * D65 when unsaid). brandlock does not ship Pantone's library (it is licensed), so a line with a code
 * and no colour is reported, not guessed. `#` starts a comment line.
 */
import { splitPantone } from './pantone-code';
import { findTypedColor } from './read-lab-text';
import type { ImportedSwatch, PaletteImportIssue, SwatchFileResult } from './swatch-source';

/**
 * @example readPantoneList('PANTONE 19-4052 TCX Classic Blue lab(31.2 -0.3 -30.1)\n', 'pantone.txt').swatches[0].code // "19-4052 TCX"
 */
export function readPantoneList(text: string, file: string): SwatchFileResult {
  const swatches: ImportedSwatch[] = [];
  const issues: PaletteImportIssue[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let entry = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const textLine = raw.trim();
    if (!textLine || textLine.startsWith('#') && !/^#[0-9a-f]{3,6}\b/i.test(textLine)) return;
    entry++;
    const colour = findTypedColor(textLine);
    const rest = (colour ? textLine.replace(colour.match, ' ') : textLine).replace(/\b(D50|D65)\b/gi, ' ').replace(/[;,|\t]+/g, ' ');
    const { code, name } = splitPantone(rest);
    const label = name.replace(/\s+/g, ' ').trim();
    if (!code) {
      issues.push({ file, line, entry, name: label || undefined, code: 'invalid_entry', message: 'no Pantone-style code on the line', found: JSON.stringify(textLine.slice(0, 80)), expected: 'a code like 19-4052 TCX or PANTONE 186 C' });
      return;
    }
    if (!colour) {
      issues.push({ file, line, entry, name: label || code, code: 'invalid_entry', message: `no colour for ${code}: brandlock does not ship Pantone's colour library, so the value must be given`, found: JSON.stringify(textLine.slice(0, 80)), expected: 'a hex, lab(L a b) or L* a* b* on the line (D65 unless it says D50)' });
      return;
    }
    if (!colour.success) {
      issues.push({ file, line, entry, name: label || code, code: 'invalid_entry', message: colour.message, found: colour.match, expected: 'L* 0..100, a* and b* within -200..200' });
      return;
    }
    swatches.push({ name: (label || code).slice(0, 200), code, color: colour.color, original: colour.original, conversion: colour.conversion, file, entry, line });
  });
  return { swatches, issues };
}
