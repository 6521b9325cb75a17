/**
 * What QC judges a master against: its category's thresholds and its SKU's swatch, both required.
 * There is no "skip colour accuracy": without a swatch QC cannot say the colour is right, so it does
 * not run, and the panel (or the menu command's alert) says what is missing and how to give it.
 */
import type { BrandLock, Category } from '@brandlock/core/brand';
import type { TargetSwatch } from '@brandlock/core/brief';
import { categoryFor, targetSwatchFor, type DocumentIdentity } from '../document-identity/document-identity';

export interface QcTarget {
  category: Category;
  swatch: TargetSwatch;
  sku: string | null;
  colorway: string | null;
  view: string | null;
}

export type QcTargetResult = { success: true; target: QcTarget } | { success: false; missing: 'sku' | 'category' | 'swatch'; message: string };

export function qcTargetFor(identity: DocumentIdentity, lock: BrandLock, title: string): QcTargetResult {
  if (!identity.sku && !identity.colorway) {
    return { success: false, missing: 'sku', message: `brandlock cannot tell which SKU "${title}" is, so it has no swatch to judge the colour against.` };
  }
  const category = categoryFor(identity, lock);
  if (!category) {
    return { success: false, missing: 'category', message: `${identity.sku ?? title} is not in the current brief and its name gives no category, so brandlock does not know which thresholds apply.` };
  }
  const swatch = targetSwatchFor(identity, lock, category);
  if (!swatch) {
    return { success: false, missing: 'swatch', message: `${identity.sku ?? title} has no swatch brandlock can find (${identity.colorway ? `"${identity.colorway}" is not in the palette` : 'no colourway'}).` };
  }
  return { success: true, target: { category, swatch, sku: identity.sku, colorway: identity.colorway ?? swatch.name, view: identity.view } };
}
