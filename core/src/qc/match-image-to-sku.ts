/**
 * Decides what one image file is: which SKU, colorway, view, category and delivery target, from its
 * name (via the naming template) and either the brief's planned jobs or, without a brief, the
 * lock's palette and a default category. A file it cannot place is an error row, with the reason.
 */
import type { BrandLock } from '../brand/brand-lock';
import type { Category } from '../brand/category';
import type { ChannelSpec } from '../channels/channel-spec';
import type { PlannedJob, TargetSwatch } from '../brief/planned-job';
import { MASTER_CHANNEL, namingMatcher } from './naming-matcher';
import { swatchFromPalette } from './build-qc-context';

export interface ImageTarget {
  sku: string;
  colorway: string | null;
  view: string | null;
  category: Category;
  channel: ChannelSpec | null;
  swatch: TargetSwatch | null;
  job: PlannedJob | null;
}

export type ImageTargetResult = { success: true; target: ImageTarget } | { success: false; code: 'no_match' | 'unknown_sku' | 'no_category'; message: string };

export interface MatchOptions {
  /** The brief's planned jobs; when given, every file must name one of their SKUs. */
  jobs?: readonly PlannedJob[];
  /** Category for files whose name does not carry one, when there is no brief. */
  defaultCategory?: string;
}

/**
 * Builds a function that places image files by name.
 * @example
 * const place = imageTargetMatcher(lock, { defaultCategory: 'shirts' });
 * place('northfold_sh-100_ink_front_master_1024x1536.jpg') // { success: true, target: { sku: 'sh-100', ... } }
 */
export function imageTargetMatcher(lock: BrandLock, options: MatchOptions = {}): (fileName: string) => ImageTargetResult {
  const match = namingMatcher(lock);
  const categories = new Map(lock.categories.map((c) => [c.id, c]));
  const channels = new Map(lock.channels.map((c) => [c.id.toLowerCase(), c]));
  return (fileName) => {
    const tokens = match(fileName);
    if (!tokens || !tokens.sku) {
      return { success: false, code: 'no_match', message: `the name does not follow the lock's naming template "${lock.naming.template}"` };
    }
    const sku = tokens.sku;
    const colorway = tokens.colorway ?? null;
    const view = tokens.view?.toLowerCase() ?? null;
    const channelId = tokens.channel?.toLowerCase();
    const channel = channelId && channelId !== MASTER_CHANNEL ? (channels.get(channelId) ?? null) : null;
    if (options.jobs) {
      const same = (a: string | null | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();
      const forSku = options.jobs.filter((j) => same(sku, j.sku) && (!colorway || same(colorway, j.colorway)));
      if (!forSku.length) return { success: false, code: 'unknown_sku', message: `SKU "${sku}"${colorway ? ` in colorway "${colorway}"` : ''} is not in the brief` };
      const job = forSku.find((j) => !view || j.view.toLowerCase() === view) ?? forSku[0];
      const category = categories.get(job.category);
      if (!category) return { success: false, code: 'no_category', message: `the brief's category "${job.category}" is not in the lock` };
      return { success: true, target: { sku: job.sku, colorway: job.colorway, view: view ?? job.view, category, channel, swatch: job.swatch, job } };
    }
    const categoryId = tokens.category ?? options.defaultCategory;
    const category = categoryId ? categories.get(categoryId.toLowerCase()) : undefined;
    if (!category) {
      return {
        success: false,
        code: 'no_category',
        message: categoryId
          ? `category "${categoryId}" is not in the lock (expected one of ${[...categories.keys()].join(', ')})`
          : 'no category: the naming template has no {category} and there is no brief; pass --brief or --category',
      };
    }
    const swatch = colorway ? swatchFromPalette(lock, colorway, category) : null;
    return { success: true, target: { sku, colorway, view, category, channel, swatch, job: null } };
  };
}
