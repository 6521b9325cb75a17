/**
 * Loads a Brand Lock file from disk: JSON with positioned syntax errors, core validation, and a
 * check that every file the lock names (LUTs, reference images) exists beside it.
 */
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadBrandLock, type BrandLock, type LockIssue } from '@brandlock/core';
import { readJsonFile } from './read-json-file';

export type ReadLockResult =
  | { success: true; lock: BrandLock; hash: string; path: string; dir: string; raw: unknown; missingFiles: LockIssue[] }
  | { success: false; issues: LockIssue[]; path: string };

/**
 * Reads and validates a lock file. Missing reference images are warnings (`missingFiles`); a missing
 * LUT file is an error, because production cannot run without it.
 */
export async function readLockFile(path: string): Promise<ReadLockResult> {
  const abs = resolve(path);
  const raw = await readJsonFile(abs, path);
  const dir = dirname(abs);
  const lutDigests = await digestLutFiles(raw, dir);
  const res = loadBrandLock(raw, { lutDigests });
  if (!res.success) return { success: false, issues: res.issues, path };
  const lutIssues: LockIssue[] = [];
  const missingFiles: LockIssue[] = [];
  await Promise.all(
    res.lock.luts.map(async (lut, i) => {
      if (!(await exists(resolve(dir, lut.file)))) {
        lutIssues.push({ path: `luts[${i}].file`, code: 'missing_file', message: `LUT file not found next to the lock`, found: JSON.stringify(lut.file), expected: `a .cube file at ${resolve(dir, lut.file)}` });
      }
    }),
  );
  await Promise.all(
    res.lock.models.flatMap((m, i) =>
      m.referenceImages.map(async (img, j) => {
        if (!(await exists(resolve(dir, img)))) {
          missingFiles.push({ path: `models[${i}].referenceImages[${j}]`, code: 'missing_file', message: 'reference image not found next to the lock', found: JSON.stringify(img) });
        }
      }),
    ),
  );
  if (lutIssues.length) return { success: false, issues: lutIssues, path };
  return { success: true, lock: res.lock, hash: res.hash, path, dir, raw, missingFiles };
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

/** SHA-256 of every LUT file the document names that can be read (missing ones are reported later). */
async function digestLutFiles(raw: unknown, dir: string): Promise<Record<string, string>> {
  const luts = (raw as { luts?: unknown })?.luts;
  const digests: Record<string, string> = {};
  if (!Array.isArray(luts)) return digests;
  await Promise.all(
    luts.map(async (lut) => {
      const file = (lut as { file?: unknown })?.file;
      if (typeof file !== 'string' || file.split(/[\\/]/).includes('..')) return;
      try {
        digests[file] = createHash('sha256').update(await readFile(resolve(dir, file))).digest('hex');
      } catch {
        // A missing or unreadable file is reported as missing_file below.
      }
    }),
  );
  return digests;
}
