/**
 * Adds imported swatches to a lock's palette. Ids come from the file's `id` column when it is a valid
 * id, else from the palette swatch of the same name (so a palette exported and imported back keeps
 * its ids), else from the name ("Classic Blue" -> `classic-blue`). A swatch whose id is already in the
 * palette with the same colour is unchanged; with another colour it is kept as the palette has it and
 * reported, unless `replace` is set. Two entries of one import with the same id: the first wins.
 */
import type { Palette, Swatch } from '../brand/palette';
import { Id } from '../brand/fields';
import { parseColor } from '../color/parse-color';
import { deltaE2000 } from '../color/delta-e-2000';
import type { ImportedSwatch, PaletteImportIssue } from './swatch-source';

export interface SwatchChange {
  id: string;
  kind: 'added' | 'replaced' | 'unchanged';
  swatch: Swatch;
  /** The palette's swatch before a replace. */
  before?: Swatch;
  source: ImportedSwatch;
}

export interface AddSwatchesResult {
  palette: Palette;
  changes: SwatchChange[];
  issues: PaletteImportIssue[];
}

/**
 * @example const { palette, changes, issues } = addSwatches(lock.palette, imported, { replace: false });
 */
export function addSwatches(palette: Palette, imported: readonly (ImportedSwatch & { id?: string; tolerance?: number })[], options: { replace?: boolean } = {}): AddSwatchesResult {
  const swatches = palette.swatches.map((s) => ({ ...s }));
  const byId = new Map(swatches.map((s, i) => [s.id, i]));
  const byName = new Map(swatches.map((s) => [s.name.trim().toLowerCase(), s.id]));
  const seen = new Set<string>();
  const changes: SwatchChange[] = [];
  const issues: PaletteImportIssue[] = [];
  for (const src of imported) {
    const id = src.id && Id.safeParse(src.id).success ? src.id : (byName.get(src.name.trim().toLowerCase()) ?? slugId(src.name));
    const where = { file: src.file, entry: src.entry, line: src.line, name: src.name };
    if (seen.has(id)) {
      issues.push({ ...where, code: 'duplicate', message: `swatch id "${id}" comes twice in this import; the first is used`, found: id, expected: 'unique names or ids' });
      continue;
    }
    seen.add(id);
    const swatch: Swatch = { id, name: src.name, ...(src.code ? { code: src.code } : {}), color: src.color, ...(src.tolerance ? { tolerance: src.tolerance } : {}) };
    const at = byId.get(id);
    if (at === undefined) {
      byId.set(id, swatches.length);
      swatches.push(swatch);
      changes.push({ id, kind: 'added', swatch, source: src });
      continue;
    }
    const before = swatches[at];
    if (sameColour(before.color, swatch.color)) {
      changes.push({ id, kind: 'unchanged', swatch: before, source: src });
      continue;
    }
    if (!options.replace) {
      issues.push({ ...where, code: 'duplicate', message: `swatch "${id}" is already in the palette with another colour; the palette's is kept (import with replace to take the file's)`, found: swatch.color, expected: before.color });
      continue;
    }
    const replaced: Swatch = { ...before, ...swatch, tolerance: swatch.tolerance ?? before.tolerance };
    if (replaced.tolerance === undefined) delete replaced.tolerance;
    swatches[at] = replaced;
    changes.push({ id, kind: 'replaced', swatch: replaced, before, source: src });
  }
  if (swatches.length > 1000) issues.push({ file: imported[0]?.file ?? '', code: 'invalid_entry', message: `the palette would hold ${swatches.length} swatches`, expected: 'at most 1000' });
  return { palette: { ...palette, swatches: swatches.slice(0, 1000) }, changes, issues };
}

/** A palette id from a swatch name. @example slugId('Classic Blue 19-4052') // "classic-blue-19-4052" */
export function slugId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'swatch';
}

/** Below this ΔE00 two notations are the same colour: .aco stores Lab in hundredths, .ase in float32. */
const SAME_COLOUR = 0.05;

function sameColour(a: string, b: string): boolean {
  const pa = parseColor(a);
  const pb = parseColor(b);
  return pa.success && pb.success && deltaE2000(pa.lab, pb.lab) < SAME_COLOUR;
}
