/**
 * Validation of the immutable values Figma's setters take (paints, export settings, layout grids). Figma
 * throws on a malformed value and hands back frozen copies, so code that mutates a returned `fills`
 * array or sends an image paint with an unknown hash fails here as it would in Figma.
 */
import type { ImageStore } from './fake-images';

const deepFreeze = <T>(v: T): T => {
  if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
};

/** A frozen structured copy, as Figma returns from every array-valued property. */
export function frozenCopy<T>(v: T): T {
  return deepFreeze(structuredClone(v));
}

function unit(n: unknown): boolean {
  return typeof n === 'number' && n >= 0 && n <= 1 && Number.isFinite(n);
}

export function validatePaints(paints: unknown, images: ImageStore, property: string): void {
  if (!Array.isArray(paints)) throw new Error(`in set_${property}: Expected an array of paints`);
  paints.forEach((p, i) => {
    const at = `in set_${property}: paints[${i}]`;
    if (!p || typeof p !== 'object') throw new Error(`${at}: Expected an object`);
    const paint = p as Record<string, unknown>;
    if (paint.opacity !== undefined && !unit(paint.opacity)) throw new Error(`${at}.opacity: Expected a number in 0..1`);
    if (paint.type === 'SOLID') {
      const c = paint.color as Record<string, unknown> | undefined;
      if (!c || !unit(c.r) || !unit(c.g) || !unit(c.b)) throw new Error(`${at}.color: Expected {r, g, b} in 0..1`);
      if ('a' in c) throw new Error(`${at}.color: Unrecognized key "a"; SOLID paints take opacity, not alpha`);
    } else if (paint.type === 'IMAGE') {
      if (!['FILL', 'FIT', 'CROP', 'TILE'].includes(paint.scaleMode as string)) throw new Error(`${at}.scaleMode: Expected FILL, FIT, CROP or TILE`);
      if (typeof paint.imageHash !== 'string' || !images.has(paint.imageHash)) throw new Error(`${at}.imageHash: unknown image hash`);
      if (paint.imageTransform !== undefined) validateTransform(paint.imageTransform, `${at}.imageTransform`);
    } else if (paint.type === 'VIDEO') {
      if (!['FILL', 'FIT', 'CROP', 'TILE'].includes(paint.scaleMode as string)) throw new Error(`${at}.scaleMode: Expected FILL, FIT, CROP or TILE`);
      if (typeof paint.videoHash !== 'string' || !images.hasVideo(paint.videoHash)) throw new Error(`${at}.videoHash: unknown video hash`);
    } else if (typeof paint.type === 'string' && paint.type.startsWith('GRADIENT_')) {
      if (!Array.isArray(paint.gradientStops)) throw new Error(`${at}.gradientStops: Expected an array`);
    } else {
      throw new Error(`${at}.type: Expected SOLID, IMAGE, VIDEO or a gradient, found ${String(paint.type)}`);
    }
  });
}

export function validateTransform(t: unknown, at: string): void {
  const ok = Array.isArray(t) && t.length === 2 && t.every((row) => Array.isArray(row) && row.length === 3 && row.every((n) => typeof n === 'number' && Number.isFinite(n)));
  if (!ok) throw new Error(`${at}: Expected a 2x3 affine transform [[a, c, e], [b, d, f]]`);
}

/** Figma's image export formats: JPG and PNG only (no WebP, AVIF or TIFF, and no JPEG quality). */
export function validateExportSettings(settings: unknown, where = 'set_exportSettings'): void {
  if (!Array.isArray(settings)) throw new Error(`in ${where}: Expected an array`);
  settings.forEach((s, i) => {
    const e = s as Record<string, unknown>;
    const at = where === 'set_exportSettings' ? `in set_exportSettings: [${i}]` : `in ${where}`;
    if (!['JPG', 'PNG', 'SVG', 'PDF', 'SVG_STRING', 'JSON_REST_V1'].includes(e.format as string)) {
      throw new Error(`${at}.format: Expected "JPG" | "PNG" | "SVG" | "SVG_STRING" | "PDF" | "JSON_REST_V1", got ${JSON.stringify(e.format)}`);
    }
    for (const key of Object.keys(e)) {
      if (!['format', 'constraint', 'suffix', 'colorProfile', 'contentsOnly', 'useAbsoluteBounds', 'useRenderBounds', 'svgOutlineText', 'svgIdAttribute', 'svgSimplifyStroke'].includes(key)) {
        throw new Error(`${at}: Unrecognized key "${key}" (Figma exports have no ${key} setting)`);
      }
    }
    if (e.constraint !== undefined) {
      const c = e.constraint as Record<string, unknown>;
      if (!['SCALE', 'WIDTH', 'HEIGHT'].includes(c.type as string) || typeof c.value !== 'number' || c.value <= 0) {
        throw new Error(`${at}.constraint: Expected {type: SCALE|WIDTH|HEIGHT, value > 0}`);
      }
    }
    if (e.suffix !== undefined && typeof e.suffix !== 'string') throw new Error(`${at}.suffix: Expected a string`);
    if (e.colorProfile !== undefined && !['DOCUMENT', 'SRGB', 'DISPLAY_P3_V4'].includes(e.colorProfile as string)) {
      throw new Error(`${at}.colorProfile: Expected DOCUMENT, SRGB or DISPLAY_P3_V4`);
    }
  });
}

export function validateLayoutGrids(grids: unknown): void {
  if (!Array.isArray(grids)) throw new Error('in set_layoutGrids: Expected an array');
  grids.forEach((g, i) => {
    const grid = g as Record<string, unknown>;
    const at = `in set_layoutGrids: [${i}]`;
    if (grid.pattern === 'GRID') {
      if (typeof grid.sectionSize !== 'number') throw new Error(`${at}.sectionSize: Expected a number`);
      return;
    }
    if (grid.pattern !== 'ROWS' && grid.pattern !== 'COLUMNS') throw new Error(`${at}.pattern: Expected ROWS, COLUMNS or GRID`);
    if (!['MIN', 'MAX', 'STRETCH', 'CENTER'].includes(grid.alignment as string)) throw new Error(`${at}.alignment: Expected MIN, MAX, STRETCH or CENTER`);
    if (typeof grid.gutterSize !== 'number' || typeof grid.count !== 'number') throw new Error(`${at}: Expected gutterSize and count`);
    if (grid.alignment !== 'STRETCH' && typeof grid.sectionSize !== 'number') throw new Error(`${at}.sectionSize: required unless alignment is STRETCH`);
  });
}
