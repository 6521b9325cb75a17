/**
 * The sample Northfold lock (samples/brand-lock.json) loaded for tests, and a QC context builder
 * that shrinks a category's recipe size so synthetic test images stay small.
 */
import { readFileSync } from 'node:fs';
import { loadBrandLock } from '../../src/brand/load-brand-lock';
import type { BrandLock } from '../../src/brand/brand-lock';
import type { Category } from '../../src/brand/category';
import type { ImageFileFacts } from '../../src/qc/qc-context';

export function sampleLock(): BrandLock {
  const res = loadBrandLock(JSON.parse(readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8')));
  if (!res.success) throw new Error(`sample lock invalid: ${res.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  return res.lock;
}

/** A lock category with its recipe (the master's minimum size) set to width x height. */
export function smallCategory(lock: BrandLock, id: string, width = 512, height = 768): Category {
  const c = lock.categories.find((x) => x.id === id);
  if (!c) throw new Error(`no category ${id}`);
  return { ...c, recipe: { ...c.recipe, width, height } };
}

/** File facts of a clean 8-bit sRGB JPEG of the given size. */
export function jpegFacts(width: number, height: number, over: Partial<ImageFileFacts> = {}): ImageFileFacts {
  return { format: 'jpeg', width, height, space: 'srgb', bitsPerSample: 8, hasAlpha: false, iccDescription: 'sRGB IEC61966-2.1', bytes: 250_000, ...over };
}
