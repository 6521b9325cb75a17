/**
 * Writes a changed lock document: validated by core first (with the LUT files it names, relative to
 * where it is written), then written to a temporary name and renamed, so a reader never sees half a
 * lock and a bad document never replaces a good one. Returns the validated lock and its hash.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadBrandLock, type BrandLock, type LockIssue } from '@brandlock/core';

export type WriteLockResult = { success: true; lock: BrandLock; hash: string; path: string } | { success: false; issues: LockIssue[]; path: string };

/**
 * @example const res = await writeLockFile('brand-lock.v2.json', { ...doc, version: 'SS27.2' });
 */
export async function writeLockFile(path: string, doc: Record<string, unknown>): Promise<WriteLockResult> {
  const abs = resolve(path);
  const lutDigests: Record<string, string> = {};
  for (const lut of Array.isArray(doc.luts) ? (doc.luts as { file?: unknown }[]) : []) {
    if (typeof lut.file !== 'string' || lut.file.split(/[\\/]/).includes('..')) continue;
    try {
      lutDigests[lut.file] = createHash('sha256').update(await readFile(resolve(dirname(abs), lut.file))).digest('hex');
    } catch {
      // A LUT missing beside the new file is the caller's to report (lock check names it).
    }
  }
  const res = loadBrandLock(doc, { lutDigests });
  if (!res.success) return { success: false, issues: res.issues, path };
  const temp = `${abs}.${process.pid}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(doc, null, 2)}\n`);
    await rename(temp, abs);
  } catch (e) {
    await rm(temp, { force: true });
    throw new Error(`${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return { success: true, lock: res.lock, hash: res.hash, path };
}
