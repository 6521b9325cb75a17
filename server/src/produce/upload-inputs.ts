/**
 * Puts what a season run needs on the server: the lock (unless that exact content is there already)
 * with its LUT files, the brief (reused on a re-run of the same brief), and every source image the
 * plan names. A source that is missing or unreadable is a problem for its rows, not for the run.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isBrandlockHttpError, type BrandlockClient } from '@brandlock/core/api';
import type { BrandLock, PlannedJob } from '@brandlock/core';

export interface InputProblem {
  where: string;
  message: string;
}

async function missing(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return false;
  } catch (e) {
    if (isBrandlockHttpError(e) && e.status === 404) return true;
    throw e;
  }
}

/** Publishes the lock and uploads its LUTs where the server lacks them. */
export async function ensureLock(api: BrandlockClient, input: { lock: BrandLock; hash: string; document: unknown; lockDir: string }): Promise<void> {
  if (await missing(() => api.locks.get(input.hash))) await api.locks.publish(input.document);
  for (const lut of input.lock.luts) {
    if (await missing(() => api.locks.lut(input.hash, lut.id))) await api.luts.put(await readFile(resolve(input.lockDir, lut.file)));
  }
}

/** The server's brief for this text and lock: the one a previous run uploaded, or a new upload. */
export async function ensureBrief(api: BrandlockClient, input: { known: string | null; name: string; text: string; lockHash: string }): Promise<string> {
  if (input.known) {
    try {
      const brief = await api.briefs.get(input.known);
      if (brief.lockHash === input.lockHash) return brief.id;
    } catch (e) {
      if (!(isBrandlockHttpError(e) && e.status === 404)) throw e;
    }
  }
  return (await api.briefs.upload({ name: input.name, text: input.text, lock: input.lockHash })).id;
}

const TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', tif: 'image/tiff', tiff: 'image/tiff', avif: 'image/avif', gif: 'image/gif' };

/** Uploads each source image the plan names once; returns path → reference and the problems. */
export async function uploadSources(
  api: BrandlockClient,
  jobs: readonly PlannedJob[],
  briefPath: string,
  onProgress: (done: number, failed: number, total: number) => void,
  signal?: AbortSignal,
  libraryBlobDir?: string,
): Promise<{ refs: Record<string, string>; problems: InputProblem[] }> {
  const dir = dirname(resolve(briefPath));
  const rowsOf = new Map<string, Set<string>>();
  for (const j of jobs) for (const s of j.sources) rowsOf.set(s, (rowsOf.get(s) ?? new Set()).add(`row ${j.row} (${j.sku})`));
  const refs: Record<string, string> = {};
  const problems: InputProblem[] = [];
  let done = 0;
  for (const [path, rows] of rowsOf) {
    if (signal?.aborted) break;
    try {
      const library = /^library:([0-9a-f]{64})$/.exec(path);
      if (library) {
        refs[path] = await libraryRef(api, library[1], libraryBlobDir);
        done++;
        onProgress(done, problems.length, rowsOf.size);
        continue;
      }
      const bytes = await readFile(join(dir, path));
      const ext = path.split('.').pop()?.toLowerCase() ?? '';
      refs[path] = (await api.uploads.put(bytes, TYPES[ext] ?? 'application/octet-stream')).ref;
      done++;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'file not found next to the brief' : isBrandlockHttpError(e) ? e.message.replace(/^PUT \S+: /, '') : (e as Error).message;
      problems.push({ where: [...rows].join(', '), message: `source image ${path}: ${why}` });
    }
    onProgress(done, problems.length, rowsOf.size);
  }
  return { refs, problems };
}

/**
 * A brief source naming a library asset (`library:<sha256>`): the server's own copy when it holds the
 * asset (a run with --server), else the bytes from the local library's blob folder, uploaded.
 */
async function libraryRef(api: BrandlockClient, sha256: string, blobDir: string | undefined): Promise<string> {
  if (!(await missing(() => api.library.get(sha256)))) return `sha256:${sha256}`;
  if (!blobDir) throw new Error(`library asset ${sha256.slice(0, 12)} is not on the server and no local library is configured`);
  let bytes: Buffer;
  try {
    bytes = await readFile(join(blobDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256));
  } catch {
    throw new Error(`library asset ${sha256.slice(0, 12)} is not in the library (${blobDir}); add it with "brandlock library add"`);
  }
  return (await api.uploads.put(bytes, 'application/octet-stream')).ref;
}
