/**
 * Decides what one image file is: which SKU, colorway, view, category and delivery target. A name
 * that follows the lock's naming template is read token by token; with a brief, a file its rows list
 * as a source image stands for those SKUs. Without a brief, the colorway is looked up in the palette
 * and the category comes from the name or a default. A file it cannot place is an error row.
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

export type ImageTargetResult =
  | { success: true; targets: ImageTarget[] }
  | { success: false; code: 'no_match' | 'unknown_sku' | 'no_category'; message: string };

export interface MatchOptions {
  /** The brief's planned jobs; when given, every file must name one of their SKUs. */
  jobs?: readonly PlannedJob[];
  /** Jobs whose brief row lists a file as a source image, by the caller's file key (a resolved path). */
  jobsForSource?: (fileKey: string) => readonly PlannedJob[] | undefined;
  /** Category for files whose name does not carry one, when there is no brief. */
  defaultCategory?: string;
}

/** Names compare without case and with spaces, "_" and "-" alike ("Grey marl" = "grey-marl"). */
const slug = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '-');
const same = (a: string | null | undefined, b: string) => a !== null && a !== undefined && slug(a) === slug(b);

/**
 * Builds a function that places image files by name (and, with a brief, by source-image path).
 * @example
 * const place = imageTargetMatcher(lock, { defaultCategory: 'wovens' });
 * place('northfold_nf-100_ink_front_master_1024x1536.jpg') // { success: true, targets: [{ sku: 'nf-100', ... }] }
 */
export function imageTargetMatcher(lock: BrandLock, options: MatchOptions = {}): (fileName: string, fileKey?: string) => ImageTargetResult {
  const free = namingMatcher(lock);
  const known = options.jobs ? namingMatcher(lock, options.jobs.map((j) => j.sku)) : free;
  const match = (name: string) => known(name) ?? free(name);
  const categories = new Map(lock.categories.map((c) => [c.id, c]));
  const channels = new Map(lock.channels.map((c) => [c.id.toLowerCase(), c]));
  const fromJob = (job: PlannedJob, view: string | null, channel: ChannelSpec | null): ImageTargetResult => {
    const category = categories.get(job.category);
    if (!category) return { success: false, code: 'no_category', message: `the brief's category "${job.category}" is not in the lock` };
    return { success: true, targets: [{ sku: job.sku, colorway: job.colorway, view: view ?? job.view, category, channel, swatch: job.swatch, job }] };
  };
  return (fileName, fileKey) => {
    const tokens = match(fileName);
    if (!tokens?.sku) {
      const sourceJobs = fileKey ? options.jobsForSource?.(fileKey) : undefined;
      if (sourceJobs?.length) {
        const targets: ImageTarget[] = [];
        const seen = new Set<string>();
        for (const job of sourceJobs) {
          const key = `${job.sku}\u0000${job.colorway}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const res = fromJob(job, null, null);
          if (!res.success) return res;
          targets.push(...res.targets);
        }
        return { success: true, targets };
      }
      const hint = options.jobs ? ' and no brief row lists it as a source image' : '';
      return { success: false, code: 'no_match', message: `the name does not follow the lock's naming template "${lock.naming.template}"${hint}` };
    }
    const sku = tokens.sku;
    const colorway = tokens.colorway ?? null;
    const view = tokens.view?.toLowerCase() ?? null;
    const channelId = tokens.channel?.toLowerCase();
    const channel = channelId && channelId !== MASTER_CHANNEL ? (channels.get(channelId) ?? null) : null;
    if (options.jobs) {
      const forSku = options.jobs.filter((j) => same(sku, j.sku) && (!colorway || same(colorway, j.colorway) || same(colorway, j.swatch.swatchId ?? '')));
      if (!forSku.length) return { success: false, code: 'unknown_sku', message: `SKU "${sku}"${colorway ? ` in colorway "${colorway}"` : ''} is not in the brief` };
      return fromJob(forSku.find((j) => !view || j.view.toLowerCase() === view) ?? forSku[0], view, channel);
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
    return { success: true, targets: [{ sku, colorway, view, category, channel, swatch, job: null }] };
  };
}
