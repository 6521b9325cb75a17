/**
 * What the library commands share: the library lives in a brandlock server's database and blob store.
 * With --server they go through its API (the photo bytes are uploaded); without, they open the same
 * data folder (BRANDLOCK_DATA, or DATABASE_URL and BRANDLOCK_BLOBS) a stopped server uses.
 */
import { createBrandlockClient, type BrandlockClient } from '@brandlock/core/api';
import { InputError, UsageError, type CliArgs, type CliIo, type CliOption } from '../command';
import { ConfigError, readServerConfig } from '../../config/server-config';
import { openDatabase } from '../../store/open-database';
import { folderBlobStore } from '../../assets/folder-blob-store';
import type { Database } from '../../store/database';
import type { BlobStore } from '../../assets/blob-store';
import { dataOption } from './token-shared';

export const libraryOptions: Record<string, CliOption> = {
  data: dataOption,
  server: { type: 'string', value: '<url>', description: 'Use a running brandlock server instead of the data folder' },
  token: { type: 'string', value: '<token>', description: 'Token for --server (or set BRANDLOCK_TOKEN)' },
};

export type LibraryAccess = { kind: 'api'; api: BrandlockClient } | { kind: 'local'; db: Database; blobs: BlobStore; maxPixels: number };

export async function withLibrary<T>(args: CliArgs, io: CliIo, fn: (access: LibraryAccess) => Promise<T>): Promise<T> {
  if (typeof args.values.server === 'string') {
    const token = (args.values.token as string | undefined) ?? io.env.BRANDLOCK_TOKEN;
    if (!token) throw new UsageError('--server needs --token <token> (or BRANDLOCK_TOKEN)');
    return fn({ kind: 'api', api: createBrandlockClient({ baseUrl: args.values.server, token, timeoutMs: 120_000 }) });
  }
  let config;
  try {
    config = readServerConfig({ ...io.env, ...(typeof args.values.data === 'string' ? { BRANDLOCK_DATA: args.values.data } : {}) }, io.cwd);
  } catch (e) {
    if (e instanceof ConfigError) throw new InputError(e.message);
    throw e;
  }
  let db: Database;
  try {
    db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  } catch (e) {
    if ((e as Error).name === 'DataDirBusy') throw new InputError(`${(e as Error).message}. With the server running, use --server <url> --token <token>.`);
    throw new InputError(`cannot open the database: ${(e as Error).message}`);
  }
  try {
    return await fn({ kind: 'local', db, blobs: folderBlobStore(config.blobDir), maxPixels: config.maxUploadPixels });
  } finally {
    await db.close();
  }
}
