/**
 * Reads what a retoucher's file name says about the master: `NF-WV-1002_terracotta_front.psd`,
 * `northfold_nf-wv-1002_terracotta_front_master_1024x1536.tif`, `NF-WV-1002 Terracotta back copy.psd`.
 * With the brief's SKUs, the SKU is the longest one the name contains between separators; without
 * them, the lock's naming template is tried, then a first word that looks like a SKU (letters and
 * digits). Colourway, view and category are words that name a palette swatch, one of the lock's
 * views, or a category. Pure: the panel shows what it found and where from, and the retoucher can
 * correct it.
 */
import type { BrandLock } from '@brandlock/core/brand';
import { namingMatcher } from '@brandlock/core/qc';

export interface NameReading {
  sku: string | null;
  colorway: string | null;
  view: string | null;
  category: string | null;
}

/** A name as a slug: "Mid wash" and "mid_wash" are "mid-wash", as palette ids are written. */
export const slug = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, '-');
/** Names cameras and Photoshop give files, which say nothing about a SKU. */
const CAMERA_NAME = /^(untitled|img|dscn?|dscf|pxl|mvimg|gopr|_mg)[-_]?\d/i;
const SEPARATOR = /[\s_.]+/;

function baseName(title: string): string {
  return title.replace(/\.(psd|psb|tiff?|jpe?g|png|webp|avif|heic)$/i, '').trim();
}

/** The longest SKU of the list that the name holds as whole words (separated by _, space or dot). */
function skuInName(base: string, skus: readonly string[]): string | null {
  const lower = base.toLowerCase();
  let best: string | null = null;
  for (const sku of skus) {
    const s = sku.toLowerCase();
    let at = lower.indexOf(s);
    while (at >= 0) {
      const before = at === 0 || SEPARATOR.test(lower[at - 1]);
      const after = at + s.length === lower.length || SEPARATOR.test(lower[at + s.length]);
      if (before && after && (!best || sku.length > best.length)) best = sku;
      at = lower.indexOf(s, at + 1);
    }
  }
  return best;
}

/** Words of the name, and pairs of neighbouring words ("mid wash", "ink navy"), as slugs. */
function phrases(base: string): string[] {
  const words = base.split(SEPARATOR).filter(Boolean).map(slug);
  return [...words, ...words.slice(1).map((w, i) => `${words[i]}-${w}`)];
}

/**
 * @example parseDocumentName('NF-WV-1002_terracotta_front.psd', lock, ['NF-WV-1001', 'NF-WV-1002'])
 * // { sku: 'NF-WV-1002', colorway: 'terracotta', view: 'front', category: null }
 */
export function parseDocumentName(title: string, lock: BrandLock, skus?: readonly string[]): NameReading {
  const base = baseName(title);
  const words = phrases(base);
  const views = new Set(lock.poseSets.flatMap((p) => p.views.map((v) => v.id)));
  const swatches = new Map<string, string>();
  for (const s of lock.palette.swatches) {
    swatches.set(slug(s.id), s.id);
    swatches.set(slug(s.name), s.id);
  }
  const reading: NameReading = {
    sku: null,
    colorway: words.find((w) => swatches.has(w)) ?? null,
    view: words.find((w) => views.has(w)) ?? null,
    category: lock.categories.find((c) => words.includes(c.id))?.id ?? null,
  };
  if (skus?.length) reading.sku = skuInName(base, skus);
  if (!reading.sku) {
    const tokens = namingMatcher(lock, skus?.length ? skus : undefined)(`${base}.jpg`);
    if (tokens?.sku) return { ...reading, sku: tokens.sku, colorway: tokens.colorway ?? reading.colorway, view: tokens.view ?? reading.view };
  }
  if (!reading.sku) {
    const first = base.split(/[\s_]+/)[0] ?? '';
    const skuLike = /^[A-Za-z0-9][A-Za-z0-9-]{2,40}$/.test(first) && /\d/.test(first) && /[A-Za-z]/.test(first);
    if (skuLike && !CAMERA_NAME.test(first)) reading.sku = first;
  }
  return reading;
}
