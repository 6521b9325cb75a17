/**
 * The default BlobStore: files in a folder, sharded by the first two byte pairs of the hash
 * (`ab/cd/abcd...`). Writes go to a temporary name and are renamed when complete, so a crash never
 * leaves a partial file under a real hash.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertSha256, type BlobStore } from './blob-store';

export function folderBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string) => {
    assertSha256(sha256);
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const has = async (sha256: string) => {
    try {
      await stat(pathOf(sha256));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  };
  return {
    has,
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (await has(sha256)) return { sha256, created: false };
      const path = pathOf(sha256);
      await mkdir(join(path, '..'), { recursive: true });
      const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        await writeFile(temp, bytes);
        await rename(temp, path);
      } catch (e) {
        await unlink(temp).catch(() => undefined);
        throw e;
      }
      return { sha256, created: true };
    },
    async get(sha256) {
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
  };
}
