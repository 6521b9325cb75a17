/**
 * One process at a time in an embedded data folder: PGlite is not multi-process, so a second server
 * or CLI on the same folder would corrupt it. A lock file holds the owner's pid; a lock left by a
 * process that no longer runs (a crash, SIGKILL) is taken over.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class DataDirBusy extends Error {
  override name = 'DataDirBusy';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders this process holds (a second open in the same process is refused too). */
const held = new Set<string>();

/** Takes the folder's lock; returns the function that releases it. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, 'brandlock.pid');
  if (held.has(file)) throw new DataDirBusy(`${dir} is in use by process ${process.pid} (this process); use its API instead of opening it twice`);
  for (let tries = 0; tries < 3; tries++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      held.add(file);
      return async () => {
        held.delete(file);
        if ((await readFile(file, 'utf8').catch(() => '')) === String(process.pid)) await unlink(file).catch(() => undefined);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(await readFile(file, 'utf8').catch(() => 'NaN'));
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
        throw new DataDirBusy(`${dir} is in use by process ${owner} (a running brandlock server?); stop it, or use its API, or set DATABASE_URL to share a Postgres server`);
      }
      await unlink(file).catch(() => undefined);
    }
  }
  throw new DataDirBusy(`could not take the lock on ${dir}`);
}
