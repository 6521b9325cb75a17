/**
 * What a delivery folder remembers about the run that fills it: which lock and brief (by hash), the
 * server and the brief id there. Re-running on the same inputs continues that run; a folder that
 * holds another season is refused rather than mixed.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface ProduceState {
  version: 1;
  lockHash: string;
  briefHash: string;
  briefFile: string;
  /** "in-process" or the server URL. */
  server: string;
  briefId: string | null;
  startedAt: string;
  runs: number;
}

export async function readProduceState(path: string): Promise<ProduceState | null> {
  try {
    const state = JSON.parse(await readFile(path, 'utf8')) as ProduceState;
    return state.version === 1 ? state : null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`${path} is unreadable (${(e as Error).message}); delete it to start the run afresh`);
  }
}

export async function writeProduceState(path: string, state: ProduceState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(tmp, path);
}
