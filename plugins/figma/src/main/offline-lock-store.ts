/**
 * The lock files a designer opened from disk (the lock's JSON and its .cube LUTs), kept in Figma's
 * client storage so the next launch works offline without picking them again. Client storage holds
 * 5 MB per plugin: the lock always fits; .cube files are kept while they fit and the rest are named.
 */
import { PluginError } from '../bus/bus-errors';

const KEY = 'brandlock.offlineLock';
const BUDGET = 4_500_000;

export interface OfflineLock {
  name: string;
  json: string;
  cubes: Record<string, string>;
}

export async function saveOfflineLockAsync(p: unknown): Promise<{ kept: string[]; dropped: string[] }> {
  const lock = p as Partial<OfflineLock> | null;
  if (!lock || typeof lock.name !== 'string' || typeof lock.json !== 'string' || typeof lock.cubes !== 'object' || lock.cubes === null) {
    throw new PluginError('bad-request', 'saveOfflineLock: expected { name, json, cubes }');
  }
  if (lock.json.length > BUDGET) throw new PluginError('too-large', `${lock.name} is ${Math.round(lock.json.length / 1024)} kB; Figma keeps at most ${BUDGET / 1_000_000} MB for a plugin`);
  let used = lock.json.length + lock.name.length;
  const cubes: Record<string, string> = {};
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const [id, text] of Object.entries(lock.cubes)) {
    if (typeof text !== 'string') continue;
    if (used + text.length + id.length > BUDGET) {
      dropped.push(id);
      continue;
    }
    used += text.length + id.length;
    cubes[id] = text;
    kept.push(id);
  }
  await figma.clientStorage.setAsync(KEY, { name: lock.name.slice(0, 200), json: lock.json, cubes });
  return { kept, dropped };
}

export async function loadOfflineLockAsync(): Promise<OfflineLock | null> {
  const stored = (await figma.clientStorage.getAsync(KEY)) as Partial<OfflineLock> | undefined;
  if (!stored || typeof stored.json !== 'string' || typeof stored.name !== 'string') return null;
  return { name: stored.name, json: stored.json, cubes: stored.cubes && typeof stored.cubes === 'object' ? stored.cubes : {} };
}

export async function forgetOfflineLockAsync(): Promise<void> {
  await figma.clientStorage.deleteAsync(KEY);
}
