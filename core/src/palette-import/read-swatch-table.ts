/**
 * Reads a swatch table (CSV, as a spreadsheet exports it) with a header row. Columns, matched
 * loosely: `name` (required), `id`, `code` (Pantone-style), the colour as `color` (hex or lab()),
 * `hex`, or `L`/`a`/`b` (with `illuminant` D50 or D65 per row; D65 when absent), and `tolerance`
 * (ΔE00). Every bad row is reported with its spreadsheet row number (the header is row 1).
 */
import Papa from 'papaparse';
import { findTypedColor, labFromParts } from './read-lab-text';
import type { ImportedSwatch, PaletteImportIssue, SwatchFileResult } from './swatch-source';

const ALIASES: Record<string, string[]> = {
  name: ['name', 'colour name', 'color name', 'swatch', 'swatch name'],
  id: ['id', 'swatch id'],
  code: ['code', 'pantone', 'pantone code', 'reference'],
  color: ['color', 'colour', 'value'],
  hex: ['hex', 'srgb', 'rgb hex'],
  l: ['l', 'l*', 'lab l', 'lightness'],
  a: ['a', 'a*', 'lab a'],
  b: ['b', 'b*', 'lab b'],
  illuminant: ['illuminant', 'white point', 'whitepoint'],
  tolerance: ['tolerance', 'delta e', 'deltae', 'de00', 'max de', 'max delta e'],
};

const norm = (h: string) => h.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');

export interface SwatchTableRow extends ImportedSwatch {
  id?: string;
  tolerance?: number;
}

/**
 * @example readSwatchTable('name,hex\nInk,#1f2a44\n', 'palette.csv').swatches[0].color // "#1f2a44"
 */
export function readSwatchTable(text: string, file: string): SwatchFileResult & { swatches: SwatchTableRow[] } {
  const issues: PaletteImportIssue[] = [];
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  if (!rows.length) return { swatches: [], issues: [{ file, code: 'invalid_file', message: 'the file is empty', expected: 'a header row and one row per swatch' }] };
  const header = rows[0].map(norm);
  const col: Record<string, number> = {};
  for (const [key, names] of Object.entries(ALIASES)) {
    const i = header.findIndex((h) => names.includes(h));
    if (i >= 0) col[key] = i;
  }
  const hasColour = col.color !== undefined || col.hex !== undefined || (col.l !== undefined && col.a !== undefined && col.b !== undefined);
  if (col.name === undefined || !hasColour) {
    return { swatches: [], issues: [{ file, line: 1, code: 'missing_column', message: `the header has no ${col.name === undefined ? '"name"' : 'colour'} column`, found: rows[0].join(','), expected: 'name, and color (hex or lab()) or hex or L,a,b; optional id, code, illuminant, tolerance' }] };
  }
  const swatches: SwatchTableRow[] = [];
  rows.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const cell = (k: string) => (col[k] === undefined ? '' : (cells[col[k]] ?? '').trim());
    const name = cell('name');
    const bad = (message: string, found?: string, expected?: string) => issues.push({ file, line, name: name || undefined, code: 'invalid_entry', message, found, expected });
    if (!name) return bad('the name is empty', '""', 'a swatch name');
    const illum = cell('illuminant').toUpperCase();
    if (illum && illum !== 'D50' && illum !== 'D65') return bad('unknown illuminant', JSON.stringify(cell('illuminant')), 'D50 or D65');
    const illuminant = (illum || undefined) as 'D50' | 'D65' | undefined;
    let colour;
    if (cell('l') || cell('a') || cell('b')) colour = labFromParts(cell('l'), cell('a'), cell('b'), illuminant ?? 'D65');
    else {
      const raw = cell('color') || cell('hex');
      const text = /^[0-9a-f]{6}$/i.test(raw) ? `#${raw}` : raw;
      colour = text ? findTypedColor(text, illuminant) : null;
      if (colour && text.replace(colour.match, '').replace(/\b(D50|D65)\b/gi, '').trim()) colour = null;
      if (!colour) return bad('no colour', JSON.stringify(raw), 'a hex like #1f2a44, lab(52 -3 20), or L, a and b columns');
    }
    if (!colour.success) return bad(colour.message, [cell('l'), cell('a'), cell('b')].join(' '), 'L* 0..100, a* and b* within -200..200');
    let tolerance: number | undefined;
    if (cell('tolerance')) {
      tolerance = Number(cell('tolerance'));
      if (!(tolerance > 0 && tolerance <= 30)) return bad('tolerance is not a ΔE00 above 0 and at most 30', JSON.stringify(cell('tolerance')), 'a number in (0, 30]');
    }
    swatches.push({ name: name.slice(0, 200), ...(cell('id') ? { id: cell('id') } : {}), ...(cell('code') ? { code: cell('code').slice(0, 60) } : {}), color: colour.color, original: colour.original, conversion: colour.conversion, file, entry: i + 1, line, ...(tolerance ? { tolerance } : {}) });
  });
  return { swatches, issues };
}
