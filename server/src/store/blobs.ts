/** Metadata of stored bytes (the bytes live in the BlobStore): type, size, dimensions. */
import type { Queryable } from './database';

export interface BlobMeta {
  sha256: string;
  contentType: string;
  format: string | null;
  bytes: number;
  width: number | null;
  height: number | null;
}

/** Records a blob; returns true when it was new. */
export async function recordBlob(db: Queryable, meta: BlobMeta): Promise<boolean> {
  const rows = await db.query(
    'INSERT INTO blobs (sha256, content_type, format, bytes, width, height) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO NOTHING RETURNING sha256',
    [meta.sha256, meta.contentType, meta.format, meta.bytes, meta.width, meta.height],
  );
  return rows.length > 0;
}

/** Blob rows are never changed or deleted, so a row once read is remembered (per database, bounded). */
const remembered = new WeakMap<Queryable, Map<string, BlobMeta>>();
const MAX_REMEMBERED = 10_000;

export async function findBlob(db: Queryable, sha256: string): Promise<BlobMeta | null> {
  const known = remembered.get(db)?.get(sha256);
  if (known) return known;
  const rows = await db.query<{ sha256: string; content_type: string; format: string | null; bytes: number; width: number | null; height: number | null }>('SELECT * FROM blobs WHERE sha256 = $1', [sha256]);
  const r = rows[0];
  if (!r) return null;
  const meta = { sha256: r.sha256, contentType: r.content_type, format: r.format, bytes: r.bytes, width: r.width, height: r.height };
  const mine = remembered.get(db) ?? new Map<string, BlobMeta>();
  if (mine.size >= MAX_REMEMBERED) mine.clear();
  remembered.set(db, mine.set(sha256, meta));
  return meta;
}
