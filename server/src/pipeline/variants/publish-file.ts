/**
 * Writes a finished file into the output folder without ever replacing one: the bytes go to a
 * hidden temporary name first, then a hard link publishes them under the final name, which fails
 * if that name exists (unlike rename, which would overwrite). The name must be a plain file name
 * that resolves inside the folder.
 */
import { copyFile, link, unlink, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { VariantError } from './variant-error';

/** Returns the absolute path written. */
export async function publishFile(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const folder = resolve(dir);
  const target = resolve(folder, name);
  if (basename(name) !== name || dirname(target) !== folder || name.startsWith('.')) {
    throw new VariantError('unsafe_path', `refusing to write ${JSON.stringify(name)}: not a plain file name inside ${folder}`);
  }
  const temp = join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    try {
      await link(temp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new VariantError('exists', `${target} already exists; not overwritten (remove it or choose another output folder)`);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw e;
      await copyFile(temp, target, constants.COPYFILE_EXCL).catch((err: NodeJS.ErrnoException) => {
        throw err.code === 'EEXIST' ? new VariantError('exists', `${target} already exists; not overwritten`) : err;
      });
    }
    return target;
  } catch (e) {
    if ((e as Error).name === 'VariantError') throw e;
    throw new VariantError('write', `cannot write ${target}: ${(e as Error).message}`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
