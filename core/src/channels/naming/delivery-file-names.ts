/**
 * The file names one planned master is delivered under, decided before anything is made: each
 * channel variant's name from the lock's template, and the name a flagged or rejected master gets in
 * flagged/ or rejected/. The plan checks them against every other master's, so two SKUs can never be
 * delivered under one name.
 */
import type { BrandLock } from '../../brand/brand-lock';
import type { ChannelSpec } from '../channel-spec';
import { fillFileName, type FileNameResult, type NamingValues } from './fill-file-name';
import { FILE_EXTENSIONS } from './file-extension';

/** The template of a master delivered for review (flagged/, rejected/), in the lock's case. */
export const REVIEW_MASTER_TEMPLATE = '{sku}_{colorway}_{view}_master.{ext}';

export interface MasterIdentity {
  sku: string;
  colorway?: string;
  category?: string;
  view?: string;
  market?: string;
  index?: number;
}

/** The template's values for one channel variant of a master. */
export function variantNamingValues(lock: BrandLock, master: MasterIdentity, channel: ChannelSpec): NamingValues {
  return {
    brand: lock.brand.id, season: lock.season, version: lock.version, sku: master.sku, colorway: master.colorway, category: master.category, view: master.view,
    channel: channel.id, market: master.market ?? 'all', width: channel.width, height: channel.height, ext: FILE_EXTENSIONS[channel.format], index: master.index ?? 1,
  };
}

/** The name a flagged or rejected master is delivered under, with the master's own extension. */
export function reviewMasterFileName(lock: BrandLock, master: MasterIdentity, ext: string): FileNameResult {
  return fillFileName({ ...lock.naming, template: REVIEW_MASTER_TEMPLATE }, { sku: master.sku, colorway: master.colorway, view: master.view, ext });
}

/**
 * Every name a master may be delivered under: its variants on `channels` and its review copy (named
 * with extension "png"; the real one follows the master's format). Names that cannot be made are left
 * out here: delivery reports them.
 * @example deliveryFileNames(lock, { sku: 'NF-1', colorway: 'Ink', view: 'front' }, ['pdp-2x3'])
 * // [{ channel: 'pdp-2x3', name: 'northfold_nf-1_ink_front_pdp-2x3_2000x3000.jpg' }, { channel: 'master', name: 'nf-1_ink_front_master.png' }]
 */
export function deliveryFileNames(lock: BrandLock, master: MasterIdentity, channels: readonly string[]): { channel: string; name: string }[] {
  const out: { channel: string; name: string }[] = [];
  for (const id of channels) {
    const spec = lock.channels.find((c) => c.id === id);
    const named = spec ? fillFileName(lock.naming, variantNamingValues(lock, master, spec)) : null;
    if (named?.success) out.push({ channel: id, name: named.name });
  }
  const review = reviewMasterFileName(lock, master, 'png');
  if (review.success) out.push({ channel: 'master', name: review.name });
  return out;
}
