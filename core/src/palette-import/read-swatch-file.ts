/**
 * Picks the reader for a swatch file by its content first (the "ASEF" signature, an .aco version
 * header) and its name second (.csv for a table; other text as a Pantone-style list).
 */
import { decodeUtf8 } from './decode-utf8';
import { readAco } from './read-aco';
import { readAse } from './read-ase';
import { readPantoneList } from './read-pantone-list';
import { readSwatchTable } from './read-swatch-table';
import type { SwatchFileResult } from './swatch-source';

export type SwatchFileFormat = 'ase' | 'aco' | 'csv' | 'pantone-list';

/** The format of a swatch file. @example swatchFileFormat(bytes, 'brand.ase') // "ase" */
export function swatchFileFormat(bytes: Uint8Array, name: string): SwatchFileFormat {
  if (bytes[0] === 0x41 && bytes[1] === 0x53 && bytes[2] === 0x45 && bytes[3] === 0x46) return 'ase';
  const lower = name.toLowerCase();
  if (lower.endsWith('.ase')) return 'ase';
  if (lower.endsWith('.aco') || (bytes[0] === 0 && (bytes[1] === 1 || bytes[1] === 2))) return 'aco';
  if (lower.endsWith('.csv') || lower.endsWith('.tsv')) return 'csv';
  return 'pantone-list';
}

/**
 * Reads any supported swatch file.
 * @example const { swatches, issues } = readSwatchFile(bytes, 'brand.aco');
 */
export function readSwatchFile(bytes: Uint8Array, name: string, format: SwatchFileFormat = swatchFileFormat(bytes, name)): SwatchFileResult & { format: SwatchFileFormat } {
  if (format === 'ase') return { format, ...readAse(bytes, name) };
  if (format === 'aco') return { format, ...readAco(bytes, name) };
  const text = decodeUtf8(bytes);
  if (text.includes('\u0000')) return { format, swatches: [], issues: [{ file: name, code: 'invalid_file', message: 'binary content where text was expected', expected: 'an .ase, .aco, .csv or a Pantone-style text list' }] };
  return { format, ...(format === 'csv' ? readSwatchTable(text, name) : readPantoneList(text, name)) };
}
