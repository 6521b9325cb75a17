/**
 * Which view (front, back, detail...) an open master is. Delivered files are named by it, so a
 * master whose name and metadata do not say it is not given the brief's first view: a back master
 * named by its SKU alone would go to the DAM under the front's names. When the SKU is shot in one
 * view only, that view is the answer; otherwise the retoucher chooses it, from the views the brief
 * plans for the SKU and then the rest of its category's pose set.
 */
import type { BrandLock, Category } from '@brandlock/core/brand';
import type { BriefSku } from '../../ports/brandlock-server';
import type { DocumentIdentity } from './document-identity';

function poseViews(category: Category | null, lock: BrandLock) {
  return lock.poseSets.find((p) => p.id === category?.poseSet)?.views ?? [];
}

/**
 * The views the SKU is shot in: its brief row's, else its category's pose set's; [] when neither is known.
 * @example viewsOfSku(row, wovens, lock) // ['front', 'back'] for a row planned front and back
 */
export function viewsOfSku(row: BriefSku | null, category: Category | null, lock: BrandLock): string[] {
  if (row?.views.length) return row.views.map((v) => v.view);
  return poseViews(category, lock).map((v) => v.id);
}

/** The views the retoucher may choose: the SKU's own first, then the rest its category's pose set allows. */
export function viewChoices(identity: DocumentIdentity, lock: BrandLock): { value: string; label: string }[] {
  const pose = poseViews(lock.categories.find((c) => c.id === identity.category) ?? null, lock);
  const ids = [...new Set([...identity.views, ...pose.map((v) => v.id)])];
  const label = (id: string) => pose.find((v) => v.id === id)?.name ?? identity.row?.views.find((v) => v.view === id)?.viewName ?? id;
  return ids.map((id) => ({ value: id, label: label(id) }));
}

const list = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

/**
 * Why the view is not known, in a sentence; null when it is (stated, chosen, or the SKU's only view).
 * @example unstatedViewReason(id) // 'Its name and metadata do not say which view it is, and NF-1001 has front and back.'
 */
export function unstatedViewReason(identity: DocumentIdentity): string | null {
  if (identity.view) return null;
  const has = identity.views.length > 1 ? `, and ${identity.sku ?? 'this SKU'} has ${list(identity.views)}` : '';
  return `Its name and metadata do not say which view it is${has}.`;
}
