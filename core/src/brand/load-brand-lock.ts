/**
 * Loads a Brand Lock from parsed JSON: schema, references, seed defaults, channel presets. Every
 * problem is collected and returned at once, each with its JSON path; nothing throws on bad input.
 */
import { Recipe } from './recipe';
import { QcThresholds } from './qc-thresholds';
import { SEED_CATEGORIES, type SeedCategoryId } from './seed-categories';
import { BrandLockInput, type BrandLock, type BrandLockParsed } from './brand-lock';
import type { Category } from './category';
import { checkLockReferences } from './check-references';
import { zodIssuesToLockIssues } from './zod-issues';
import type { LockIssue } from './lock-issue';
import { ChannelSpec } from '../channels/channel-spec';
import { CHANNEL_PRESETS } from '../channels/catalog';
import { checkChannelText } from '../channels/text-policy';
import type { VideoChannelSpec } from '../channels/video-channel-spec';
import { contentHash } from '../hash/sha256';
import { checkVideoLock, resolveMotionBrief, resolveVideoChannel } from './resolve-video';

export type LoadBrandLockResult =
  | { success: true; lock: BrandLock; hash: string; files: string[] }
  | { success: false; issues: LockIssue[] };

/**
 * Validates and resolves a lock document.
 * @example
 * const res = loadBrandLock(JSON.parse(text));
 * if (!res.success) res.issues.forEach((i) => console.error(formatLockIssue(i)));
 */
export interface LoadBrandLockOptions {
  /**
   * SHA-256 of each LUT file as read from disk, by the lock's `file` path. A LUT without a written
   * `sha256` takes this one (so the lock hash covers the grade's content); a written one must match.
   */
  lutDigests?: Readonly<Record<string, string>>;
}

export function loadBrandLock(doc: unknown, options: LoadBrandLockOptions = {}): LoadBrandLockResult {
  const parsed = BrandLockInput.safeParse(doc, { reportInput: true });
  const issues: LockIssue[] = parsed.success ? [] : zodIssuesToLockIssues(BrandLockInput, doc, parsed.error.issues);
  issues.push(...checkLockReferences(doc));
  if (!parsed.success || issues.length) return { success: false, issues };

  const input = parsed.data;
  if (options.lutDigests) {
    input.luts.forEach((lut, i) => {
      const digest = options.lutDigests![lut.file];
      if (digest === undefined) return;
      if (lut.sha256 && lut.sha256 !== digest) {
        issues.push({ path: `luts[${i}].sha256`, code: 'lut_changed', message: `${lut.file} has changed since the lock was written: its content no longer matches the lock`, found: digest, expected: lut.sha256 });
      } else lut.sha256 = digest;
    });
  }
  const raw = doc as { categories: Record<string, unknown>[]; channels: Record<string, unknown>[]; videoChannels?: Record<string, unknown>[] };
  const categories = input.categories.map((c, i) => resolveCategory(writtenOnly(c, raw.categories[i]), i, issues));
  const channels = input.channels.map((c, i) => resolveChannel(writtenOnly(c, raw.channels[i]), i, issues));
  const videoChannels = input.videoChannels.map((c, i) => resolveVideoChannel(writtenOnly(c, raw.videoChannels?.[i]), i, issues));
  if (issues.length) return { success: false, issues };
  issues.push(...checkVideoLock(categories as Category[], videoChannels as VideoChannelSpec[], input.channels.map((c) => c.id)));
  if (issues.length) return { success: false, issues };

  const { $schema: _schema, ...rest } = input;
  const lock: BrandLock = { ...rest, categories: categories as Category[], channels: channels as ChannelSpec[], videoChannels: videoChannels as VideoChannelSpec[] };
  const files = [...input.luts.map((l) => l.file), ...input.models.flatMap((m) => m.referenceImages)];
  return { success: true, lock, hash: lockHash(lock), files };
}

/** The content hash of a resolved lock: same content, same hash, whatever key order or whitespace. */
export function lockHash(lock: BrandLock): string {
  return contentHash(lock);
}

function resolveCategory(c: BrandLockParsed['categories'][number], index: number, issues: LockIssue[]): Category | null {
  const seed = c.base ? SEED_CATEGORIES[c.base as SeedCategoryId] : undefined;
  const own = c.qc ?? {};
  const recipe = { ...seed?.recipe, ...c.recipe };
  const qc = {
    ...seed?.qc,
    ...own,
    exposure: { ...seed?.qc.exposure, ...own.exposure },
    whiteBalance: { ...seed?.qc.whiteBalance, ...own.whiteBalance },
    background: { ...seed?.qc.background, ...own.background },
    compression: { ...seed?.qc.compression, ...own.compression },
  };
  const r = Recipe.safeParse(recipe);
  const q = QcThresholds.safeParse(qc);
  const hint = seed ? '' : '; set it or give the category a "base" seed category';
  for (const [name, res, schema, value] of [['recipe', r, Recipe, recipe], ['qc', q, QcThresholds, qc]] as const) {
    if (res.success) continue;
    for (const issue of zodIssuesToLockIssues(schema, value, res.error.issues)) {
      issues.push({ ...issue, path: `categories[${index}].${name}${issue.path === '$' ? '' : `.${issue.path}`}`, message: issue.message + (issue.message === 'missing required field' ? hint : '') });
    }
  }
  const video = resolveMotionBrief(c.video, c.base as SeedCategoryId | undefined, `categories[${index}].video`, issues);
  if (!r.success || !q.success) return null;
  return { ...c, recipe: r.data, qc: q.data, video };
}

function resolveChannel(entry: BrandLockParsed['channels'][number], index: number, issues: LockIssue[]): ChannelSpec | null {
  const { preset, ...overrides } = entry;
  const base = preset ? CHANNEL_PRESETS[preset] : {};
  const merged = { ...base, ...overrides, id: entry.id };
  const res = ChannelSpec.safeParse(merged);
  if (res.success) {
    issues.push(...checkChannelText(res.data, `channels[${index}]`));
    return res.data;
  }
  for (const issue of zodIssuesToLockIssues(ChannelSpec, merged, res.error.issues)) {
    issues.push({ ...issue, path: `channels[${index}]${issue.path === '$' ? '' : `.${issue.path}`}`, message: issue.message + (preset ? '' : '; set it or start from a "preset"') });
  }
  return null;
}

/**
 * Keeps only the members the author wrote (recursively into objects), dropping defaults zod filled
 * in, so that a partial category or channel does not override its seed or preset with defaults.
 */
function writtenOnly<T>(parsed: T, raw: unknown): T {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return parsed;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return parsed;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (k in raw) out[k] = writtenOnly(v, (raw as Record<string, unknown>)[k]);
  }
  return out as T;
}
