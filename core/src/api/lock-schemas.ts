/**
 * Published Brand Lock versions. Versions are immutable: publishing stores a new version with the next
 * number; the same content is never stored twice, and a brand version label never changes content.
 */
import { z } from 'zod';
import type { BrandLock } from '../brand/brand-lock';
import { IsoTime } from './common';

export const LockSummary = z.object({
  hash: z.string().describe('Content hash of the resolved lock, "sha256:..."'),
  number: z.number().int().describe('Server-assigned version number: 1, 2, 3...'),
  brand: z.object({ id: z.string(), name: z.string() }),
  version: z.string().describe("The brand's own version label, e.g. SS27.1"),
  season: z.string(),
  publishedBy: z.string(),
  publishedAt: IsoTime,
  current: z.boolean().describe('True for the latest published version, which new jobs use by default'),
});
export type LockSummary = z.infer<typeof LockSummary>;

/** The resolved lock: every category's recipe and QC thresholds complete, channels merged with presets. */
export const ResolvedLock = z
  .custom<BrandLock>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: 'expected a resolved Brand Lock object' })
  .meta({ description: 'A resolved Brand Lock (schema: `brandlock lock schema`), with category recipes and QC thresholds complete' });

export const LockDetail = LockSummary.extend({ lock: ResolvedLock });
export type LockDetail = z.infer<typeof LockDetail>;

export const LockList = z.object({ locks: z.array(LockSummary) });
export type LockList = z.infer<typeof LockList>;

/** What a publish returns: the version, and whether it was new (201) or already published (200). */
export const LockPublished = LockSummary.extend({ created: z.boolean() });
export type LockPublished = z.infer<typeof LockPublished>;

/** A lock reference in a path: "current", a version number, a brand version label, or a "sha256:" hash. */
export const LockRef = z.string().min(1).max(80);
