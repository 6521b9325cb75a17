/**
 * What a swatch file yields before it joins a palette: a name, an optional Pantone-style code and a
 * colour in brandlock's notation (`lab(L a b)` in D65 or sRGB hex), with where it came from; and the
 * per-entry problems, each naming the file, the entry (or line), what was found and what was expected.
 */

export interface ImportedSwatch {
  name: string;
  code?: string;
  /** `lab(L a b)` (CIELAB D65) or `#rrggbb` (sRGB): the palette's own notations. */
  color: string;
  /** The colour as the file held it, e.g. `LAB D50 52.1 -3.4 20`, `RGB 0.2 0.3 0.4`: what the import converted from. */
  original: string;
  /** How `original` became `color`, in words ("kept exactly", "Bradford D50 to D65"). */
  conversion: string;
  file: string;
  /** 1-based entry number in the file (swatch order), or the line for text formats. */
  entry: number;
  line?: number;
  group?: string;
}

export interface PaletteImportIssue {
  file: string;
  entry?: number;
  line?: number;
  name?: string;
  code: 'invalid_file' | 'unsupported_color' | 'invalid_entry' | 'duplicate' | 'missing_column';
  message: string;
  found?: string;
  expected?: string;
}

export interface SwatchFileResult {
  swatches: ImportedSwatch[];
  issues: PaletteImportIssue[];
}

/** "file: entry 3 (Poppy): message" with found/expected, for terminals and logs. */
export function formatPaletteIssue(i: PaletteImportIssue): string {
  const where = [i.file, i.line !== undefined ? `line ${i.line}` : i.entry !== undefined ? `entry ${i.entry}` : null].filter(Boolean).join(':');
  const tail = [i.found !== undefined ? `found ${i.found}` : null, i.expected !== undefined ? `expected ${i.expected}` : null].filter(Boolean).join('; ');
  return `${where}${i.name ? ` (${i.name})` : ''}: ${i.message}${tail ? ` (${tail})` : ''}`;
}
