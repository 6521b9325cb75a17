/**
 * A master file decoded for its variants, with its subject and a given subject box checked against
 * it. Kept apart from the crop planning and rendering so a caller can start it first (the CLI does,
 * before it reads the lock): the decode then runs in libvips threads while JavaScript goes on.
 */
import type { Box } from '@brandlock/core';
import { readMasterFile } from './load-master';
import { loadMasterWithSubject, type MasterWithSubject } from './load-master-with-subject';

/** A subject box given by the user must lie inside the master. */
export class SubjectOutsideError extends Error {
  override name = 'SubjectOutsideError';
}

/** @example const loading = loadMasterFile('master.jpg', null); const { master, subject } = await loading; */
export async function loadMasterFile(path: string, given: Box | null | undefined, options: { maxPixels?: number } = {}): Promise<MasterWithSubject> {
  // Read at once: the decode waits for these bytes, and the caller is about to keep its thread busy.
  const loaded = await loadMasterWithSubject(await readMasterFile(path, { sync: true }), given, options);
  if (given) checkInside(given, loaded.master);
  return loaded;
}

function checkInside(box: Box, master: { width: number; height: number }): void {
  if (box.width <= 0 || box.height <= 0 || box.x < 0 || box.y < 0 || box.x + box.width > master.width || box.y + box.height > master.height) {
    throw new SubjectOutsideError(`the subject box ${box.x},${box.y},${box.width},${box.height} is not inside the ${master.width}x${master.height} master`);
  }
}
