/**
 * Writes a file given as parts (an encoded image plus spliced-in metadata) under a hidden temporary
 * name beside it, then renames it into place, so the final name only ever holds a complete file and
 * a large image is written without first being joined into one buffer.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** @example await writeFileParts('out/shot-01.jpg', [head, exif, rest]) */
export async function writeFileParts(path: string, parts: readonly Uint8Array[]): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'wx');
    try {
      // writev takes at most IOV_MAX (1024) buffers per call on Linux.
      for (let i = 0; i < parts.length; i += 512) await file.writev(parts.slice(i, i + 512) as Uint8Array[]);
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
