/**
 * Opens the configured database (a Postgres server when DATABASE_URL is set, else PGlite in the data
 * folder, locked to this process) and brings its schema up to date.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';
import { migrate } from './migrate';
import { lockDataDir } from './data-dir-lock';
import type { Secret } from '../config/secret';

export async function openDatabase(options: { dataDir: string; databaseUrl: Secret | null }): Promise<Database> {
  let db: Database;
  if (options.databaseUrl) {
    db = await openPostgresDatabase(options.databaseUrl.reveal());
  } else {
    await mkdir(options.dataDir, { recursive: true });
    const unlock = await lockDataDir(options.dataDir);
    try {
      const pglite = await openPgliteDatabase({ dataDir: join(options.dataDir, 'pglite') });
      db = { ...pglite, close: async () => {
        await pglite.close();
        await unlock();
      } };
    } catch (e) {
      await unlock();
      throw e;
    }
  }
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return db;
}
