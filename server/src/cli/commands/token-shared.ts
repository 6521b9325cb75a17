/**
 * What the token commands share: opening the server's database from the environment (the same
 * BRANDLOCK_DATA or DATABASE_URL the server uses) with errors a person can act on.
 */
import { Role } from '@brandlock/core/api';
import { InputError, UsageError, type CliIo } from '../command';
import type { Database } from '../../store/database';

export const dataOption = { type: 'string' as const, value: '<dir>', description: 'Data folder of an embedded server (default: BRANDLOCK_DATA or ./.brandlock); ignored when DATABASE_URL is set' };

export async function withServerDatabase<T>(io: CliIo, data: string | undefined, fn: (db: Database) => Promise<T>): Promise<T> {
  const { ConfigError, readServerConfig } = await import('../../config/server-config');
  const { openDatabase } = await import('../../store/open-database');
  let config;
  try {
    config = readServerConfig({ ...io.env, ...(data ? { BRANDLOCK_DATA: data } : {}) }, io.cwd);
  } catch (e) {
    if (e instanceof ConfigError) throw new InputError(e.message);
    throw e;
  }
  let db: Database;
  try {
    db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  } catch (e) {
    if ((e as Error).name === 'DataDirBusy') throw new InputError(`${(e as Error).message}. A running server makes tokens with POST /v1/tokens.`);
    throw new InputError(`cannot open the database: ${(e as Error).message}`);
  }
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export function parseRole(value: unknown): Role {
  const res = Role.safeParse(value);
  if (!res.success) throw new UsageError(`--role must be one of ${Role.options.join(', ')}${value ? `; found "${String(value)}"` : ''}`);
  return res.data;
}
