/**
 * Fresh databases for tests, fast: creating a PGlite database and installing the schema and pg-boss
 * takes seconds, so it is done once and dumped to a tarball in the OS temp folder (keyed by the
 * migrations and pg-boss version); every test then loads a private copy in memory in well under a second.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import { MIGRATIONS } from '../../src/store/migrations';
import { migrate } from '../../src/store/migrate';
import { pgliteDatabase } from '../../src/store/pglite-database';
import type { Database } from '../../src/store/database';
import { createStepQueue } from '../../src/jobs/step-queue';

const key = createHash('sha256').update(JSON.stringify(MIGRATIONS)).update(String((PgBoss as unknown as { version?: string }).version ?? '10.4.2')).digest('hex').slice(0, 16);
const templatePath = join(tmpdir(), 'brandlock-test-templates', `pglite-${key}.tar`);

async function buildTemplate(): Promise<Blob> {
  const pg = await PGlite.create();
  const db = pgliteDatabase(pg);
  await migrate(db);
  const queue = createStepQueue(db, { stepTimeoutSeconds: 30 });
  await queue.start();
  await queue.stop();
  const dump = await pg.dumpDataDir('none');
  await pg.close();
  await mkdir(join(templatePath, '..'), { recursive: true });
  const temp = `${templatePath}.${process.pid}.tmp`;
  await writeFile(temp, new Uint8Array(await dump.arrayBuffer()));
  await rename(temp, templatePath);
  return dump;
}

let template: Promise<Blob> | null = null;

async function loadTemplate(): Promise<Blob> {
  try {
    return new Blob([await readFile(templatePath)]);
  } catch {
    return buildTemplate();
  }
}

/** A migrated in-memory database with pg-boss installed, private to the caller. */
export async function openTestDatabase(): Promise<Database> {
  template ??= loadTemplate();
  const pg = await PGlite.create({ loadDataDir: await template });
  return pgliteDatabase(pg);
}
