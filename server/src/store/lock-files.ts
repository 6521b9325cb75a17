/** Files a lock names by path (model reference images), stored as blobs and looked up by lock and path. */
import type { Queryable } from './database';

export async function recordLockFile(db: Queryable, lockHash: string, path: string, sha256: string): Promise<boolean> {
  const prev = await db.query<{ sha256: string }>('SELECT sha256 FROM lock_files WHERE lock_hash = $1 AND path = $2', [lockHash, path]);
  if (prev[0]?.sha256 === sha256) return false;
  await db.query(
    'INSERT INTO lock_files (lock_hash, path, sha256) VALUES ($1, $2, $3) ON CONFLICT (lock_hash, path) DO UPDATE SET sha256 = EXCLUDED.sha256, created_at = now()',
    [lockHash, path, sha256],
  );
  return true;
}

/** The stored file of each path the lock names, where one was uploaded. */
export async function lockFiles(db: Queryable, lockHash: string, paths: readonly string[]): Promise<Map<string, string>> {
  if (!paths.length) return new Map();
  const rows = await db.query<{ path: string; sha256: string }>('SELECT path, sha256 FROM lock_files WHERE lock_hash = $1 AND path = ANY($2::text[])', [lockHash, [...paths]]);
  return new Map(rows.map((r) => [r.path, r.sha256]));
}
