/**
 * Lock files opened from disk survive a relaunch: they are kept in Figma's client storage (through
 * the main thread) and opened again, validated as when first picked, when no server is connected.
 */
import { sha256Hex } from '@brandlock/core/hash';
import type { MainBus } from '../bus/main-bus';
import type { LoadedLock } from './loaded-lock';
import { parseLockText } from './read-lock-files';

export async function keepOfflineLock(main: MainBus, loaded: LoadedLock): Promise<string[]> {
  if (loaded.source.kind !== 'files') return [];
  const res = await main.call('saveOfflineLock', { name: loaded.source.name, json: loaded.source.json, cubes: loaded.cubes });
  return res.dropped;
}

export async function restoreOfflineLock(main: MainBus): Promise<LoadedLock | null> {
  const stored = await main.call('getOfflineLock', undefined).catch(() => null);
  if (!stored) return null;
  const parsed = parseLockText(stored.name, stored.json);
  if (!parsed.success) return null;
  const cubes: Record<string, string> = {};
  for (const lut of parsed.loaded.lock.luts) {
    const text = stored.cubes[lut.id];
    if (typeof text === 'string' && (!lut.sha256 || sha256Hex(new TextEncoder().encode(text)) === lut.sha256)) cubes[lut.id] = text;
  }
  return { ...parsed.loaded, cubes };
}
