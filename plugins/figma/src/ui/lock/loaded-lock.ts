/** The Brand Lock the UI works with, and where it came from (the server, or files the designer opened). */
import type { BrandLock } from '@brandlock/core/brand';

export interface LoadedLock {
  lock: BrandLock;
  hash: string;
  /** Lock files keep their JSON text, so they can be kept for the next launch. */
  source: { kind: 'server'; url: string } | { kind: 'files'; name: string; json: string };
  /** .cube text by LUT id, for the LUTs whose files are at hand. */
  cubes: Record<string, string>;
}
