/**
 * Finds the frames that would land on one file name in a delivery zip: the same name ignoring case (as
 * macOS and Windows see it), or the zip's own manifest.json. Checked before any frame is exported, so
 * Export all can name them at once and leave them out, never dropping or overwriting a file in the zip.
 */

/** A file name more than one frame exports to (or a frame that would overwrite the manifest). */
export interface NameCollision<T> {
  fileName: string;
  frames: T[];
}

/** The zip's manifest: no delivered file may take its name. */
export const MANIFEST_NAME = 'manifest.json';

export function findNameCollisions<T extends { fileName: string }>(frames: readonly T[]): NameCollision<T>[] {
  const byName = new Map<string, T[]>();
  for (const f of frames) {
    const key = f.fileName.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), f]);
  }
  return [...byName]
    .filter(([key, same]) => same.length > 1 || key === MANIFEST_NAME)
    .map(([, same]) => ({ fileName: same[0].fileName, frames: same }));
}
