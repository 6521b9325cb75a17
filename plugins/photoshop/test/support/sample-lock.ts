// The demo brand's lock (samples/brand-lock.json), loaded by core as the server would serve it.
import { readFileSync } from 'node:fs';
import { loadBrandLock, type BrandLock } from '@brandlock/core/brand';

export function sampleLock(): { lock: BrandLock; hash: string } {
  const loaded = loadBrandLock(JSON.parse(readFileSync(new URL('../../../../samples/brand-lock.json', import.meta.url), 'utf8')));
  if (!loaded.success) throw new Error(`samples/brand-lock.json does not load: ${JSON.stringify(loaded.issues[0])}`);
  return { lock: loaded.lock, hash: loaded.hash };
}
