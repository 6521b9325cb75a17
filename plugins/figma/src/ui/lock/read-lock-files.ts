/**
 * Opens a Brand Lock from files the designer picks (the lock's JSON and, optionally, its .cube LUTs):
 * the offline way in, for the palette check, LUT preview and variants when no server is configured.
 * The lock is validated by core exactly as the server and CLI validate it.
 */
import { formatLockIssue, loadBrandLock, type LutRef } from '@brandlock/core/brand';
import { sha256Hex } from '@brandlock/core/hash';
import type { LoadedLock } from './loaded-lock';

export type ReadLockResult = { success: true; loaded: LoadedLock; notes: string[]; json: string } | { success: false; messages: string[] };

const MAX_LOCK_BYTES = 5 * 1024 * 1024;

export async function readLockFiles(files: readonly File[]): Promise<ReadLockResult> {
  const jsons = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  if (jsons.length !== 1) return { success: false, messages: [jsons.length ? 'Pick one lock file (.json), not several' : 'Pick the brand-lock.json file (and its .cube LUTs if you want LUT previews)'] };
  const file = jsons[0];
  if (file.size > MAX_LOCK_BYTES) return { success: false, messages: [`${file.name} is ${Math.round(file.size / 1024)} kB; a lock is at most 5 MB`] };
  const json = await file.text();
  const parsed = parseLockText(file.name, json);
  if (!parsed.success) return parsed;
  const { cubes, notes } = await matchCubeFiles(parsed.loaded.lock.luts, files);
  const missing = parsed.loaded.lock.luts.filter((l) => !(l.id in cubes));
  if (missing.length) notes.push(`Not opened: ${missing.map((l) => l.file).join(', ')}. Pick them with the lock to preview those LUTs.`);
  return { success: true, loaded: { ...parsed.loaded, cubes }, notes, json };
}

/** A lock's JSON text, validated by core exactly as the server and CLI validate it. */
export function parseLockText(name: string, text: string): ReadLockResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { success: false, messages: [`${name} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const res = loadBrandLock(doc);
  if (!res.success) return { success: false, messages: res.issues.slice(0, 8).map((i) => `${name}: ${formatLockIssue(i)}`).concat(res.issues.length > 8 ? [`…and ${res.issues.length - 8} more`] : []) };
  return { success: true, loaded: { lock: res.lock, hash: res.hash, source: { kind: 'files', name, json: text }, cubes: {} }, notes: [], json: text };
}

/** Adds .cube files to a lock already loaded (from the server when it holds none of them, or from files). */
export async function attachCubes(loaded: LoadedLock, files: readonly File[]): Promise<{ loaded: LoadedLock; notes: string[] }> {
  const { cubes, notes, used } = await matchCubeFiles(loaded.lock.luts, files);
  for (const f of files) {
    if (!used.has(f)) notes.push(`${f.name} is not one of this lock's LUTs (${loaded.lock.luts.map((l) => l.file).join(', ') || 'it has none'})`);
  }
  return { loaded: { ...loaded, cubes: { ...loaded.cubes, ...cubes } }, notes };
}

/**
 * Pairs .cube files with the lock's LUTs by file name. Where the lock pins a LUT's SHA-256, a file
 * with other content is refused: previewing a grade that is not the brand's would mislead.
 */
async function matchCubeFiles(luts: readonly LutRef[], files: readonly File[]): Promise<{ cubes: Record<string, string>; notes: string[]; used: Set<File> }> {
  const cubes: Record<string, string> = {};
  const notes: string[] = [];
  const used = new Set<File>();
  for (const lut of luts) {
    const base = lut.file.split(/[\\/]/).pop()!.toLowerCase();
    const match = files.find((f) => f.name.toLowerCase() === base);
    if (!match) continue;
    used.add(match);
    const bytes = new Uint8Array(await match.arrayBuffer());
    if (lut.sha256 && sha256Hex(bytes) !== lut.sha256) {
      notes.push(`${match.name} is not the lock's ${lut.name}: its SHA-256 differs from the one the lock pins (an edited file, or another grade).`);
      continue;
    }
    cubes[lut.id] = new TextDecoder().decode(bytes);
  }
  return { cubes, notes, used };
}
